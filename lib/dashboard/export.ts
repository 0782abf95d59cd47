/**
 * The heat map of /oversikt as sheets: the share klar per unit and month (of what was due by today, ej aktuell left
 * out, as lib/tasks/progress.ts counts everywhere), and the counts behind every cell.
 * Pure; tests/unit/xlsx.test.ts opens the workbook.
 */
import { MONTH_NAMES } from "../dates/cycle.ts";
import type { Sheet, SheetColumn } from "../export/xlsx.ts";
import type { CoverageRow } from "./coverage.ts";
import type { DashboardUnit, OverdueItem } from "./queries.ts";
import { roleLabel } from "../routines/labels.ts";

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const UNIT_COLUMNS: SheetColumn[] = [
  { header: "Område", kind: "text" },
  { header: "Enhet", kind: "text" },
];

/**
 * The sheets of a year's overview: units × months as shares (empty where nothing was due by today), one row per unit
 * and month, and every försenad task oldest first (the page lists the oldest only).
 */
export function coverageSheets(year: number, coverage: CoverageRow<DashboardUnit>[], overdue: OverdueItem[] = []): Sheet[] {
  const shares: Sheet = {
    name: `Andel per månad ${year}`,
    columns: [
      ...UNIT_COLUMNS,
      // The cycle's months in the order of the cells (from December for a cycle that starts in December).
      ...(coverage[0]?.cells.map((c) => MONTH_NAMES[c.month - 1]!) ?? MONTH_NAMES).map((m): SheetColumn => ({ header: capitalised(m), kind: "percent" })),
      { header: "Klara av dem som skulle vara klara i dag", kind: "percent" },
      { header: "Klara hittills", kind: "integer" },
      { header: "Att göra hittills", kind: "integer" },
      { header: "Försenade", kind: "integer" },
    ],
    rows: coverage.map((r) => [r.unit.areaName, r.unit.name, ...r.cells.map((c) => c.share), r.totals.shareSoFar, r.totals.doneSoFar, r.totals.dueSoFar, r.totals.overdue]),
  };
  const cells: Sheet = {
    name: "Per enhet och månad",
    columns: [
      ...UNIT_COLUMNS,
      { header: "Månad", kind: "text" },
      { header: "Att göra", kind: "integer" },
      { header: "Klara", kind: "integer" },
      { header: "Ej aktuella", kind: "integer" },
      { header: "Försenade", kind: "integer" },
      { header: "Klara av dem som skulle vara klara i dag", kind: "percent" },
    ],
    rows: coverage.flatMap((r) => r.cells.map((c) => [r.unit.areaName, r.unit.name, MONTH_NAMES[c.month - 1], c.due, c.done, c.notApplicable, c.overdue, c.share])),
  };
  const late: Sheet = {
    name: "Försenade",
    columns: [
      { header: "Uppgift", kind: "text" },
      { header: "Enhet", kind: "text" },
      { header: "Ansvarig", kind: "text" },
      { header: "Skulle vara klar", kind: "date" },
      { header: "Dagar försenad", kind: "integer" },
    ],
    rows: overdue.map((t) => [t.title, t.unitName, roleLabel(t.responsibleRole), t.dueOn, t.daysOverdue]),
  };
  return [shares, cells, late];
}
