import { describe, expect, it } from "vitest";
import { commonWeakPoints, compareUnit, effectOf, formatPercent, formatPoints, verdictOf, type IndicatorLike, type ResultLike } from "@/lib/results/compare";

const helhet: IndicatorLike = { id: "hel", key: "helhetssyn", name: "Helhetssyn", higherIsBetter: true, position: 0 };
const krankt: IndicatorLike = { id: "kra", key: "krankt-bemotande", name: "Kränkt bemötande", higherIsBetter: false, position: 1 };
const r = (indicatorId: string, year: number, place: string, value: number | null, respondents: number | null = 20): ResultLike => ({
  indicatorId, year, value, respondents,
  level: place === "KOMMUN" || place === "RIKET" ? place : "UNIT",
  unitId: place === "KOMMUN" || place === "RIKET" ? null : place,
});

describe("compareUnit", () => {
  const results = [
    r("hel", 2025, "A", 80), r("hel", 2026, "A", 84.5), r("hel", 2026, "KOMMUN", 86), r("hel", 2026, "RIKET", 87),
    r("kra", 2026, "A", 4), r("kra", 2026, "KOMMUN", 6), r("kra", 2025, "A", null, 5),
    r("hel", 2026, "B", 95),
  ];

  it("compares with the kommun, the riket and the previous year, in percentage points", () => {
    const [hel] = compareUnit([helhet, krankt], results, "A", 2026);
    expect(hel).toMatchObject({ vsKommun: -1.5, vsRiket: -2.5, vsPrevious: 4.5, verdictKommun: "worse", verdictPrevious: "better" });
    expect(hel!.unit).toEqual({ kind: "value", value: 84.5, respondents: 20 });
  });

  it("treats lower as better for a negative indicator, and a suppressed year as no number", () => {
    const [, kra] = compareUnit([helhet, krankt], results, "A", 2026);
    expect(kra).toMatchObject({ vsKommun: -2, verdictKommun: "better", vsPrevious: null, verdictPrevious: "unknown" });
    expect(kra!.previous).toEqual({ kind: "suppressed" });
    expect(kra!.riket).toEqual({ kind: "missing" });
  });

  it("counts changes under one percentage point as unchanged", () => {
    expect(verdictOf(0.9, true)).toBe("same");
    expect(verdictOf(-1, true)).toBe("worse");
    expect(verdictOf(-1, false)).toBe("better");
    expect(verdictOf(null, true)).toBe("unknown");
  });
});

describe("commonWeakPoints", () => {
  it("marks an indicator where most units are worse than the kommun, ignoring suppressed units", () => {
    const results = [
      r("hel", 2026, "KOMMUN", 85), r("hel", 2026, "A", 80), r("hel", 2026, "B", 84), r("hel", 2026, "C", 90), r("hel", 2026, "D", null, 4),
      r("kra", 2026, "KOMMUN", 6), r("kra", 2026, "A", 8), r("kra", 2026, "B", 3), r("kra", 2026, "C", 2),
      r("hel", 2026, "E", 10),
    ];
    const [first, second] = commonWeakPoints([krankt, helhet], results, ["A", "B", "C", "D"], 2026);
    expect(first).toMatchObject({ indicator: helhet, kommun: 85, compared: 3, common: true });
    expect(first!.belowKommun.map((u) => u.unitId)).toEqual(["A", "B"]);
    expect(second).toMatchObject({ indicator: krankt, common: false });
    expect(second!.belowKommun.map((u) => u.unitId)).toEqual(["A"]);
  });

  it("has no gemensamma nämnare for a single unit, however it compares", () => {
    const results = [r("hel", 2026, "KOMMUN", 85), r("hel", 2026, "A", 60)];
    expect(commonWeakPoints([helhet], results, ["A"], 2026)[0]).toMatchObject({ compared: 1, common: false });
    expect(commonWeakPoints([helhet], [...results, r("hel", 2026, "B", 70)], ["A", "B"], 2026)[0]).toMatchObject({ compared: 2, common: true });
  });

  it("finds nothing to compare without a kommun value", () => {
    const [point] = commonWeakPoints([helhet], [r("hel", 2026, "A", 50)], ["A"], 2026);
    expect(point).toMatchObject({ kommun: null, compared: 0, common: false, belowKommun: [] });
  });
});

