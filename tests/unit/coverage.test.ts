import { describe, expect, it } from "vitest";
import { computeCoverage, formatShare, sameDayInYear, shareBand, type CoverageGroup } from "@/lib/dashboard/coverage";
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

  it("counts klar and ej aktuell as handled and open tasks past their due date as overdue", () => {
    const feb = rows[0]!.cells[1]!;
    expect(feb).toEqual({ month: 2, due: 4, handled: 3, overdue: 1, share: 0.75 });
    expect(rows[1]!.cells[5]).toEqual({ month: 6, due: 2, handled: 0, overdue: 2, share: 0 });
  });

  it("does not count a task due today or later as overdue", () => {
    expect(rows[1]!.cells[10]).toMatchObject({ due: 1, overdue: 0, share: 0 });
    expect(rows[0]!.cells[11]).toMatchObject({ due: 3, overdue: 0 });
  });

  it("gives empty months a null share and keeps units in the given order, also those without tasks", () => {
    expect(rows.map((r) => r.unit.id)).toEqual(["a", "b", "c"]);
    expect(rows[0]!.cells[0]).toEqual({ month: 1, due: 0, handled: 0, overdue: 0, share: null });
    expect(rows[2]!.totals).toEqual({ due: 0, handled: 0, overdue: 0, share: null, dueSoFar: 0, handledSoFar: 0, shareSoFar: null });
  });

  it("sums the year and what has been due so far", () => {
    expect(rows[0]!.totals).toEqual({ due: 7, handled: 3, overdue: 1, share: 3 / 7, dueSoFar: 4, handledSoFar: 3, shareSoFar: 0.75 });
    expect(rows[1]!.totals).toMatchObject({ due: 3, overdue: 2, dueSoFar: 3, shareSoFar: 0 });
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
