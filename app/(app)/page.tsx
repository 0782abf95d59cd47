import type { Metadata } from "next";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/section";
import { OverdueElsewhereNotice } from "@/components/cycles/overdue-elsewhere-notice";
import { getOverdueElsewhere } from "@/lib/tasks/queries";
import { ToDoNowPanel } from "@/components/reminders/to-do-now-panel";
import { checklistHref } from "@/components/checklist/checklist-controls";
import { CompactWheelExplorer } from "@/components/wheel/compact-wheel-explorer";
import { compactDetails } from "@/components/wheel/compact-details";
import { WheelExportLinks } from "@/components/wheel/wheel-export-links";
import { WheelFilters } from "@/components/wheel/wheel-filters";
import { WheelLegend } from "@/components/wheel/wheel-legend";
import { WheelSvg } from "@/components/wheel/wheel-svg";
import { WheelTaskPanel } from "@/components/wheel/wheel-task-panel";
import { WheelTimeline } from "@/components/wheel/wheel-timeline";
import { WheelLayerNav, WheelViewNav } from "@/components/wheel/wheel-view-nav";
import { wheelAgenda, wheelDetails, wheelIntro } from "@/components/wheel/view";
import "@/components/wheel/wheel.css";
import { canAny } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { getTasksToDoNow } from "@/lib/reminders/queries";
import { KOMMUNIKATION, VERKSAMHET } from "@/lib/tasks/queries";
import { getWheelData, type WheelData } from "@/lib/wheel/data";
import { wheelHref, wheelParamsSchema } from "@/lib/wheel/schemas";
import { resolveView, todayMonthIn, wheelViewQuery, wheelViewSchema, withoutHiddenLayers } from "@/lib/wheel/views";
import { planTaskAction, saveTaskAction } from "./checklista/actions";

