import { Link } from "@/components/ui/link";
import { daysBetween, formatDateLong } from "@/lib/dates/cycle";
import type { TaskStatus } from "@/lib/db/generated/enums";
import { TASK_STATUS_LABELS } from "@/lib/tasks/status";

type UpcomingTask = { id: string; dueOn: Date | null; status: TaskStatus; assigneeKey: string; unit: { name: string } | null; activity: { title: string } };

function whose(t: UpcomingTask): string {
  if (t.unit) return t.unit.name;
  return t.assigneeKey === "COMMUNICATIONS" ? "Kommunikationsenheten" : "Hela verksamheten";
}

function when(dueOn: Date, today: Date): { text: string; overdue: boolean } {
  const days = daysBetween(today, dueOn);
  if (days < 0) return { text: `Försenad, skulle vara klar ${formatDateLong(dueOn)}`, overdue: true };
  if (days === 0) return { text: "Ska vara klar i dag", overdue: false };
  return { text: `Ska vara klar ${formatDateLong(dueOn)}`, overdue: false };
}

/** "Att göra snart" on the start page: the user's overdue tasks and those due within two weeks. */
export function UpcomingPanel({ tasks, total, today }: { tasks: UpcomingTask[]; total: number; today: Date }) {
  return (
    <section id="att-gora-snart" aria-labelledby="att-gora-snart-rubrik" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="att-gora-snart-rubrik" className="text-xl font-semibold">
        Att göra snart
      </h2>
      {tasks.length === 0 ? (
        <p className="mt-2 text-slate-700">Du har inga försenade uppgifter och inget som ska vara klart de närmaste två veckorna.</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-700">Försenat och det som ska vara klart inom två veckor.</p>
          <ul className="mt-3 divide-y divide-slate-200">
            {tasks.map((t) => {
              const due = when(t.dueOn!, today);
              return (
                <li key={t.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                  <span>
                    <Link href={`/checklista/uppgift/${t.id}`} className="font-medium text-blue-800 underline underline-offset-4">
                      {t.activity.title}
                    </Link>{" "}
                    <span className="text-slate-700">({whose(t)}, {TASK_STATUS_LABELS[t.status].toLowerCase()})</span>
                  </span>
                  <span className={due.overdue ? "font-medium text-red-800" : "text-slate-700"}>{due.text}</span>
                </li>
              );
            })}
          </ul>
          {total > tasks.length && (
            <p className="mt-2 text-sm">
              Visar {tasks.length} av {total}.{" "}
              <Link href="/checklista" className="text-blue-800 underline underline-offset-4">
                Se alla i checklistan
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
