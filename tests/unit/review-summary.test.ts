import { describe, expect, it } from "vitest";
import { formatShare, summariseReview, type SummaryCase } from "@/lib/review/summary";

const areas = [
  { id: "n", name: "Område Norr" },
  { id: "s", name: "Område Söder" },
  { id: "o", name: "Område Öster" },
];
const interview = (deviation: boolean, extra: Partial<NonNullable<SummaryCase["interview"]>> = {}): SummaryCase["interview"] => ({
  deviation,
  deviationCauses: deviation ? ["NOT_PERFORMED"] : [],
  handedOverOn: deviation ? new Date(Date.UTC(2026, 2, 20)) : null,
  documentedInJournal: true,
  receivesGranted: deviation ? "PARTLY" : "YES",
  plannedTogether: "YES",
  arrivesOnTime: "YES",
  ...extra,
});
const sampled = (areaId: string, i: SummaryCase["interview"]): SummaryCase => ({ areaId, state: "SAMPLED", exclusionReason: null, interview: i });

describe("summariseReview", () => {
  const cases: SummaryCase[] = [
    sampled("n", interview(true)),
    sampled("n", interview(false)),
    sampled("n", null),
    sampled("s", interview(true, { deviationCauses: ["NEW_ORDER_MISSING", "OTHER"], arrivesOnTime: "NO" })),
    sampled("s", interview(false, { plannedTogether: "PARTLY" })),
    { areaId: "s", state: "DECLINED", exclusionReason: null, interview: null },
    { areaId: "n", state: "EXCLUDED", exclusionReason: "Demensdiagnos", interview: null },
    { areaId: "s", state: "EXCLUDED", exclusionReason: "Demensdiagnos, Enbart trygghetslarm", interview: null },
    { areaId: "s", state: "POOL", exclusionReason: null, interview: null },
  ];
  const summary = summariseReview(cases, areas);

  it("counts how many of how many deviated", () => {
    expect(summary).toMatchObject({ imported: 9, excluded: 2, sampled: 5, declined: 1, interviewed: 4, deviations: 2, deviationShare: 0.5, handedOver: 2, documented: 4 });
  });

  it("counts the causes, a deviation with two causes in both", () => {
    expect(summary.causes).toEqual([
      { cause: "DECLINED_WITHOUT_NOTICE", count: 0 },
      { cause: "NEW_ORDER_MISSING", count: 1 },
      { cause: "NOT_PERFORMED", count: 1 },
      { cause: "OTHER", count: 1 },
    ]);
  });

  it("gives figures per area, also an area without cases", () => {
    expect(summary.areas).toEqual([
      { areaId: "n", areaName: "Område Norr", sampled: 3, interviewed: 2, deviations: 1 },
      { areaId: "s", areaName: "Område Söder", sampled: 2, interviewed: 2, deviations: 1 },
      { areaId: "o", areaName: "Område Öster", sampled: 0, interviewed: 0, deviations: 0 },
    ]);
  });

  it("counts every exclusion reason and the answers to each question", () => {
    expect(summary.exclusions).toEqual([
      { reason: "Demensdiagnos", count: 2 },
      { reason: "Enbart trygghetslarm", count: 1 },
    ]);
    expect(summary.answers.map((a) => a.counts)).toEqual([
      { YES: 2, PARTLY: 2, NO: 0 },
      { YES: 3, PARTLY: 1, NO: 0 },
      { YES: 3, PARTLY: 0, NO: 1 },
    ]);
  });

  it("has no share before the first interview", () => {
    expect(summariseReview([sampled("n", null)], areas).deviationShare).toBeNull();
    expect(formatShare(6, 20)).toBe("6 av 20 (30 %)");
    expect(formatShare(0, 0)).toBe("–");
  });
});
