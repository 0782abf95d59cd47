import type { TaskStatus } from "../db/generated/enums.ts";
import { emptyProgress, shareDueDone, shareOfYear, type ProgressFigures } from "../tasks/progress.ts";
import { calendarYearOfMonth, cycleMonths, routineCycleSpan } from "../dates/months.ts";

export { formatShare } from "../tasks/progress.ts";

/** Tasks of one unit grouped by due date and status, as the database counts them. */
export type CoverageGroup = { unitId: string; dueOn: Date | null; status: TaskStatus; count: number };

/**
 * One heat-map cell: the tasks of a unit due in a month, counted as every share is (lib/tasks/progress.ts: ej
 * aktuell left out). share is of the tasks due so far (on or before today), so that a month that has not ended
 * is never shown as failing for what is not yet due; null when nothing in the month is due yet (or ever).
 * state "pågår" marks the current month and "kommer" a later one whose tasks are not all due yet.
 */
export type CoverageCell = {
  month: number;
  /** Tasks due in the month (ej aktuell left out). */
  due: number;
  done: number;
  notApplicable: number;
  /** Of them, due on or before today, and klar among those. */
  dueSoFar: number;
  doneSoFar: number;
  overdue: number;
  share: number | null;
  state: "past" | "current" | "future";
};
export type CoverageTotals = { due: number; done: number; notApplicable: number; overdue: number; share: number | null; dueSoFar: number; doneSoFar: number; shareSoFar: number | null };
export type CoverageRow<U> = { unit: U; cells: CoverageCell[]; totals: CoverageTotals };

/** Which a month of the cycle year is on `today`: ended, the current month, or still to come. */
export function monthState(year: number, month: number, today: Date): CoverageCell["state"] {
  const ty = today.getUTCFullYear();
  const tm = today.getUTCMonth() + 1;
  if (year < ty || (year === ty && month < tm)) return "past";
  return year === ty && month === tm ? "current" : "future";
}

const emptyCell = (year: number, month: number, today: Date): CoverageCell => ({
  month, due: 0, done: 0, notApplicable: 0, dueSoFar: 0, doneSoFar: 0, overdue: 0, share: null, state: monthState(year, month, today),
});

/**
 * The units × months coverage of a cycle year on `today`, its twelve months in order from `firstMonth` (the cycle's
 * first month: 12 when a routine starts in December, so the 2027 cycle's row begins with December 2026): per unit and month of the due date, the tasks due, klar,
 * ej aktuell and overdue. The share of a cell, and of the year "hittills", is klar of what was due by today, the
 * same figure as "klara av dem som skulle vara klara i dag" elsewhere. Tasks without a due date or outside the year
 * are left out. Units keep the given order; a unit without tasks gets empty cells.
 */
export function computeCoverage<U extends { id: string }>(units: U[], groups: CoverageGroup[], year: number, today: Date, firstMonth = 1): CoverageRow<U>[] {
  const months = cycleMonths(firstMonth);
  // The cycle's twelve months: every task's window lies inside them (activityPeriod), so each column is one month.
  const window = routineCycleSpan(year, firstMonth);
  const rows = new Map(units.map((unit) => [unit.id, { unit, cells: months.map((m) => emptyCell(calendarYearOfMonth(year, m, firstMonth), m, today)), figures: emptyProgress() }]));
  for (const g of groups) {
    const row = rows.get(g.unitId);
    if (!row || !g.dueOn || g.dueOn < window.startsOn || g.dueOn > window.endsOn || g.count <= 0) continue;
    const cell = row.cells[months.indexOf(g.dueOn.getUTCMonth() + 1)]!;
    if (g.status === "NOT_APPLICABLE") {
      cell.notApplicable += g.count;
      row.figures.notApplicable += g.count;
      continue;
    }
    const done = g.status === "DONE";
    const dueSoFar = g.dueOn.getTime() <= today.getTime();
    cell.due += g.count;
    row.figures.total += g.count;
    if (done) {
      cell.done += g.count;
      row.figures.done += g.count;
    }
    if (dueSoFar) {
      cell.dueSoFar += g.count;
      row.figures.due += g.count;
      if (done) {
        cell.doneSoFar += g.count;
        row.figures.dueDone += g.count;
      }
    }
    if (!done && g.dueOn.getTime() < today.getTime()) cell.overdue += g.count;
  }
  return [...rows.values()].map(({ unit, cells, figures }: { unit: U; cells: CoverageCell[]; figures: ProgressFigures }) => {
    for (const c of cells) c.share = c.dueSoFar === 0 ? null : c.doneSoFar / c.dueSoFar;
    return {
      unit,
      cells,
      totals: {
        due: figures.total,
        done: figures.done,
        notApplicable: figures.notApplicable,
        overdue: cells.reduce((n, c) => n + c.overdue, 0),
        share: shareOfYear(figures),
        dueSoFar: figures.due,
        doneSoFar: figures.dueDone,
        shareSoFar: shareDueDone(figures),
      },
    };
  });
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

/** The areas of units, each with its number of units, in the order of their first unit (areas may share a position). */
export function areasOf(units: { area: { id: string; name: string } }[]): { id: string; name: string; units: number }[] {
  const areas = new Map<string, { id: string; name: string; units: number }>();
  for (const u of units) {
    const area = areas.get(u.area.id) ?? { id: u.area.id, name: u.area.name, units: 0 };
    area.units += 1;
    areas.set(u.area.id, area);
  }
  return [...areas.values()];
}
