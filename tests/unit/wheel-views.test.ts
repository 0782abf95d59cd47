import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import { dayAngleInYear, isoWeekStarts, weekTickAngles } from "@/lib/wheel/geometry";
import { resolveView, timelineDay, timelineSpan, toggleLayer, viewMonths, viewRange, wheelViewQuery, wheelViewSchema, withoutHiddenLayers } from "@/lib/wheel/views";
import { orderToDoNow, toDoTier } from "@/lib/tasks/to-do-now";

describe("the start page's zoom and layers in the query string", () => {
  it("reads the view and the hidden layers, ignoring what is not valid", () => {
    expect(wheelViewSchema.parse({ vy: "kvartal", kvartal: "3" })).toEqual({ vy: "kvartal", quarter: 3, month: undefined, hidden: [] });
    expect(wheelViewSchema.parse({ vy: "manad", manad: "13", dolj: "enkat,atgarder,enkat,<script>" })).toEqual({ vy: "manad", quarter: undefined, month: undefined, hidden: ["atgarder", "enkat"] });
    expect(wheelViewSchema.parse({ vy: "vecka", kvartal: ["1", "2"] })).toMatchObject({ vy: "ar", quarter: undefined });
  });

  it("chooses today's quarter or month when none is given, in today's year only", () => {
    const today = utcDate(2026, 11, 20);
    expect(resolveView({ vy: "kvartal" }, 2026, today)).toEqual({ kind: "quarter", quarter: 4 });
    expect(resolveView({ vy: "manad" }, 2026, today)).toEqual({ kind: "month", month: 11 });
    expect(resolveView({ vy: "manad" }, 2025, today)).toEqual({ kind: "month", month: 1 });
    expect(resolveView({ vy: "manad", quarter: 2 }, 2026, today)).toEqual({ kind: "month", month: 4 });
    expect(resolveView({ vy: "ar", month: 3 }, 2026, today)).toEqual({ kind: "year" });
  });

  it("slices the year into quarters and months", () => {
    expect(viewMonths({ kind: "quarter", quarter: 1 })).toEqual([1, 2, 3]);
    expect(viewMonths({ kind: "quarter", quarter: 4 })).toEqual([10, 11, 12]);
    expect(viewMonths({ kind: "month", month: 2 })).toEqual([2]);
    expect(viewMonths({ kind: "year" })).toHaveLength(12);
    expect(viewRange({ kind: "quarter", quarter: 1 }, 2027)).toEqual({ from: utcDate(2027, 1, 1), to: utcDate(2027, 3, 31) });
    expect(viewRange({ kind: "month", month: 2 }, 2028)).toEqual({ from: utcDate(2028, 2, 1), to: utcDate(2028, 2, 29) });
  });

  it("places a period on the timeline, cut at the view's edges, and leaves out what lies outside", () => {
    const february = viewRange({ kind: "month", month: 2 }, 2027); // 28 days
    expect(timelineSpan(utcDate(2027, 2, 1), utcDate(2027, 2, 28), february)).toEqual({ left: 0, width: 100, continuesBefore: false, continuesAfter: false });
    expect(timelineSpan(utcDate(2027, 2, 8), utcDate(2027, 2, 14), february)).toEqual({ left: 25, width: 25, continuesBefore: false, continuesAfter: false });
    expect(timelineSpan(utcDate(2027, 1, 1), utcDate(2027, 3, 31), february)).toEqual({ left: 0, width: 100, continuesBefore: true, continuesAfter: true });
    expect(timelineSpan(utcDate(2027, 3, 1), utcDate(2027, 3, 31), february)).toBeNull();
    expect(timelineDay(utcDate(2027, 2, 15), february)).toBe(51.79) // the middle of day 15 of 28;
    expect(timelineDay(utcDate(2027, 3, 1), february)).toBeNull();
    const q1 = viewRange({ kind: "quarter", quarter: 1 }, 2027); // 90 days
    expect(timelineSpan(utcDate(2027, 2, 1), utcDate(2027, 2, 28), q1)).toEqual({ left: 34.44, width: 31.11, continuesBefore: false, continuesAfter: false });
  });

  it("builds shareable addresses that keep year, unit, view and layers, and leave the defaults out", () => {
    const base = { year: 2027, unitId: "u1", view: { kind: "year" } as const, hidden: [] };
    expect(wheelViewQuery(base)).toBe("?ar=2027&enhet=u1");
    expect(wheelViewQuery(base, { view: { kind: "quarter", quarter: 1 } })).toBe("?ar=2027&enhet=u1&vy=kvartal&kvartal=1");
    expect(wheelViewQuery({ view: { kind: "month", month: 2 }, hidden: ["enkat", "atgarder"] })).toBe("?vy=manad&manad=2&dolj=atgarder,enkat");
    expect(wheelViewQuery({ view: { kind: "year" }, hidden: [] })).toBe("?");
    expect(toggleLayer(["enkat"], "atgarder")).toEqual(["atgarder", "enkat"]);
    expect(toggleLayer(["atgarder", "enkat"], "atgarder")).toEqual(["enkat"]);
  });

  it("leaves the hidden layers out of the wheel's data", () => {
    const data = { routines: [{ key: "a" }, { key: "b" }], actions: [1, 2], survey: { dispatchOn: null }, year: 2027 };
    expect(withoutHiddenLayers(data, [])).toBe(data);
    expect(withoutHiddenLayers(data, ["b", "atgarder"])).toEqual({ routines: [{ key: "a" }], actions: [], survey: { dispatchOn: null }, year: 2027 });
    expect(withoutHiddenLayers(data, ["enkat"])).toMatchObject({ routines: data.routines, actions: data.actions, survey: null });
  });
});

