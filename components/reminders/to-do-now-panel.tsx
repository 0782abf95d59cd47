import { Link } from "@/components/ui/link";
import { daysBetween, formatDateLong } from "@/lib/dates/cycle";
import type { ToDoNowTask } from "@/lib/reminders/queries";
import { LiveStatusText } from "@/components/checklist/live-status";
import * as clock from "@/lib/clock";
import { OverdueNotice } from "./overdue-notice";
import { overdueHref } from "@/lib/tasks/overdue-href";

function whose(t: ToDoNowTask): string {
  if (t.unit) return t.unit.name;
  return t.assigneeKey === "COMMUNICATIONS" ? "Kommunikationsenheten" : "Hela verksamheten";
}

function when(t: ToDoNowTask, today: Date): string {
  if (!t.dueOn) return "Löpande";
  if (t.overdue) return `Försenad, skulle vara klar ${formatDateLong(t.dueOn)}`;
  return daysBetween(today, t.dueOn) === 0 ? "Ska vara klar i dag" : `Ska vara klar ${formatDateLong(t.dueOn)}`;
}

const TIER_HEADINGS = { own: "Dina uppgifter", changeable: "Andra rollers uppgifter som du kan ändra", others: "Andras uppgifter att hålla koll på" } as const;

/** "Att göra nu" on the start page: overdue tasks and this month's, the user's own first, each a link to the task. */
export function ToDoNowPanel({ tasks, total, overdue, today, oneUnit = false }: { tasks: ToDoNowTask[]; total: number; overdue: number; today: Date; /** The list keeps to the wheel's unit; the count (the menu's) is of all the user's. */ oneUnit?: boolean }) {
  const tiers = (["own", "changeable", "others"] as const).map((tier) => ({ tier, tasks: tasks.filter((t) => t.tier === tier) })).filter((g) => g.tasks.length > 0);
  return (
    <section id="att-gora-nu" aria-labelledby="att-gora-nu-rubrik" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="att-gora-nu-rubrik" className="text-xl font-semibold">
        Att göra nu
      </h2>
      {/* The count and the statuses follow a tick-off in the wheel's panel, which answers without the page (docs/decisions/033). */}
      <OverdueNotice count={overdue} renderedAt={clock.now().getTime()} oneUnit={oneUnit} />
      {tasks.length === 0 ? (
        <p className="mt-2 text-slate-700">Inget är försenat och inget mer ska göras den här månaden.</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-700">Försenat och månadens uppgifter, dina egna först.</p>
          {tiers.map((group) => (
            <div key={group.tier} className="mt-3">
              <h3 className="text-sm font-semibold text-slate-800">{TIER_HEADINGS[group.tier]}</h3>
              <ul className="divide-y divide-slate-200" data-tier={group.tier}>
                {group.tasks.map((t) => (
                  <li key={t.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                    <span>
                      <Link href={`/checklista/uppgift/${t.id}`} className="font-medium text-blue-800 underline underline-offset-4">
                        {t.activity.title}
                      </Link>{" "}
                      <span className="text-slate-700">
                        ({whose(t)}, cykel {t.cycle.year}
                        {t.cycleState === "ending" ? " som har tagit slut" : ""}, <LiveStatusText id={t.id} status={t.status} version={t.version} />)
                      </span>
                    </span>
                    <span className={t.overdue ? "font-medium text-red-800" : "text-slate-700"}>{when(t, today)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {total > tasks.length && (
            <p className="mt-2 text-sm">
              Visar {tasks.length} av {total}
              {oneUnit ? ": hjulets enhet och hela verksamhetens" : ""}.{" "}
              <Link href={overdueHref()} className="text-blue-800 underline underline-offset-4">
                Alla försenade
              </Link>{" "}
              och månadens uppgifter i{" "}
              <Link href="/checklista" className="text-blue-800 underline underline-offset-4">
                checklistan
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
