import { Link } from "@/components/ui/link";
import { Cell, DataTable, Row, RowHeader } from "@/components/ui/table";
import { formatDateLong } from "@/lib/dates/cycle";
import { formatShare } from "@/lib/tasks/progress";
import type { Dashboard } from "@/lib/dashboard/queries";
import { dashboardAreaHref, unitChecklistHref } from "@/lib/dashboard/schemas";

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
  return (
    <>
      {intro}
      <DataTable label="Planering per enhet" caption={`Planering per enhet ${year}`} minWidth="48rem" white columns={["Enhet", "Planerade", "Klara (hela året)", "Inte planerade", "Planerade utanför sin tid"]}>
        {data.planning.map((u) => (
          <Row key={u.unit.id} top>
            <RowHeader>
              <Link href={unitChecklistHref(u.unit.id, year)} className="text-blue-800 underline underline-offset-2">
                {u.unit.name}
              </Link>
              <span className="block text-sm font-normal text-slate-700">{u.unit.areaName}</span>
            </RowHeader>
            <Cell>
              {formatShare(u.plannedShare)} <span className="text-sm text-slate-700">({u.planned} av {u.dayBound})</span>
            </Cell>
            <Cell>{formatShare(done.get(u.unit.id) ?? null)}</Cell>
            <Cell>
              {u.unplanned.length === 0 ? (
                "Inget"
              ) : (
                <ul className="space-y-1 text-sm">
                  {u.unplanned.slice(0, NAMED).map((t) => (
                    <li key={t.id}>{t.title}</li>
                  ))}
                  {u.unplanned.length > NAMED && <li>och {u.unplanned.length - NAMED} till</li>}
                </ul>
              )}
            </Cell>
            <Cell>
              {u.outsideWindow.length === 0 ? (
                "Inga"
              ) : (
                <ul className="space-y-1 text-sm">
                  {u.outsideWindow.map((t) => (
                    <li key={t.id}>
                      {t.title}: {formatDateLong(t.plannedOn!)}
                    </li>
                  ))}
                </ul>
              )}
            </Cell>
          </Row>
        ))}
      </DataTable>
    </>
  );
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
