import { describe, expect, it } from "vitest";
import { packCells, unpackCells } from "@/lib/dashboard/compact-cells";
import { computeCoverage, type CoverageCell, type CoverageGroup } from "@/lib/dashboard/coverage";
import { cycleMonths, utcDate } from "@/lib/dates/months";

// The overview's heat map is a client component fed one flat list of numbers per row (docs/decisions/013, issue 35):
// what it unpacks must be exactly what computeCoverage gave, on any day, and the list must stay short.
const statuses = ["DONE", "NOT_STARTED", "IN_PROGRESS", "NOT_APPLICABLE"] as const;

/** Tasks on every few days of a cycle year, in every status, for one unit. */
function groupsOf(year: number, firstMonth: number): CoverageGroup[] {
  const groups: CoverageGroup[] = [];
  for (const [i, month] of cycleMonths(firstMonth).entries()) {
    const calendarYear = firstMonth > 1 && month >= firstMonth ? year - 1 : year;
    for (const day of [1, 9, 17, 28]) groups.push({ unitId: "a", dueOn: utcDate(calendarYear, month, day), status: statuses[(i + day) % 4]!, count: 1 + ((i * day) % 3) });
  }
  return groups;
}

describe("the heat map's packed cells", () => {
  for (const [firstMonth, today] of [
    [1, utcDate(2026, 12, 6)],
    [1, utcDate(2026, 6, 17)],
    [1, utcDate(2026, 1, 1)],
    [1, utcDate(2027, 2, 1)],
    [12, utcDate(2025, 12, 9)],
    [12, utcDate(2026, 11, 30)],
  ] as const) {
    it(`unpack to computeCoverage's cells (cycle from month ${firstMonth}, ${today.toISOString().slice(0, 10)})`, () => {
      const cells = computeCoverage([{ id: "a" }], groupsOf(2026, firstMonth), 2026, today, firstMonth)[0]!.cells;
      const packed = packCells(cells);
      expect(unpackCells(packed, cycleMonths(firstMonth), cells.map((c) => c.state))).toEqual(cells);
      // Four counts a month, and three more for a month in progress (at most one).
      expect(packed.length).toBeLessThanOrEqual(12 * 4 + 3);
      expect(packed.every((n) => Number.isInteger(n))).toBe(true);
    });
  }

  it("carry counts so far that its state would not give", () => {
    const cells: CoverageCell[] = cycleMonths(1).map((month) => ({ month, due: 2, done: 1, notApplicable: 0, dueSoFar: 0, doneSoFar: 0, overdue: 0, share: null, state: "past" }));
    const packed = packCells(cells);
    expect(packed.length).toBe(12 * 4 + 12 * 3);
    expect(unpackCells(packed, cycleMonths(1), cells.map((c) => c.state))).toEqual(cells);
  });
});
