import type { TaskStatus } from "../db/generated/enums.ts";

/** Tasks of one unit grouped by due date and status, as the database counts them. */
export type CoverageGroup = { unitId: string; dueOn: Date | null; status: TaskStatus; count: number };

/** One heat-map cell: the tasks of a unit due in a month. share is null when nothing is due. */
export type CoverageCell = { month: number; due: number; handled: number; overdue: number; share: number | null };
export type CoverageTotals = { due: number; handled: number; overdue: number; share: number | null; dueSoFar: number; handledSoFar: number; shareSoFar: number | null };
export type CoverageRow<U> = { unit: U; cells: CoverageCell[]; totals: CoverageTotals };

const share = (handled: number, due: number) => (due === 0 ? null : handled / due);
const isHandled = (s: TaskStatus) => s === "DONE" || s === "NOT_APPLICABLE";

/**
 * The units × months coverage of a cycle year: per unit and month of the due date, how many tasks are due,
 * how many are handled (klar or ej aktuell, as in the checklist) and how many are overdue on `today`.
 * "So far" counts only tasks due on or before today. Tasks without a due date or outside the year are left out.
 * Units keep the given order; a unit without tasks gets empty cells.
 */
export function computeCoverage<U extends { id: string }>(units: U[], groups: CoverageGroup[], year: number, today: Date): CoverageRow<U>[] {
  const rows = new Map(
    units.map((unit) => [
      unit.id,
      { unit, cells: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, due: 0, handled: 0, overdue: 0, share: null as number | null })), soFar: { due: 0, handled: 0 } },
    ]),
  );
  for (const g of groups) {
    const row = rows.get(g.unitId);
    if (!row || !g.dueOn || g.dueOn.getUTCFullYear() !== year || g.count <= 0) continue;
    const cell = row.cells[g.dueOn.getUTCMonth()]!;
    cell.due += g.count;
    if (isHandled(g.status)) cell.handled += g.count;
    else if (g.dueOn.getTime() < today.getTime()) cell.overdue += g.count;
    if (g.dueOn.getTime() <= today.getTime()) {
      row.soFar.due += g.count;
      if (isHandled(g.status)) row.soFar.handled += g.count;
    }
  }
  return [...rows.values()].map(({ unit, cells, soFar }) => {
    for (const c of cells) c.share = share(c.handled, c.due);
    const due = cells.reduce((n, c) => n + c.due, 0);
    const handled = cells.reduce((n, c) => n + c.handled, 0);
    const overdue = cells.reduce((n, c) => n + c.overdue, 0);
    return {
      unit,
      cells,
      totals: { due, handled, overdue, share: share(handled, due), dueSoFar: soFar.due, handledSoFar: soFar.handled, shareSoFar: share(soFar.handled, soFar.due) },
    };
  });
}

/** "83 %" – a share as a whole percentage, rounded down so that 99.6 % is never shown as done; "–" for none. */
export function formatShare(value: number | null): string {
  if (value === null) return "–";
  return `${value >= 1 ? 100 : Math.floor(value * 100)} %`;
}

/** The heat-map band of a share (for colour and pattern; the number is always shown as text too). */
export function shareBand(value: number | null): "none" | "low" | "mid" | "high" | "full" {
  if (value === null) return "none";
  if (value >= 1) return "full";
  if (value >= 0.75) return "high";
  if (value >= 0.4) return "mid";
  return "low";
}

/** The same day of the year in another year: 23 November 2026 → 23 November 2025 (29 February → 28 February). */
export function sameDayInYear(today: Date, year: number): Date {
  const month = today.getUTCMonth();
  const day = Math.min(today.getUTCDate(), new Date(Date.UTC(year, month + 1, 0)).getUTCDate());
  return new Date(Date.UTC(year, month, day));
}
