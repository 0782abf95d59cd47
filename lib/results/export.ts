/**
 * A unit's result comparison as a sheet: the unit, the kommun, the riket and the year before as percentages,
 * the differences in percentage points and the verdicts in words. Pure; tests/unit/xlsx.test.ts opens it.
 */
import type { Sheet } from "../export/xlsx.ts";
import { VERDICT_TEXT, type Cell } from "./compare.ts";
import type { UnitComparison } from "./queries.ts";

/** A result as a share 0–1 for the percent format, or the words the page shows instead. */
const share = (cell: Cell) => (cell.kind === "value" ? cell.value / 100 : cell.kind === "suppressed" ? "för få svar" : null);

export function comparisonSheet({ unit, year, rows }: UnitComparison & { year: number }): Sheet {
  return {
    name: `${unit.name} ${year}`,
    columns: [
      { header: "Indikator", kind: "text" },
      { header: "Lägre är bättre", kind: "text" },
      { header: unit.name, kind: "percent" },
      { header: "Antal svar", kind: "integer" },
      { header: "Kommunen", kind: "percent" },
      { header: "Riket", kind: "percent" },
      { header: String(year - 1), kind: "percent" },
      { header: "Mot kommunen (p.e.)", kind: "decimal" },
      { header: "Mot kommunen", kind: "text" },
      { header: "Mot riket (p.e.)", kind: "decimal" },
      { header: `Förändring sedan ${year - 1} (p.e.)`, kind: "decimal" },
      { header: "Förändring", kind: "text" },
    ],
    rows: rows.map((r) => [
      r.indicator.name,
      r.indicator.higherIsBetter ? "nej" : "ja",
      share(r.unit),
      r.unit.kind === "value" ? r.unit.respondents : null,
      share(r.kommun),
      share(r.riket),
      share(r.previous),
      r.vsKommun,
      VERDICT_TEXT[r.verdictKommun],
      r.vsRiket,
      r.vsPrevious,
      VERDICT_TEXT[r.verdictPrevious],
    ]),
  };
}
