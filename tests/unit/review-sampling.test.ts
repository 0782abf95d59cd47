import { describe, expect, it } from "vitest";
import { drawSample, exclusionReason, hashSeed, mulberry32, nextReplacement, type DrawnCase, type SamplingCase } from "@/lib/review/sampling";

const plain = { onlySafetyAlarm: false, recentlyClosed: false, dementiaDiagnosis: false, relativeEmployed: false };

function cases(areas: string[], perArea: number, flags: (i: number) => Partial<SamplingCase> = () => ({})): SamplingCase[] {
  return areas.flatMap((areaId) =>
    Array.from({ length: perArea }, (_, i) => ({ id: `${areaId}-${i}`, caseRef: `ÄR-${areaId}-${String(i).padStart(3, "0")}`, areaId, ...plain, ...flags(i) })),
  );
}

describe("the seeded generator", () => {
  it("gives the same numbers for the same seed and different ones for another", () => {
    const a = mulberry32(hashSeed("abc"));
    const b = mulberry32(hashSeed("abc"));
    const c = mulberry32(hashSeed("abd"));
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe("drawSample", () => {
  const pool = cases(["norr", "soder", "oster", "vaster"], 12);

  it("draws the same sample from the same seed, whatever the import order", () => {
    const one = drawSample(pool, 5, "seed-1");
    const two = drawSample([...pool].reverse(), 5, "seed-1");
    expect(two.sampled.sort()).toEqual(one.sampled.sort());
    expect([...two.order.entries()]).toEqual([...one.order.entries()]);
  });

  it("draws a different sample from another seed", () => {
    expect(drawSample(pool, 5, "seed-2").sampled.sort()).not.toEqual(drawSample(pool, 5, "seed-1").sampled.sort());
  });

  it("takes the configured number from each area, 20 in all for 4 areas of 5", () => {
    const draw = drawSample(pool, 5, "x");
    expect(draw.sampled).toHaveLength(20);
    for (const area of ["norr", "soder", "oster", "vaster"]) expect(draw.sampled.filter((id) => id.startsWith(`${area}-`))).toHaveLength(5);
    expect(draw.short).toEqual([]);
  });

  it("honours the exclusions and stores why", () => {
    const flagged = cases(["norr"], 10, (i) => ({ dementiaDiagnosis: i === 0, relativeEmployed: i === 1, onlySafetyAlarm: i === 2 || i === 3, recentlyClosed: i === 3 }));
    const draw = drawSample(flagged, 5, "seed");
    expect(draw.excluded).toEqual([
      { id: "norr-0", reason: "Demensdiagnos" },
      { id: "norr-1", reason: "Anhöriganställning" },
      { id: "norr-2", reason: "Enbart trygghetslarm" },
      { id: "norr-3", reason: "Enbart trygghetslarm, Nyligen avslutat ärende" },
    ]);
    for (const id of ["norr-0", "norr-1", "norr-2", "norr-3"]) {
      expect(draw.sampled).not.toContain(id);
      expect(draw.order.get("norr")).not.toContain(id);
    }
    expect(draw.order.get("norr")).toHaveLength(6);
  });

  it("reports the areas that have fewer eligible cases than the sample size", () => {
    const small = [...cases(["norr"], 8), ...cases(["soder"], 6, (i) => ({ dementiaDiagnosis: i < 3 }))];
    expect(drawSample(small, 5, "s").short).toEqual([{ areaId: "soder", eligible: 3 }]);
  });

  it("counts an area of the organisation with no cases in the list as short, and draws the others as before", () => {
    const listed = cases(["norr", "soder"], 8);
    const draw = drawSample(listed, 5, "s", ["norr", "oster", "soder"]);
    expect(draw.short).toEqual([{ areaId: "oster", eligible: 0 }]);
    expect(draw.order.get("norr")).toEqual(drawSample(listed, 5, "s").order.get("norr"));
  });

  it("says nothing is excluded for a case without flags", () => {
    expect(exclusionReason({ id: "a", caseRef: "A1", areaId: "x", ...plain })).toBeNull();
  });
});

describe("nextReplacement", () => {
  const draw = drawSample(cases(["norr", "soder"], 8), 5, "r");
  const drawn: DrawnCase[] = [...draw.order.entries()].flatMap(([areaId, ids]) =>
    ids.map((id, i) => ({ id, areaId, state: i < 5 ? ("SAMPLED" as const) : ("POOL" as const), drawRank: i + 1 })),
  );

  it("takes the next case in the same area's draw order", () => {
    const declined = drawn.find((c) => c.areaId === "soder" && c.drawRank === 2)!;
    const next = nextReplacement(drawn, declined)!;
    expect(next.areaId).toBe("soder");
    expect(next.drawRank).toBe(6);
  });

  it("skips cases already used and stays in the area; none left gives null", () => {
    const used = drawn.map((c) => (c.areaId === "norr" && c.drawRank! <= 7 ? { ...c, state: "SAMPLED" as const } : c));
    expect(nextReplacement(used, { areaId: "norr" })).toMatchObject({ areaId: "norr", drawRank: 8 });
    const none = drawn.map((c) => (c.areaId === "norr" ? { ...c, state: "SAMPLED" as const } : c));
    expect(nextReplacement(none, { areaId: "norr" })).toBeNull();
  });
});