describe("the zoom of a wheel that starts in December (a cycle named after the survey year it leads to)", () => {
  it("makes december–februari the first quarter and puts December in the year before", () => {
    expect(viewMonths({ kind: "quarter", quarter: 1 }, 12)).toEqual([12, 1, 2]);
    expect(viewMonths({ kind: "quarter", quarter: 4 }, 12)).toEqual([9, 10, 11]);
    expect(viewMonths({ kind: "year" }, 12)).toEqual([12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(viewRange({ kind: "quarter", quarter: 1 }, 2027, 12)).toEqual({ from: utcDate(2026, 12, 1), to: utcDate(2027, 2, 28) });
    expect(viewRange({ kind: "month", month: 12 }, 2027, 12)).toEqual({ from: utcDate(2026, 12, 1), to: utcDate(2026, 12, 31) });
    expect(viewRange({ kind: "month", month: 11 }, 2027, 12)).toEqual({ from: utcDate(2027, 11, 1), to: utcDate(2027, 11, 30) });
  });

  it("opens on today's month and quarter when today is in the wheel's twelve months", () => {
    const today = utcDate(2026, 12, 2);
    expect(resolveView({ vy: "manad" }, 2027, today, 12)).toEqual({ kind: "month", month: 12 });
    expect(resolveView({ vy: "kvartal" }, 2027, today, 12)).toEqual({ kind: "quarter", quarter: 1 });
    expect(resolveView({ vy: "manad", quarter: 2 }, 2027, today, 12)).toEqual({ kind: "month", month: 3 });
    // The 2026 cycle ended with November 2026: it opens on its first month.
    expect(resolveView({ vy: "manad" }, 2026, today, 12)).toEqual({ kind: "month", month: 12 });
    expect(resolveView({ vy: "kvartal" }, 2026, utcDate(2026, 11, 20), 12)).toEqual({ kind: "quarter", quarter: 4 });
  });
});

describe("the wheel's week ticks", () => {
  it("finds the Monday of every ISO week in a year, week 1 of the next year at the end when it begins in December", () => {
    const y2026 = isoWeekStarts(2026);
    // 2026 begins on a Thursday: week 1's Monday is 29 December 2025, so 5 January is week 2.
    expect(y2026[0]).toEqual({ week: 2, date: utcDate(2026, 1, 5) });
    expect(y2026.at(-1)).toEqual({ week: 53, date: utcDate(2026, 12, 28) });
    const y2024 = isoWeekStarts(2024);
    expect(y2024[0]).toEqual({ week: 1, date: utcDate(2024, 1, 1) });
    // 30 December 2024 begins week 1 of 2025.
    expect(y2024.at(-1)).toEqual({ week: 1, date: utcDate(2024, 12, 30) });
    for (const y of [2024, 2026, 2027]) for (const { date } of isoWeekStarts(y)) expect(date.getUTCDay()).toBe(1);
  });

  it("puts the ticks at the start of each Monday, clockwise and inside the turn", () => {
    const ticks = weekTickAngles(2027);
    expect(ticks[0]).toEqual({ week: 1, angle: Math.round(((3 / 31) * 30) * 100) / 100 }); // 4 January 2027
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.angle).toBeGreaterThan(ticks[i - 1]!.angle);
    expect(ticks.at(-1)!.angle).toBeLessThan(360);
    expect(ticks).toHaveLength(52);
  });

  it("for a cycle that starts in December, begins with December's Mondays of the year before at twelve o'clock", () => {
    const ticks = weekTickAngles(2027, 12);
    // 7 December 2026 is the first Monday of December 2026 (week 50): six days into the December sector.
    expect(ticks[0]).toEqual({ week: 50, angle: Math.round(((6 / 31) * 30) * 100) / 100 });
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.angle).toBeGreaterThan(ticks[i - 1]!.angle);
    // The last tick is the last Monday of November 2027 (29 November, week 48).
    expect(ticks.at(-1)!.week).toBe(48);
    expect(ticks.at(-1)!.angle).toBeLessThan(360);
  });
});

