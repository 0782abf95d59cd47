import type { Metadata } from "next";
import { ChecklistSwitch, FilterNav } from "@/components/checklist/checklist-controls";
import { Progress } from "@/components/checklist/badges";
import { PhaseSection } from "@/components/checklist/phase-section";
import { requirePermission } from "@/lib/auth/session";
import { formatDateLong, formatWeek, MONTH_NAMES } from "@/lib/dates/cycle";
import { getChecklist } from "@/lib/tasks/queries";
import { checklistParamsSchema } from "@/lib/tasks/schemas";
import { saveTaskAction } from "./actions";
import * as clock from "@/lib/clock";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/section";

export const metadata: Metadata = { title: "Min checklista" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ChecklistPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("task:read");
  const params = checklistParamsSchema.parse(await searchParams);
  const today = clock.today();
  const list = await getChecklist(user, params, undefined, today);
  const { group, summary, year } = list;

  return (
    <div className="space-y-6">
      <PageHeader
        size="page"
        title="Min checklista"
        description={
          <>
          {group ? `${group.label}, cykel ${year}. ` : ""}
          Uppgifterna är ordnade efter rutinens faser och månad. I dag är det {formatDateLong(today)} ({formatWeek(today)}).
          </>
        }
      />
      {list.years.length === 0 || !group ? (
        <Notice>Det finns inga uppgifter för dig ännu. När årets cykel är startad visas de här.</Notice>
      ) : (
        <>
          <ChecklistSwitch groups={list.groups} group={group} years={list.years} year={year} currentYear={list.currentYear} filter={list.filter} />
          {list.readOnlyYear ? (
            <p className="rounded border border-slate-400 bg-slate-100 p-3">
              {year < list.currentYear
                ? `Cykeln ${year} är avslutad och visas bara för läsning.`
                : `Cykeln ${year} har inte börjat ännu. Du kan se uppgifterna men bocka av dem först när året har börjat.`}
            </p>
          ) : (
            summary.editable === 0 && (
              <p className="rounded border border-slate-400 bg-slate-100 p-3">Du kan se den här checklistan men inte ändra den.</p>
            )
          )}
          <section aria-labelledby="lage" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="lage" className="text-lg font-semibold">
              Läget för {year}
            </h2>
            <Progress figures={summary.progress} label="Klara av hela året" />
            <p className="text-sm text-slate-700">Klara och ej aktuella uppgifter räknas som hanterade.</p>
            <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
              <li>
                <span className="font-semibold">{list.counts.forsenade}</span> försenade
              </li>
              {!list.readOnlyYear && (
                <li>
                  <span className="font-semibold">{summary.current}</span> att göra i {MONTH_NAMES[today.getUTCMonth()]}
                </li>
              )}
              <li>
                <span className="font-semibold">{list.counts["att-gora"]}</span> kvar att göra
              </li>
            </ul>
          </section>
          <FilterNav enhet={group.key} year={year} filter={list.filter} counts={list.counts} />
          {list.phases.every((p) => p.tasks.length === 0) ? (
            <p className="rounded border border-slate-300 bg-white p-4">Inga uppgifter matchar filtret.</p>
          ) : (
            list.phases.filter((p) => p.tasks.length > 0).map((phase) => <PhaseSection key={phase.key} phase={phase} action={saveTaskAction} showRoutine={summary.routineCount > 1} />)
          )}
        </>
      )}
    </div>
  );
}