export const metadata: Metadata = { title: "Startsida" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SCOPE_TEXT: Record<WheelData["scope"], (data: WheelData) => string> = {
  verksamhet: (d) => (d.unit ? `${d.unit.name}: enhetens läge i rutinernas aktiviteter.` : "Hela verksamheten: hur långt enheterna har kommit i rutinernas aktiviteter."),
  units: (d) => (d.unit ? `${d.unit.name}: enhetens uppgifter i rutinernas aktiviteter.` : "Dina enheters uppgifter."),
  communications: () => "Kommunikationsenhetens aktiviteter i rutinerna.",
  review: () => "Kvalitetsgranskningens rutin: urval, intervjuer och sammanställning.",
  routines: () => "De gällande rutinernas aktiviteter, månad för månad.",
};

/** The checklist group whose tasks the wheel's panel can act on (WheelData.ownTasks): the chosen unit, kommunikationsenheten or the verksamhet. */
function panelGroup(data: WheelData): string | null {
  if (data.unit && data.scope === "units") return data.unit.id;
  if (data.scope === "communications") return KOMMUNIKATION;
  if (data.scope === "review") return VERKSAMHET;
  return null;
}

/**
 * Årshjulet, everyone's start page: the wheel of the user's own scope (lib/wheel/scope.ts) beside "Att göra nu". The wheel zooms to a quarter or month (a timeline) and its layers can be hidden, all in the query string (lib/wheel/views.ts).
 * An activity opened from the wheel shows its details and, for the user's own task, the checklist's actions.
 */
export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("routine:read");
  const today = clock.today();
  const query = await searchParams;
  const params = wheelParamsSchema.parse(query);
  const viewParams = wheelViewSchema.parse(query);
  const all = await getWheelData(user, params, undefined, today);
  if (!all) redirect("/ingen-behorighet");
  // The zoom and the layers (?vy=…&dolj=…): the chosen view of the data with the hidden layers left out.
  const view = resolveView(viewParams, all.year, today, all.firstMonth);
  const data = withoutHiddenLayers(all, viewParams.hidden);
  const todayMonth = todayMonthIn(all.year, today, all.firstMonth);
  const base = { path: "/", year: params.year, unitId: params.unitId, view, hidden: viewParams.hidden, firstMonth: all.firstMonth };
  const keep = Object.fromEntries(new URLSearchParams(wheelViewQuery({ view, hidden: viewParams.hidden }).slice(1)));
  const group = panelGroup(data);
  const readsTasks = canAny(user, "task:read");
  const [toDo, elsewhere] = await Promise.all([
    readsTasks ? getTasksToDoNow(user, today, { unitId: data.unit?.id }) : null,
    // The other open cycle's försenade beside the cycle shown (docs/decisions/020).
    readsTasks ? getOverdueElsewhere(user, data.year, data.scope === "verksamhet" ? "task:read" : "task:update", undefined, today) : [],
  ]);

  // The own list's task behind each of the wheel's activities (keyed as the wheel keys them), with the checklist's
  // forms: only the task's id is sent, and the panel fetches the task when it opens (docs/decisions/032).
  const panels: Record<string, ReactNode> = {};
  if (group && readsTasks) {
    for (const [id, taskId] of Object.entries(data.ownTasks)) panels[id] = <WheelTaskPanel taskId={taskId} action={saveTaskAction} planAction={planTaskAction} />;
  }
  const details = wheelDetails(data);
  // An activity with a task shows its description in the task (TaskItem): not sent, nor shown, twice.
  for (const id of Object.keys(panels)) if (details[id]) details[id] = { ...details[id], text: null };
  const empty = all.routines.length === 0;

  const description = (
    <>
      {SCOPE_TEXT[data.scope](data)}{" "}
      <Link href={data.scope === "verksamhet" ? wheelHref(data.year, data.unit?.id) : "/rutiner/gallande"} className="text-blue-800 underline">
        {data.scope === "verksamhet" ? "Årshjulet med tabell och utskrift" : "Rutinerna som text"}
      </Link>
      {/* The panel's forms need JavaScript; the same tasks, with the same forms, are in the checklist. */}
      {group && readsTasks && Object.keys(data.ownTasks).length > 0 && (
        <>
          {" · "}
          <Link href={checklistHref(group, data.year, "alla", "enhet")} className="text-blue-800 underline">
            Uppgifterna i checklistan
          </Link>
        </>
      )}
    </>
  );
  // Att göra nu and the other open cycle's försenade: first on a phone, beside the layers and key under the wheel on a wide screen.
  const tasks =
    toDo || elsewhere.length > 0 ? (
      <>
        {toDo && <ToDoNowPanel tasks={toDo.tasks} total={toDo.total} overdue={toDo.overdue} today={today} oneUnit={data.unit !== null && data.units.length > 1} />}
        <OverdueElsewhereNotice cycles={elsewhere} what={data.scope === "verksamhet" ? "i verksamheten" : "som du kan göra"} />
      </>
    ) : null;

  return (
    <div className="wheel-page space-y-4">
      <PageHeader
        size="page"
        title={
          <>
            Årshjulet {data.year}
            {data.unit && <span className="font-semibold text-slate-700"> – {data.unit.name}</span>}
          </>
        }
        actions={
          // Year, unit and zoom beside the heading, so that the whole wheel fits in the first screen (1280 × 800).
          <div className="flex flex-wrap items-end gap-x-8 gap-y-3">
            <WheelFilters data={data} action="/" keep={keep} />
            {!empty && <WheelViewNav base={base} todayMonth={todayMonth} />}
          </div>
        }
      />
      {!data.hasCycle && <Notice>Årets cykel är inte startad. Hjulet visar de gällande rutinerna utan uppgifter.</Notice>}
      {empty ? (
        <>
          {tasks}
          <Notice>Det finns ingen gällande rutin att visa i årshjulet.</Notice>
        </>
      ) : (
        <CompactWheelExplorer
          wide
          top={tasks}
          agenda={view.kind === "year" ? wheelAgenda(data) : []}
          // Each distinct text of the details once in the page's data (a role, a phase, the routine's title, a time).
          compact={compactDetails(details)}
          panels={panels}
          intro={
            <>
              <p>{description}</p>
              <p className="mt-1 hidden sm:block">{wheelIntro(view.kind)}</p>
            </>
          }
          aside={
            <>
              <WheelLayerNav base={base} routines={all.routines} hasActions={all.actions.some((a) => a.inYear)} hasSurvey={all.survey?.dispatchOn != null} />
              <WheelLegend data={data} />
              <WheelExportLinks shown={{ year: data.year, unitId: data.unit?.id, view, hidden: viewParams.hidden }} canShare={canAny(user, "share:manage")} />
            </>
          }
        >
          {view.kind === "year" ? <WheelSvg data={data} /> : <WheelTimeline data={data} view={view} />}
        </CompactWheelExplorer>
      )}
    </div>
  );
}
