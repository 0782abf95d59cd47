import { describe, expect, it } from "vitest";
import { checkUnitPlanning, effectiveDay, isInWindow, outsideWindowWarning, planText, type PlanCheckTask } from "@/lib/tasks/plan";
import { stockholmInstant, utcDate } from "@/lib/dates/cycle";

const february = { startsOn: utcDate(2027, 2, 1), dueOn: utcDate(2027, 2, 28) };

describe("the plan's window check", () => {
  it("accepts the window's first and last day and refuses the days around it", () => {
    expect(isInWindow(utcDate(2027, 2, 1), february)).toBe(true);
    expect(isInWindow(utcDate(2027, 2, 28), february)).toBe(true);
    expect(isInWindow(utcDate(2027, 1, 31), february)).toBe(false);
    expect(isInWindow(utcDate(2027, 3, 1), february)).toBe(false);
    expect(isInWindow(utcDate(2030, 7, 1), { startsOn: null, dueOn: null })).toBe(true);
  });

  it("warns in Swedish, naming the day and the window", () => {
    expect(outsideWindowWarning(utcDate(2027, 3, 3), february)).toBe("3 mars 2027 ligger utanför aktivitetens tid (februari 2027).");
    expect(outsideWindowWarning(utcDate(2027, 2, 12), february)).toBeNull();
    expect(outsideWindowWarning(utcDate(2027, 6, 1), { startsOn: utcDate(2027, 3, 1), dueOn: utcDate(2027, 5, 31) })).toContain("(mars–maj 2027)");
  });

  it("writes the plan in one line and counts from the planned day", () => {
    expect(planText({ plannedOn: utcDate(2027, 2, 12), plannedTime: "14:00", plannedPlace: "Dagcentralen", plannedLead: "Kim" })).toBe("12 februari 2027 kl. 14:00, Dagcentralen, leds av Kim");
    expect(planText({ plannedOn: null, plannedTime: null, plannedPlace: null, plannedLead: null })).toBeNull();
    expect(effectiveDay({ plannedOn: utcDate(2027, 2, 12), dueOn: february.dueOn })).toEqual(utcDate(2027, 2, 12));
    expect(effectiveDay({ plannedOn: null, dueOn: february.dueOn })).toEqual(february.dueOn);
  });

  it("turns a Swedish time into the instant, in winter and in summer time", () => {
    expect(stockholmInstant(utcDate(2027, 2, 12), "14:00").toISOString()).toBe("2027-02-12T13:00:00.000Z");
    expect(stockholmInstant(utcDate(2027, 5, 6), "13:30").toISOString()).toBe("2027-05-06T11:30:00.000Z");
    // The day the clocks go forward (28 March 2027, 02:00 → 03:00) and back (31 October 2027).
    expect(stockholmInstant(utcDate(2027, 3, 28), "10:00").toISOString()).toBe("2027-03-28T08:00:00.000Z");
    expect(stockholmInstant(utcDate(2027, 10, 31), "10:00").toISOString()).toBe("2027-10-31T09:00:00.000Z");
  });
});

describe("the planning check of a unit", () => {
  const task = (over: Partial<PlanCheckTask>): PlanCheckTask => ({ id: "t", title: "T", kind: "USER_CAFE", timing: "MONTH", status: "NOT_STARTED", plannedOn: null, local: false, ...february, ...over });

  it("counts day-bound steps, planned or done as planned, leaves out ej aktuella, checklists and continuous ones", () => {
    const check = checkUnitPlanning([
      task({ id: "planned", plannedOn: utcDate(2027, 2, 12) }),
      task({ id: "done", status: "DONE" }),
      task({ id: "open" }),
      task({ id: "na", status: "NOT_APPLICABLE" }),
      task({ id: "list", kind: "CHECKLIST" }),
      task({ id: "always", kind: "MEETING", timing: "CONTINUOUS" }),
      task({ id: "late", kind: "APT", plannedOn: utcDate(2027, 3, 2) }),
    ]);
    expect(check.dayBound).toBe(4);
    expect(check.planned).toBe(3);
    expect(check.plannedShare).toBe(0.75);
    expect(check.unplanned.map((t) => t.id)).toEqual(["open"]);
    expect(check.outsideWindow.map((t) => t.id)).toEqual(["late"]);
    expect(checkUnitPlanning([task({ kind: "CHECKLIST" })]).plannedShare).toBeNull();
  });
});
