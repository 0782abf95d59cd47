import { ScrollArea } from "@/components/ui/scroll-area";
import { formatDateLong } from "@/lib/dates/cycle";
import { formatShare } from "@/lib/tasks/progress";
import type { Dashboard } from "@/lib/dashboard/queries";
import { AreaPlanningRows, PlanningRows, type AreaPlanningRowData, type PlanningAreaData } from "./planning-rows";
import { textTable } from "./text-table";

/** Up to this many missing steps are named per unit; the rest are counted. */
const NAMED = 4;
const COLUMNS = ["Planerade", "Klara (hela året)", "Inte planerade", "Planerade utanför sin tid"];

/**
 * The planning check per unit (issue 21): how much of the day-bound steps (meetings, APT, workshops, brukarfika,
 * letters) each unit has planned on a day, beside how much of its year is done, and what is missing. Above 60 units,
 * one row per area (summed in SQL, lib/tasks/plan-queries.ts getAreaPlanning), whose name opens its units.
 */
export function PlanningCheck({ data }: { data: Dashboard }) {
  const year = data.year!;
  const byArea = data.coverageBy === "area";
  const what = byArea ? "område" : "enhet";
  return (
    <>
      <p className="text-sm text-slate-700">
        Planerade: steg som sker en viss dag (möten, APT, workshoppar, brukarfika och brukarbrev) som har ett planerat datum; klara steg räknas som planerade och ej aktuella räknas inte.
        {byArea && " Välj ett område för att se dess enheter och vilka steg som saknas."}
      </p>
      <ScrollArea label={`Planering per ${what}`}>
        <table className={`overview-table bg-white ${byArea ? "min-w-[40rem]" : "min-w-[48rem]"}`}>
          <caption className="sr-only">{`Planering per ${what} ${year}`}</caption>
          <thead>
            <tr>
              {[byArea ? "Område" : "Enhet", ...COLUMNS].map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          {byArea ? <AreaPlanningRows year={year} {...compactAreaPlanning(data)} /> : <PlanningRows year={year} {...compactPlanning(data)} />}
        </table>
      </ScrollArea>
    </>
  );
}

/** How much of each row's year is done (the heat map's figure), in words. */
const doneOf = (data: Dashboard) => {
  const done = new Map(data.coverage.map((r) => [r.unit.id, r.totals.share]));
  return (id: string) => formatShare(done.get(id) ?? null);
};

/**
 * The planning check as the client rows take it (PlanningRowData): per area, each unit's figures, with its first
 * missing steps (NAMED) and its steps planned outside their time, every text once.
 */
function compactPlanning(data: Dashboard): { areas: PlanningAreaData[]; texts: string[] } {
  const done = doneOf(data);
  const { texts, index } = textTable();
  const areas = new Map<string, PlanningAreaData>();
  for (const u of data.planning) {
    const area = areas.get(u.unit.areaName) ?? { name: u.unit.areaName, rows: [] };
    areas.set(u.unit.areaName, area);
    area.rows.push([
      u.unit.id,
      u.unit.name,
      u.planned,
      u.dayBound,
      index(done(u.unit.id)),
      u.unplanned.slice(0, NAMED).map((t) => index(t.title)),
      Math.max(0, u.unplanned.length - NAMED),
      u.outsideWindow.map((t) => [index(t.title), index(formatDateLong(t.plannedOn!))]),
    ]);
  }
  return { areas: [...areas.values()], texts };
}

/** One row per area (AreaPlanningRowData). */
function compactAreaPlanning(data: Dashboard): { rows: AreaPlanningRowData[] } {
  const done = doneOf(data);
  return { rows: data.planningByArea.map((a) => [a.area.id, a.area.name, a.area.units, a.planned, a.dayBound, done(a.area.id), a.unplanned, a.outsideWindow]) };
}
