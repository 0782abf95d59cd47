import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/section";
import { Link } from "@/components/ui/link";
import { TaskItem } from "@/components/checklist/task-item";
import { toTaskView } from "@/components/checklist/task-view";
import { requirePermission } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { formatDateLong } from "@/lib/dates/cycle";
import { getOverdueList, type OverdueCycle } from "@/lib/tasks/queries";
import { overdueHref } from "@/lib/tasks/overdue-href";
import { overdueListParamsSchema } from "@/lib/tasks/schemas";
import { FlashMessage } from "@/components/ui/status-message";
import { FLASH_PARAM, flashText } from "@/lib/flash";
import { TASK_TEXTS, taskFlashName } from "@/lib/tasks/messages";
import { planTaskAction, postTaskAction, saveTaskAction } from "../actions";

export const metadata: Metadata = { title: "Försenade uppgifter" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const countText = (n: number) => `${n} ${n === 1 ? "försenad uppgift" : "försenade uppgifter"}`;

/** The tasks of one cycle by unit (or verksamhet-wide list), in due-date order within each. */
function byUnit(cycle: OverdueCycle) {
  const units = new Map<string, OverdueCycle["tasks"]>();
  for (const t of cycle.tasks) units.set(t.unitName, [...(units.get(t.unitName) ?? []), t]);
  return [...units].sort(([a], [b]) => a.localeCompare(b, "sv"));
}

/**
 * Försenade uppgifter: the list every count of försenade leads to (the badge, Att göra nu, the checklist, the
 * overview, the wheel), one section per open cycle, each task with the checklist's actions (docs/decisions/020).
 */
export default async function OverduePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("task:read");
  const query = await searchParams;
  const params = overdueListParamsSchema.parse(query);
  const today = clock.today();
  const cycles = await getOverdueList(user, params, undefined, today);
  const total = cycles.reduce((n, c) => n + c.tasks.length, 0);
  // A status button posted without JavaScript and refused comes back here with a code (postTaskAction).
  const first = (value: unknown) => (typeof value === "string" ? value : null);
  const flash = flashText(TASK_TEXTS, query[FLASH_PARAM], taskFlashName(cycles.flatMap((c) => c.tasks), first(query.om)));
  return (
    <div className="space-y-6">
      <PageHeader
        size="page"
        title="Försenade uppgifter"
        description={
          <>
            {params.visa === "alla" ? "Alla försenade uppgifter som du kan se" : "Försenade uppgifter som du kan göra"}
            {params.ar ? ` i cykel ${params.ar}` : " i de cykler som är öppna"}, i dag {formatDateLong(today)}: {countText(total)}.{" "}
            <Link href={overdueHref({ all: params.visa !== "alla" })} className="text-blue-800 underline">
              {params.visa === "alla" ? "Visa bara dem du kan göra" : "Visa alla som du kan se"}
            </Link>
          </>
        }
      />
      <FlashMessage message={flash?.text} error={flash?.error} />
      {total === 0 && <Notice>Inga uppgifter är försenade.</Notice>}
      {cycles.map((cycle) => (
        <section key={cycle.year} aria-labelledby={`cykel-${cycle.year}`} className="space-y-3">
          <h2 id={`cykel-${cycle.year}`} className="text-xl font-semibold">
            {cycle.label}: {countText(cycle.tasks.length)}
          </h2>
          {cycle.state === "ending" && (
            <p className="text-slate-700">Cykeln har tagit slut. Dess uppgifter kan göras och registreras till och med {formatDateLong(cycle.openUntil)}.</p>
          )}
          {byUnit(cycle).map(([unitName, tasks]) => (
            <div key={unitName} className="space-y-2">
              <h3 className="text-lg font-semibold">
                {unitName} <span className="font-normal text-slate-700">(cykel {cycle.year})</span>
              </h3>
              <ol className="space-y-3">
                {tasks.map((task) => (
                  <TaskItem key={task.id} task={toTaskView(task)} action={saveTaskAction} postAction={postTaskAction} planAction={planTaskAction} filter="forsenade" />
                ))}
              </ol>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
