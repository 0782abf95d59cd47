import { describe, expect, it } from "vitest";
import {
  activityPeriod,
  calendarYearOfMonth,
  currentCycleYearOf,
  cycleMonths,
  cycleOpenUntil,
  cycleSpan,
  cycleStartMonth,
  cycleYearOf,
  endingCycleYearOf,
  describeCycleYear,
  formatCycleLabel,
  formatDateIso,
  isOpenCycleYear,
  openCycleYears,
  routineCycleSpan,
  utcDate,
} from "@/lib/dates/cycle";
import { planTasks } from "@/lib/cycles/plan";
import { computeCoverage } from "@/lib/dashboard/coverage";

const iso = (d: Date | null) => (d ? formatDateIso(d) : null);
/** The demo verksamhet: the brukarundersökning starts in December, the quality review in January. */
const BOTH = [1, 12];

describe("cycle years with a December start (issue 21 item 5)", () => {
  it("puts a task on 15 December 2026 in the 2027 cycle, and one on 30 November 2026 in the 2026 cycle", () => {
    expect(cycleYearOf(utcDate(2026, 12, 15), 12)).toBe(2027);
    expect(cycleYearOf(utcDate(2026, 12, 1), 12)).toBe(2027);
    expect(cycleYearOf(utcDate(2026, 11, 30), 12)).toBe(2026);
    expect(cycleYearOf(utcDate(2027, 1, 4), 12)).toBe(2027);
  });

  it("keeps calendar years for a January start (the default)", () => {
    expect(cycleYearOf(utcDate(2026, 12, 15))).toBe(2026);
    expect(cycleYearOf(utcDate(2026, 12, 31), 1)).toBe(2026);
    expect(cycleYearOf(utcDate(2027, 1, 1), 1)).toBe(2027);
  });

  it("dates a December activity of the 2027 cycle in December 2026 and a January one in January 2027", () => {
    expect(calendarYearOfMonth(2027, 12, 12)).toBe(2026);
    expect(calendarYearOfMonth(2027, 11, 12)).toBe(2027);
    expect(activityPeriod(2027, { startMonth: 12, endMonth: 12 }, 12)).toEqual({ startsOn: utcDate(2026, 12, 1), dueOn: utcDate(2026, 12, 31) });
    expect(activityPeriod(2027, { startMonth: 1, endMonth: 3 }, 12)).toEqual({ startsOn: utcDate(2027, 1, 1), dueOn: utcDate(2027, 3, 31) });
    // "januari–december" of a December cycle is the whole cycle, december–november (issue 32): never past its end.
    expect(activityPeriod(2027, { startMonth: 1, endMonth: 12 }, 12)).toEqual({ startsOn: utcDate(2026, 12, 1), dueOn: utcDate(2027, 11, 30) });
    expect(activityPeriod(2027, { startMonth: 12, endMonth: 2 }, 12)).toEqual({ startsOn: utcDate(2026, 12, 1), dueOn: utcDate(2027, 2, 28) });
    // A span over the cycle's end back into its beginning covers both: the whole cycle.
    expect(activityPeriod(2027, { startMonth: 11, endMonth: 2 }, 1)).toEqual({ startsOn: utcDate(2027, 1, 1), dueOn: utcDate(2027, 12, 31) });
    expect(activityPeriod(2027, { startMonth: 10, endMonth: 11 }, 12)).toEqual({ startsOn: utcDate(2027, 10, 1), dueOn: utcDate(2027, 11, 30) });
    // A calendar-year routine's December stays in its own year.
    expect(iso(activityPeriod(2027, { startMonth: 12, endMonth: 12 }).dueOn)).toBe("2027-12-31");
  });

  it("plans the tasks of a December routine in the year before the cycle's name", () => {
    const planned = planTasks(2027, [{ id: "lg", scope: "ORGANISATION", startMonth: 12, endMonth: 12, cycleStartMonth: 12 }, { id: "apt", scope: "UNIT", startMonth: 1, endMonth: 1, cycleStartMonth: 12 }], ["u1"]);
    expect(planned.map((t) => [t.activityId, iso(t.dueOn)])).toEqual([["lg", "2026-12-31"], ["apt", "2027-01-31"]]);
  });

  it("spans twelve months from the verksamhet's one start month: December 2026 – November 2027 with a December routine", () => {
    expect(routineCycleSpan(2027, 12)).toEqual({ startsOn: utcDate(2026, 12, 1), endsOn: utcDate(2027, 11, 30) });
    expect(routineCycleSpan(2027, 1)).toEqual({ startsOn: utcDate(2027, 1, 1), endsOn: utcDate(2027, 12, 31) });
    expect(cycleSpan(2027, BOTH)).toEqual({ startsOn: utcDate(2026, 12, 1), endsOn: utcDate(2027, 11, 30) });
    expect(cycleStartMonth(BOTH)).toBe(12);
    expect(cycleStartMonth([1, 3, 12])).toBe(3);
    expect(cycleStartMonth([])).toBe(1);
    expect(cycleSpan(2027, [12])).toEqual({ startsOn: utcDate(2026, 12, 1), endsOn: utcDate(2027, 11, 30) });
    expect(cycleSpan(2027, [])).toEqual({ startsOn: utcDate(2027, 1, 1), endsOn: utcDate(2027, 12, 31) });
  });

  it("has two open cycles in December and the newest as the current one", () => {
    const december = utcDate(2026, 12, 2);
    expect(openCycleYears(december, BOTH)).toEqual([2027, 2026]);
    expect(currentCycleYearOf(december, BOTH)).toBe(2027);
    expect(isOpenCycleYear(2026, december, BOTH)).toBe(true);
    expect(isOpenCycleYear(2025, december, BOTH)).toBe(false);
    expect(isOpenCycleYear(2028, december, BOTH)).toBe(false);
    // The ending cycle stays open for its unfinished work to the end of the new cycle's second month (decision 020).
    expect(openCycleYears(december, [12])).toEqual([2027, 2026]);
    expect(openCycleYears(utcDate(2027, 1, 15), BOTH)).toEqual([2027, 2026]);
    expect(cycleOpenUntil(2026, BOTH)).toEqual(utcDate(2027, 1, 31));
    expect(endingCycleYearOf(utcDate(2027, 1, 31), BOTH)).toBe(2026);
  });

  it("has one open cycle from February to November", () => {
    expect(openCycleYears(utcDate(2026, 11, 20), BOTH)).toEqual([2026]);
    expect(openCycleYears(utcDate(2027, 2, 1), BOTH)).toEqual([2027]);
    expect(endingCycleYearOf(utcDate(2027, 2, 1), BOTH)).toBeNull();
    expect(currentCycleYearOf(utcDate(2026, 12, 31), [1])).toBe(2026);
    // A calendar-year verksamhet: the old year is open for January and February.
    expect(openCycleYears(utcDate(2027, 2, 28), [1])).toEqual([2027, 2026]);
    expect(openCycleYears(utcDate(2027, 3, 1), [1])).toEqual([2027]);
  });

  it("never lets two cycles share a month, nor a cycle pass twelve months", () => {
    for (const calendar of [[1], [12], BOTH, [3, 12], [2]]) {
      for (const year of [2026, 2027, 2028]) {
        const { startsOn, endsOn } = cycleSpan(year, calendar);
        expect(cycleSpan(year + 1, calendar).startsOn.getTime() - endsOn.getTime()).toBe(86_400_000);
        expect((endsOn.getUTCFullYear() - startsOn.getUTCFullYear()) * 12 + endsOn.getUTCMonth() - startsOn.getUTCMonth()).toBe(11);
        for (let a = 1; a <= 12; a++) {
          for (let b = 1; b <= 12; b++) {
            const p = activityPeriod(year, { startMonth: a, endMonth: b }, cycleStartMonth(calendar));
            expect(p.startsOn!.getTime()).toBeGreaterThanOrEqual(startsOn.getTime());
            expect(p.dueOn!.getTime()).toBeLessThanOrEqual(endsOn.getTime());
            expect(p.startsOn!.getTime()).toBeLessThan(p.dueOn!.getTime());
          }
        }
      }
    }
  });

  it("names a cycle with its months, and a calendar-year cycle by its year alone", () => {
    expect(formatCycleLabel(2027, [12])).toBe("Cykel 2027 (december 2026 – november 2027)");
    expect(formatCycleLabel(2027, BOTH)).toBe("Cykel 2027 (december 2026 – november 2027)");
    expect(formatCycleLabel(2027, [1])).toBe("Cykel 2027");
    expect(describeCycleYear(2027, utcDate(2026, 12, 2), BOTH)).toBe(" (pågår)");
    expect(describeCycleYear(2026, utcDate(2026, 12, 2), BOTH)).toBe(" (efterarbete)");
    expect(describeCycleYear(2025, utcDate(2026, 12, 2), [12])).toBe(" (avslutad)");
    expect(describeCycleYear(2027, utcDate(2026, 11, 20), [1])).toBe(" (kommande)");
  });

  it("orders a December cycle's months from December", () => {
    expect(cycleMonths(12)).toEqual([12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(cycleMonths()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("puts the December 2026 tasks first in the 2027 cycle's heat map row, as the current month", () => {
    const groups = [
      { unitId: "a", dueOn: utcDate(2026, 12, 31), status: "DONE" as const, count: 2 },
      { unitId: "a", dueOn: utcDate(2027, 1, 31), status: "NOT_STARTED" as const, count: 1 },
      // Outside the cycle's twelve months (after its end, before its start): left out, never mixed into December.
      { unitId: "a", dueOn: utcDate(2027, 12, 31), status: "NOT_STARTED" as const, count: 1 },
      { unitId: "a", dueOn: utcDate(2025, 12, 31), status: "DONE" as const, count: 5 },
    ];
    const [row] = computeCoverage([{ id: "a" }], groups, 2027, utcDate(2026, 12, 15), 12);
    expect(row!.cells.map((c) => c.month).slice(0, 2)).toEqual([12, 1]);
    expect(row!.cells[0]).toMatchObject({ month: 12, due: 2, done: 2, state: "current" });
    expect(row!.cells[1]).toMatchObject({ month: 1, due: 1, state: "future" });
    expect(row!.totals.due).toBe(3);
  });
});
