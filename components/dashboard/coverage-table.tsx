import { ScrollArea } from "@/components/ui/scroll-area";
import { cycleMonths } from "@/lib/dates/cycle";
import type { Dashboard } from "@/lib/dashboard/queries";
import { packCells } from "@/lib/dashboard/compact-cells";
import { BAND_CLASSES } from "./bands";
import { CoverageGrid, type CompactArea, type CompactRow } from "./coverage-grid";

/** The rows as the client table takes them: per area, each unit's 12 months as one flat list of counts. */
function compactAreas(data: Dashboard): CompactArea[] {
  const row = ({ unit, cells }: Dashboard["coverage"][number]): CompactRow => [unit.id, unit.name, packCells(cells)];
  if (data.coverageBy === "area") return [{ name: "", rows: data.coverage.map(row) }];
  const areas = new Map<string, CompactArea>();
  for (const r of data.coverage) {
    const area = areas.get(r.unit.areaName) ?? { name: r.unit.areaName, rows: [] };
    areas.set(r.unit.areaName, area);
    area.rows.push(row(r));
  }
  return [...areas.values()];
}

/**
 * The units × months heat map: share of the tasks due each month that are handled, with overdue counts. With many
 * units (lib/dashboard/queries.ts, HEAT_MAP_UNIT_LIMIT) one row per area, whose name opens the area's units.
 */
export function CoverageTable({ data }: { data: Dashboard }) {
  const year = data.year!;
  const byArea = data.coverageBy === "area";
  // The cycle's months in order: from December for a cycle whose routine starts in December.
  const months = cycleMonths(data.firstMonth);
  // The explanation stands above the table, not in its caption, so that a phone shows it without scrolling sideways.
  return (
    <>
      <p id="tackning-forklaring" className="text-sm text-slate-700">
        Klara av dem som skulle vara klara i dag, per {byArea ? "område" : "enhet"} och månad för slutdatum, {year}. En månad vars uppgifter inte har
        passerat sitt slutdatum visas som pågår (innevarande månad) eller kommer, med hur många som är klara; förs. är antalet
        försenade. Ej aktuella uppgifter räknas inte; antalen bakom varje andel finns i Excel-filen.{" "}
        {byArea ? "Välj ett område för att se dess enheter." : "Välj en enhet för att öppna dess checklista, eller antalet försenade för att se dem."}
      </p>
      <ScrollArea label="Täckning per enhet och månad" className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="heat-map w-full min-w-[60rem] border-collapse text-sm" aria-describedby="tackning-forklaring">
          <caption className="sr-only">
            Klara per {byArea ? "område" : "enhet"} och månad {year}
          </caption>
          <CoverageGrid areas={compactAreas(data)} year={year} states={data.coverage[0]?.cells.map((c) => c.state) ?? []} months={months} byArea={byArea} />
        </table>
      </ScrollArea>
    </>
  );
}

/** The heat map's key, in words as well as colours. */
export function CoverageLegend() {
  const items: [keyof typeof BAND_CLASSES, string][] = [
    ["full", "100 %"],
    ["high", "75–99 %"],
    ["mid", "40–74 %"],
    ["low", "under 40 %"],
    ["pending", "pågår eller kommer: inget har passerat sitt slutdatum"],
    ["none", "inget att göra (–)"],
  ];
  return (
    <ul className="flex flex-wrap gap-2 text-sm" aria-label="Färgernas betydelse">
      {items.map(([band, label]) => (
        <li key={band} className={`rounded border border-slate-300 px-2 py-0.5 ${BAND_CLASSES[band]}`}>
          {label}
        </li>
      ))}
    </ul>
  );
}
