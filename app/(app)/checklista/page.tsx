import type { Metadata } from "next";
import { cookies } from "next/headers";
import { cache } from "react";
import { ChecklistSwitch, checklistHref, FilterNav, ViewSwitch } from "@/components/checklist/checklist-controls";
import { LiveChecklist, LiveCount, LiveProgress } from "@/components/checklist/live-counts";
import { checklistFacts } from "@/components/checklist/task-view";
import { TaskActionsProvider } from "@/components/checklist/task-actions";
import { PhaseSection } from "@/components/checklist/phase-section";
import { requirePermission } from "@/lib/auth/session";
import { formatDateLong, formatWeek, MONTH_NAMES } from "@/lib/dates/cycle";
import { getChecklist } from "@/lib/tasks/queries";
import { checklistParamsSchema, JUST_CHANGED_COOKIE, justChangedSchema } from "@/lib/tasks/schemas";
import { addLocalActivityAction, planTaskAction, postTaskAction, saveTaskAction } from "./actions";
import { LocalActivityForm } from "@/components/planning/local-activity-form";
import { homeOrganisationFor } from "@/lib/auth/scope";
import { getLocalActivityPhases } from "@/lib/tasks/local-activities";
import * as clock from "@/lib/clock";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/section";
import { Link } from "@/components/ui/link";
import { FlashMessage } from "@/components/ui/status-message";
import { FLASH_PARAM, flashText } from "@/lib/flash";
import { TASK_TEXTS, taskFlashName } from "@/lib/tasks/messages";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The page and its title read the same list once per request (the address's parameters as the key).
const load = cache(async (query: string) => {
  const user = await requirePermission("task:read");
  const params = checklistParamsSchema.parse(Object.fromEntries(new URLSearchParams(query)));
  const keep = justChangedSchema.parse((await cookies()).get(JUST_CHANGED_COOKIE)?.value);
  const today = clock.today();
  const list = await getChecklist(user, params, undefined, today, keep);
  // A unit's own activities can be added to a list the user may change, in the current cycle (issue 21).
  const organisationId = homeOrganisationFor(user, "task:update");
  const localPhases = list.group?.editable && !list.readOnlyYear && list.group.areaName !== null && organisationId ? await getLocalActivityPhases(organisationId) : [];
  // A status button posted without JavaScript and refused comes back here with a code (postTaskAction).
  const raw = new URLSearchParams(query);
  const flash = flashText(TASK_TEXTS, raw.get(FLASH_PARAM), taskFlashName(list.tasks, raw.get("om")));
  return { params, today, list, localPhases, flash };
});

async function queryOf(searchParams: SearchParams) {
  const raw = await searchParams;
  return new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : []))).toString();
}

/** "Min checklista" for a list the user may change; another unit's list is named after the unit. */
function titleOf(group: { label: string; editable: boolean } | null) {
  return !group || group.editable ? "Min checklista" : `Checklista – ${group.label}`;
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { list } = await load(await queryOf(searchParams));
  return { title: titleOf(list.group) };
}

export default async function ChecklistPage({ searchParams }: { searchParams: SearchParams }) {
  const { today, list, localPhases, flash } = await load(await queryOf(searchParams));
  const { group, summary, year } = list;

  return (
    <div className="space-y-6">
      <PageHeader
        size="page"
        title={titleOf(group)}
        description={
          <>
          {group ? `${group.label}, cykel ${year}${list.spanNote}. ` : ""}
          {list.view === "mina" ? "Visar uppgifterna som du kan ändra. " : ""}
          Uppgifterna är ordnade efter rutinens faser och månad. I dag är det {formatDateLong(today)} ({formatWeek(today)}).
          </>
        }
      />
      <FlashMessage message={flash?.text} error={flash?.error} />
      {list.years.length === 0 || !group ? (
        <Notice>Det finns inga uppgifter för dig ännu. När årets cykel är startad visas de här.</Notice>
      ) : (
        <LiveChecklist facts={checklistFacts(list.tasks, list.phases, today)}>
          <TaskActionsProvider action={saveTaskAction} postAction={postTaskAction} planAction={planTaskAction}>
          <ChecklistSwitch groups={list.groups} group={group} years={list.years} year={year} yearNotes={list.yearNotes} filter={list.filter} view={list.view} />
          {list.viewCounts && <ViewSwitch enhet={group.key} year={year} filter={list.filter} view={list.view} counts={list.viewCounts} />}
          {list.readOnlyYear ? (
            <p className="rounded border border-slate-400 bg-slate-100 p-3">
              {year < list.currentYear
                ? `Cykeln ${year} är avslutad och visas bara för läsning.`
                : `Cykeln ${year} har inte börjat ännu. Du kan se uppgifterna men bocka av dem först när cykeln har börjat.`}
            </p>
          ) : (
            summary.editable === 0 && (
              <p className="rounded border border-slate-400 bg-slate-100 p-3">Du kan se den här checklistan men inte ändra den.</p>
            )
          )}
          {list.overdueElsewhere.map((o) => (
            <Notice key={o.year}>
              I cykel {o.year}, {o.year < year ? "som har tagit slut men är öppen för efterarbete" : "som pågår"}, finns {o.count} {o.count === 1 ? "försenad uppgift" : "försenade uppgifter"} för {group.label} som du kan ändra.{" "}
              <Link href={checklistHref(group.key, o.year, "forsenade")} className="text-blue-800 underline">
                Visa {o.count === 1 ? "den" : "dem"}
              </Link>
            </Notice>
          ))}
          <section aria-labelledby="lage" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="lage" className="text-lg font-semibold">
              Läget för {year}
            </h2>
            <LiveProgress figures={summary.progress} label="Klara av hela året" />
            <p className="text-sm text-slate-700">Klara och ej aktuella uppgifter räknas som hanterade.</p>
            <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
              <li>
                <span className="font-semibold"><LiveCount filter="forsenade" count={list.counts.forsenade} /></span> försenade
              </li>
              {!list.readOnlyYear && (
                <li>
                  <span className="font-semibold"><LiveCount filter="current" count={summary.current} /></span> att göra i {MONTH_NAMES[today.getUTCMonth()]}
                </li>
              )}
              <li>
                <span className="font-semibold"><LiveCount filter="att-gora" count={list.counts["att-gora"]} /></span> kvar att göra
              </li>
            </ul>
          </section>
          {localPhases.length > 0 && (
            <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <summary className="cursor-pointer text-lg font-semibold">Lägg till en egen aktivitet för {group.label}</summary>
              <p className="mt-2 text-sm text-slate-700">En egen aktivitet gäller bara {group.label} i cykel {year}. Den syns i checklistan, årshjulet, kalendern och påminnelserna men ändrar aldrig rutinen.</p>
              <LocalActivityForm unitId={group.key} unitName={group.label} year={year} phases={localPhases} action={addLocalActivityAction} />
            </details>
          )}
          <FilterNav enhet={group.key} year={year} filter={list.filter} view={list.view} counts={list.counts} />
          {list.phases.every((p) => p.tasks.length === 0) ? (
            <p className="rounded border border-slate-300 bg-white p-4">Inga uppgifter matchar filtret.</p>
          ) : (
            list.phases.map((phase, index) => phase.tasks.length > 0 && <PhaseSection key={phase.key} phase={phase} index={index} filter={list.filter} showRoutine={summary.routineCount > 1} />)
          )}
          </TaskActionsProvider>
        </LiveChecklist>
      )}
    </div>
  );
}
