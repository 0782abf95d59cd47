import { Link } from "@/components/ui/link";
import { Cell, DataTable, Row, RowHeader } from "@/components/ui/table";
import { formatDateLong } from "@/lib/dates/cycle";
import { formatShare } from "@/lib/tasks/progress";
import type { Dashboard } from "@/lib/dashboard/queries";
import { dashboardAreaHref } from "@/lib/dashboard/schemas";
import { ScrollArea } from "@/components/ui/scroll-area";
import { PlanningRows, type PlanningAreaData } from "./planning-rows";
import { textTable } from "./text-table";

/** Up to this many missing steps are named per unit; the rest are counted. */
const NAMED = 4;

/**
 * The planning check per unit (issue 21): how much of the day-bound steps (meetings, APT, workshops, brukarfika,
 * letters) each unit has planned on a day, beside how much of its year is done, and what is missing.
 */
export function PlanningCheck({ data }: { data: Dashboard }) {
  const done = new Map(data.coverage.map((r) => [r.unit.id, r.totals.share]));
  const year = data.year!;
  const intro = (
    <p className="text-sm text-slate-700">
      Planerade: steg som sker en viss dag (möten, APT, workshoppar, brukarfika och brukarbrev) som har ett planerat datum; klara steg räknas som planerade och ej aktuella räknas inte.
      {data.coverageBy === "area" && " Välj ett område för att se dess enheter och vilka steg som saknas."}
    </p>
  );
  if (data.coverageBy === "area") {
    return (
      <>
        {intro}
        <AreaPlanningTable data={data} done={done} />
      </>
    );
  }
  const { areas, texts } = compactPlanning(data);
  return (
    <>
      {intro}
      <ScrollArea label="Planering per enhet">
        <table className="overview-table min-w-[48rem] bg-white">
          <caption className="sr-only">{`Planering per enhet ${year}`}</caption>
          <thead>
            <tr>
              {["Enhet", "Planerade", "Klara (hela året)", "Inte planerade", "Planerade utanför sin tid"].map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <PlanningRows areas={areas} texts={texts} year={year} />
        </table>
      </ScrollArea>
    </>
  );
}

/**
 * The planning check as the client rows take it (PlanningRowData): per area, each unit's figures, with its first
 * missing steps (NAMED) and its steps planned outside their time, every text once.
 */
function compactPlanning(data: Dashboard): { areas: PlanningAreaData[]; texts: string[] } {
  const done = new Map(data.coverage.map((r) => [r.unit.id, r.totals.share]));
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
      index(formatShare(done.get(u.unit.id) ?? null)),
      u.unplanned.slice(0, NAMED).map((t) => index(t.title)),
      Math.max(0, u.unplanned.length - NAMED),
      u.outsideWindow.map((t) => [index(t.title), index(formatDateLong(t.plannedOn!))]),
    ]);
  }
  return { areas: [...areas.values()], texts };
}

/** Above 60 units, one row per area (summed in SQL, lib/tasks/plan-queries.ts getAreaPlanning); an area opens its units. */
function AreaPlanningTable({ data, done }: { data: Dashboard; done: Map<string, number | null> }) {
  const year = data.year!;
  return (
    <DataTable label="Planering per område" caption={`Planering per område ${year}`} minWidth="40rem" white columns={["Område", "Planerade", "Klara (hela året)", "Inte planerade", "Planerade utanför sin tid"]}>
      {data.planningByArea.map((a) => (
        <Row key={a.area.id}>
          <RowHeader>
            <Link href={dashboardAreaHref(year, a.area.id, "planering")} className="text-blue-800 underline underline-offset-2">
              {a.area.name}
            </Link>
            <span className="block text-sm font-normal text-slate-700">{a.area.units} enheter</span>
          </RowHeader>
          <Cell>
            {formatShare(a.plannedShare)} <span className="text-sm text-slate-700">({a.planned} av {a.dayBound})</span>
          </Cell>
          <Cell>{formatShare(done.get(a.area.id) ?? null)}</Cell>
          <Cell>{a.unplanned === 0 ? "Inga" : `${a.unplanned} steg`}</Cell>
          <Cell>{a.outsideWindow === 0 ? "Inga" : `${a.outsideWindow} steg`}</Cell>
        </Row>
      ))}
    </DataTable>
  );
}