describe("effectOf", () => {
  const action = { cycleYear: 2025, indicatorId: "hel", unitId: "A" };
  it("compares the next year's result with the action's year", () => {
    const effect = effectOf(action, helhet, [r("hel", 2025, "A", 70), r("hel", 2026, "A", 76.5)]);
    expect(effect).toEqual({ kind: "measured", baseYear: 2025, followYear: 2026, before: 70, after: 76.5, change: 6.5, verdict: "better" });
  });

  it("waits for the next year's result, and says when a year has no number", () => {
    expect(effectOf(action, helhet, [r("hel", 2025, "A", 70)])).toEqual({ kind: "pending", baseYear: 2025, followYear: 2026 });
    expect(effectOf(action, helhet, [r("hel", 2025, "A", null, 4), r("hel", 2026, "A", 80)]).kind).toBe("no-data");
    expect(effectOf({ ...action, indicatorId: null }, null, []).kind).toBe("no-indicator");
  });

  it("stops waiting once the follow-up year is imported without a row for the unit (or for the kommun)", () => {
    const others = [r("hel", 2025, "A", 70), r("hel", 2026, "B", 80)];
    expect(effectOf(action, helhet, others)).toEqual({ kind: "no-data", baseYear: 2025, followYear: 2026 });
    // Only the kommun's value has come in: the units' results may still be on their way.
    expect(effectOf(action, helhet, [r("hel", 2025, "A", 70), r("hel", 2026, "KOMMUN", 80)]).kind).toBe("pending");
    expect(effectOf({ ...action, indicatorId: "kra" }, krankt, others).kind).toBe("pending");
    expect(effectOf({ cycleYear: 2025, indicatorId: "hel", unitId: null }, helhet, others).kind).toBe("pending");
    expect(effectOf({ cycleYear: 2025, indicatorId: "hel", unitId: null }, helhet, [r("hel", 2026, "KOMMUN", 80)]).kind).toBe("no-data");
  });

  it("follows a verksamhet-wide action through the kommun's value, lower being better for negative indicators", () => {
    const effect = effectOf({ cycleYear: 2025, indicatorId: "kra", unitId: null }, krankt, [r("kra", 2025, "KOMMUN", 8), r("kra", 2026, "KOMMUN", 5), r("kra", 2026, "A", 20)]);
    expect(effect).toMatchObject({ kind: "measured", change: -3, verdict: "better" });
  });
});

it("formats percentages and points the Swedish way", () => {
  expect(formatPercent(87.5)).toBe("87,5 %");
  expect(formatPoints(2.5)).toBe("+2,5");
  expect(formatPoints(-1)).toBe("−1");
  expect(formatPoints(0)).toBe("±0");
});

// Issue 32, item 6: one results threshold, named once (UNCHANGED_MARGIN), for the kommun, the previous year and gemensamma nämnare.
describe("the one results threshold", () => {
  it("calls −0.5 p.e. no difference against the kommun and the previous year alike, and −1 p.e. worse in both", async () => {
    const { UNCHANGED_MARGIN, UNCHANGED_MARGIN_TEXT } = await import("@/lib/results/schemas");
    expect(UNCHANGED_MARGIN).toBe(1);
    expect(UNCHANGED_MARGIN_TEXT).toContain("under 1 procentenhet");
    const halfBelow = compareUnit([helhet], [r("hel", 2026, "u1", 79.5), r("hel", 2026, "KOMMUN", 80), r("hel", 2025, "u1", 80)], "u1", 2026)[0]!;
    expect([halfBelow.verdictKommun, halfBelow.verdictPrevious]).toEqual(["same", "same"]);
    const oneBelow = compareUnit([helhet], [r("hel", 2026, "u1", 79), r("hel", 2026, "KOMMUN", 80), r("hel", 2025, "u1", 80)], "u1", 2026)[0]!;
    expect([oneBelow.verdictKommun, oneBelow.verdictPrevious]).toEqual(["worse", "worse"]);
  });

  it("does not count units half a point below the kommun towards gemensamma nämnare", () => {
    const results = [r("hel", 2026, "KOMMUN", 80), r("hel", 2026, "u1", 79.5), r("hel", 2026, "u2", 79.5), r("hel", 2026, "u3", 81)];
    const [point] = commonWeakPoints([helhet], results, ["u1", "u2", "u3"], 2026);
    expect(point!.belowKommun).toEqual([]);
    expect(point!.common).toBe(false);
  });
});
