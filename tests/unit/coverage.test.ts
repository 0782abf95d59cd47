import { describe, expect, it } from "vitest";
import { areasOf, computeCoverage, formatShare, monthState, sameDayInYear, shareBand, type CoverageGroup } from "@/lib/dashboard/coverage";
import { utcDate } from "@/lib/dates/cycle";

const TODAY = utcDate(2026, 11, 23);
const units = [{ id: "a" }, { id: "b" }, { id: "c" }];

describe("computeCoverage", () => {
  const groups: CoverageGroup[] = [
    { unitId: "a", dueOn: utcDate(2026, 2, 28), status: "DONE", count: 2 },
    { unitId: "a", dueOn: utcDate(2026, 2, 28), status: "NOT_APPLICABLE", count: 1 },
    { unitId: "a", dueOn: utcDate(2026, 2, 28), status: "IN_PROGRESS", count: 1 },
    { unitId: "a", dueOn: utcDate(2026, 12, 31), status: "NOT_STARTED", count: 3 },
    { unitId: "b", dueOn: utcDate(2026, 6, 30), status: "NOT_STARTED", count: 2 },
    { unitId: "b", dueOn: utcDate(2026, 11, 23), status: "NOT_STARTED", count: 1 },
    // Ignored: no due date, another year, an unknown unit.
    { unitId: "b", dueOn: null, status: "DONE", count: 5 },
    { unitId: "b", dueOn: utcDate(2025, 6, 30), status: "DONE", count: 5 },
    { unitId: "x", dueOn: utcDate(2026, 6, 30), status: "DONE", count: 5 },
  ];
  const rows = computeCoverage(units, groups, 2026, TODAY);

  it("leaves ej aktuell out of the share, as every page does, and counts open tasks past their due date as overdue", () => {
    const feb = rows[0]!.cells[1]!;
    expect(feb).toEqual({ month: 2, due: 3, done: 2, notApplicable: 1, dueSoFar: 3, doneSoFar: 2, overdue: 1, share: 2 / 3, state: "past" });
    expect(rows[1]!.cells[5]).toMatchObject({ month: 6, due: 2, done: 0, overdue: 2, share: 0, state: "past" });
  });

  it("does not count a task due today or later as overdue", () => {
    expect(rows[1]!.cells[10]).toMatchObject({ due: 1, overdue: 0, share: 0, state: "current" });
    expect(rows[0]!.cells[11]).toMatchObject({ due: 3, overdue: 0 });
  });

  it("gives empty months a null share and keeps units in the given order, also those without tasks", () => {
    expect(rows.map((r) => r.unit.id)).toEqual(["a", "b", "c"]);
    expect(rows[0]!.cells[0]).toEqual({ month: 1, due: 0, done: 0, notApplicable: 0, dueSoFar: 0, doneSoFar: 0, overdue: 0, share: null, state: "past" });
    expect(rows[2]!.totals).toEqual({ due: 0, done: 0, notApplicable: 0, overdue: 0, share: null, dueSoFar: 0, doneSoFar: 0, shareSoFar: null });
  });

  it("sums the year and what has been due so far, ej aktuell left out", () => {
    expect(rows[0]!.totals).toEqual({ due: 6, done: 2, notApplicable: 1, overdue: 1, share: 2 / 6, dueSoFar: 3, doneSoFar: 2, shareSoFar: 2 / 3 });
    expect(rows[1]!.totals).toMatchObject({ due: 3, overdue: 2, dueSoFar: 3, shareSoFar: 0 });
  });
});

// Issue 19, item 6: on 1 December the December tasks (due 31 December) are not failures.
describe("the current month", () => {
  const first = utcDate(2026, 12, 1);
  const december: CoverageGroup[] = [
    { unitId: "a", dueOn: utcDate(2026, 12, 31), status: "DONE", count: 1 },
    { unitId: "a", dueOn: utcDate(2026, 12, 31), status: "NOT_STARTED", count: 2 },
  ];

  it("counts only what is due so far: nothing yet, so no share and not red, but pågår with what is done", () => {
    const cell = computeCoverage([{ id: "a" }], december, 2026, first)[0]!.cells[11]!;
    expect(cell).toMatchObject({ state: "current", due: 3, done: 1, dueSoFar: 0, overdue: 0, share: null });
    expect(shareBand(cell.share)).toBe("none");
  });

  it("counts a task of the month once its due date has passed, and then it can be overdue", () => {
    const groups: CoverageGroup[] = [...december, { unitId: "a", dueOn: utcDate(2026, 12, 5), status: "IN_PROGRESS", count: 1 }];
    const cell = computeCoverage([{ id: "a" }], groups, 2026, utcDate(2026, 12, 10))[0]!.cells[11]!;
    expect(cell).toMatchObject({ state: "current", due: 4, dueSoFar: 1, doneSoFar: 0, overdue: 1, share: 0 });
  });

  it("shows a later month as to come, and the months of an earlier year as past", () => {
    expect(computeCoverage([{ id: "a" }], december, 2026, utcDate(2026, 6, 15))[0]!.cells[11]).toMatchObject({ state: "future", share: null });
    expect(monthState(2025, 12, first)).toBe("past");
    expect(monthState(2026, 11, first)).toBe("past");
    expect(monthState(2026, 12, first)).toBe("current");
    expect(monthState(2027, 1, first)).toBe("future");
  });
});

describe("formatting and bands", () => {
  it("rounds down so that nearly done is never shown as 100 %", () => {
    expect(formatShare(0.996)).toBe("99 %");
    expect(formatShare(1)).toBe("100 %");
    expect(formatShare(0)).toBe("0 %");
    expect(formatShare(null)).toBe("–");
  });
  it("bands shares for the heat map", () => {
    expect([null, 0, 0.39, 0.4, 0.75, 1].map(shareBand)).toEqual(["none", "low", "low", "mid", "high", "full"]);
  });
  it("finds the same date in another year, 29 February becoming 28 February", () => {
    expect(sameDayInYear(TODAY, 2025)).toEqual(utcDate(2025, 11, 23));
    expect(sameDayInYear(utcDate(2028, 2, 29), 2027)).toEqual(utcDate(2027, 2, 28));
  });
});

describe("areasOf", () => {
  it("counts each area's units once, in the order of its first unit, also when areas' units are interleaved", () => {
    const unit = (id: string, name: string) => ({ area: { id, name } });
    expect(areasOf([unit("b", "Söder"), unit("a", "Norr"), unit("b", "Söder"), unit("a", "Norr"), unit("b", "Söder")])).toEqual([
      { id: "b", name: "Söder", units: 3 },
      { id: "a", name: "Norr", units: 2 },
    ]);
    expect(areasOf([])).toEqual([]);
  });
});