describe("a planned day on the whole-year wheel", () => {
  it("lies at the middle of its day in the cycle year, and nowhere in another year", () => {
    expect(dayAngleInYear(utcDate(2027, 1, 1), 2027)).toBe(0.48);
    expect(dayAngleInYear(utcDate(2027, 4, 1), 2027)).toBe(90.5);
    expect(dayAngleInYear(utcDate(2027, 12, 31), 2027)).toBe(359.52);
    expect(dayAngleInYear(utcDate(2026, 12, 31), 2027)).toBeNull();
  });

  it("in a cycle that starts in December, puts December of the year before at twelve o'clock", () => {
    expect(dayAngleInYear(utcDate(2026, 12, 1), 2027, 12)).toBe(0.48);
    expect(dayAngleInYear(utcDate(2027, 1, 1), 2027, 12)).toBe(30.48);
    // A January routine's December of the cycle year shares the December sector.
    expect(dayAngleInYear(utcDate(2027, 12, 1), 2027, 12)).toBe(0.48);
    expect(dayAngleInYear(utcDate(2026, 11, 30), 2027, 12)).toBeNull();
  });
});

describe("Att göra nu in order", () => {
  const today = utcDate(2026, 11, 20);
  const task = (id: string, role: "ENHETSCHEF" | "KOORDINATOR" | null, dueOn: Date | null, status: "NOT_STARTED" | "IN_PROGRESS" = "NOT_STARTED") => ({ id, responsibleRole: role, dueOn, status, title: id });

  it("tells the user's own tasks from those they may change and those they only read", () => {
    const roles = new Set(["ENHETSCHEF"] as const);
    expect(toDoTier(task("a", "ENHETSCHEF", null), true, roles)).toBe("own");
    expect(toDoTier(task("a", null, null), true, roles)).toBe("own");
    expect(toDoTier(task("a", "KOORDINATOR", null), true, roles)).toBe("changeable");
    expect(toDoTier(task("a", "ENHETSCHEF", null), false, roles)).toBe("others");
  });

  it("puts own tasks first, overdue first within each, then by due date", () => {
    const tasks = [
      task("others-late", "KOORDINATOR", utcDate(2026, 10, 31)),
      task("own-month", "ENHETSCHEF", utcDate(2026, 11, 30)),
      task("own-late", "ENHETSCHEF", utcDate(2026, 11, 19), "IN_PROGRESS"),
      task("own-due-today", "ENHETSCHEF", utcDate(2026, 11, 20)),
      task("own-ongoing", "ENHETSCHEF", null),
    ];
    const ordered = orderToDoNow(tasks, (t) => (t.responsibleRole === "ENHETSCHEF" ? "own" : "changeable"), today);
    expect(ordered.map((t) => t.id)).toEqual(["own-late", "own-due-today", "own-month", "own-ongoing", "others-late"]);
    expect(ordered.map((t) => t.overdue)).toEqual([true, false, false, false, true]);
  });
});
