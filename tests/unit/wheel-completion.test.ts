import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import { completionLevel, describeCompletion, emptyCompletion, statusLevel, type Completion } from "@/lib/wheel/completion";

const TODAY = utcDate(2026, 11, 23);
const c = (over: Partial<Completion>): Completion => ({ ...emptyCompletion(), ...over });

describe("completion level of an activity across units", () => {
  it("counts klar and ej aktuell as handled", () => {
    expect(completionLevel(c({ total: 14, done: 13, notApplicable: 1 }), utcDate(2026, 2, 1), TODAY)).toBe("all");
    expect(completionLevel(c({ total: 14, notApplicable: 14 }), utcDate(2026, 2, 1), TODAY)).toBe("na");
  });

  it("splits at half", () => {
    expect(completionLevel(c({ total: 14, done: 7, notStarted: 7 }), utcDate(2026, 2, 1), TODAY)).toBe("most");
    expect(completionLevel(c({ total: 14, done: 6, notStarted: 8 }), utcDate(2026, 2, 1), TODAY)).toBe("some");
    expect(completionLevel(c({ total: 14, inProgress: 2, notStarted: 12 }), utcDate(2026, 2, 1), TODAY)).toBe("some");
    expect(completionLevel(c({ total: 14, notStarted: 14 }), utcDate(2026, 2, 1), TODAY)).toBe("none");
  });

  it("calls untouched activities whose period has not begun upcoming, not behind", () => {
    expect(completionLevel(c({ total: 14, notStarted: 14 }), utcDate(2026, 12, 1), TODAY)).toBe("upcoming");
    expect(completionLevel(c({ total: 14, done: 1, notStarted: 13 }), utcDate(2026, 12, 1), TODAY)).toBe("some");
    expect(completionLevel(c({}), utcDate(2026, 12, 1), TODAY)).toBe("empty");
  });

  it("gives one unit's status its level", () => {
    expect(statusLevel("DONE", null, TODAY)).toBe("all");
    expect(statusLevel("IN_PROGRESS", null, TODAY)).toBe("some");
    expect(statusLevel("NOT_STARTED", utcDate(2026, 3, 1), TODAY)).toBe("none");
    expect(statusLevel("NOT_STARTED", utcDate(2026, 12, 1), TODAY)).toBe("upcoming");
    expect(statusLevel("NOT_APPLICABLE", null, TODAY)).toBe("na");
    expect(statusLevel(null, null, TODAY)).toBe("empty");
  });

  it("says it in words", () => {
    expect(describeCompletion(c({ total: 14, done: 11, notApplicable: 1, inProgress: 2, overdue: 2 }), true)).toBe("11 av 14 enheter klara, 1 ej aktuell, 2 pågår, 2 försenade");
    expect(describeCompletion(c({ total: 1, notStarted: 1, overdue: 1 }), false)).toBe("Ej påbörjad, försenad");
    expect(describeCompletion(c({ total: 1, done: 1 }), true)).toBe("1 av 1 enhet klar");
    expect(describeCompletion(c({ total: 1, done: 1 }), false)).toBe("Klar");
  });
});
