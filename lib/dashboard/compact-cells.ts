// Plain data, for the heat map's client table (components/dashboard/coverage-grid.tsx) and the page that feeds it.
import type { CoverageCell } from "./coverage.ts";

type State = CoverageCell["state"];
const FIELDS = 4;

/** What computeCoverage always gives an ended month (all its tasks are due) and a coming one (none is). */
const soFarOf = (state: State, due: number, done: number): [number, number] | null => (state === "past" ? [due, done] : state === "future" ? [0, 0] : null);

/**
 * A heat-map row's twelve cells as one flat list of counts: per month [due, done, notApplicable, overdue], then
 * [month index, dueSoFar, doneSoFar] for each month whose counts so far are not what its state implies (the month in
 * progress, always). About half the numbers of all six counts a month, at 60 units some 3 kB of the page (issue 35).
 */
export function packCells(cells: CoverageCell[]): number[] {
  const packed = cells.flatMap((c) => [c.due, c.done, c.notApplicable, c.overdue]);
  cells.forEach((c, i) => {
    const implied = soFarOf(c.state, c.due, c.done);
    if (!implied || implied[0] !== c.dueSoFar || implied[1] !== c.doneSoFar) packed.push(i, c.dueSoFar, c.doneSoFar);
  });
  return packed;
}

/** The cells of packCells again, given the months (1–12, in the cycle's order) and their states. */
export function unpackCells(packed: number[], months: number[], states: State[]): CoverageCell[] {
  const cells = months.map((month, i): CoverageCell => {
    const [due = 0, done = 0, notApplicable = 0, overdue = 0] = packed.slice(i * FIELDS, (i + 1) * FIELDS);
    const state = states[i] ?? "future";
    const [dueSoFar, doneSoFar] = soFarOf(state, due, done) ?? [0, 0];
    return { month, due, done, notApplicable, dueSoFar, doneSoFar, overdue, state, share: null };
  });
  for (let at = months.length * FIELDS; at + 2 < packed.length; at += 3) {
    const cell = cells[packed[at]!];
    if (cell) [cell.dueSoFar, cell.doneSoFar] = [packed[at + 1]!, packed[at + 2]!];
  }
  for (const c of cells) c.share = c.dueSoFar === 0 ? null : c.doneSoFar / c.dueSoFar;
  return cells;
}
