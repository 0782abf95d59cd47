import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { WheelSvg, wheelModel } from "@/components/wheel/wheel-svg";
import { markLabel } from "@/components/wheel/wheel-drawing";
import { benchRoutine, seededRoutine, syntheticWheelData } from "../support/synthetic-wheel";
import { wheelName } from "@/lib/wheel/labels";
import { clearWheelLayoutCache, computeWheelLayout, WHEEL_LAYOUT_CACHE_SIZE, wheelLayout, wheelLayoutCacheStats, wheelLayoutKey, type WheelLayoutInput } from "@/lib/wheel/layout-cache";

const root = path.resolve(import.meta.dirname, "../..");
type SeedActivity = { key: string; phase: string; title: string; shortName?: string; startMonth: number | null; endMonth: number | null; timing: string };
type SeedRoutine = { key: string; phases: { key: string; name: string }[]; activities: SeedActivity[] };
const seeded = (file: string) => JSON.parse(readFileSync(path.join(root, "prisma/seed", file), "utf8")) as SeedRoutine;
const brukar = seeded("routine-brukarundersokning.json");
const review = seeded("routine-kvalitetssakring.json");

/** The verksamhetschef's wheel of both seeded routines, as components/wheel/wheel-svg.tsx builds its input. */
function input(routines: { routine: SeedRoutine; version: number }[], options: Partial<WheelLayoutInput> = {}): WheelLayoutInput {
  return {
    versions: routines.map(({ routine, version }) => `${routine.key}@${version}`),
    firstMonth: 12,
    hasActions: true,
    moved: {},
    rings: routines.flatMap(({ routine }) =>
      routine.phases.map((p) => ({
        key: `${routine.key}:${p.key}`,
        name: p.name,
        activities: routine.activities
          .filter((a) => a.phase === p.key && a.startMonth !== null && a.endMonth !== null)
          .map((a) => ({ id: `${routine.key}/${a.key}`, timing: a.timing, startMonth: a.startMonth!, endMonth: a.endMonth!, name: wheelName(a) })),
      })),
    ),
    ...options,
  };
}

/** The layout as plain data, to compare a cached entry with one computed afresh. */
const plain = (layout: ReturnType<typeof computeWheelLayout>) => ({ ...layout, marks: [...layout.marks], labels: [...layout.labels] });

describe("the wheel's layout, computed once per input (issue 35)", () => {
  beforeEach(() => clearWheelLayoutCache());

  it("gives from the cache exactly what it computes without it, the same entry for an equal input", () => {
    const both = input([{ routine: brukar, version: 1 }, { routine: review, version: 1 }]);
    const first = wheelLayout(both);
    expect(plain(first)).toEqual(plain(computeWheelLayout(both)));
    // An equal input built anew (another request, another user) is a hit on the same entry.
    const again = wheelLayout(input([{ routine: brukar, version: 1 }, { routine: review, version: 1 }]));
    expect(again).toBe(first);
    expect(wheelLayoutCacheStats()).toMatchObject({ size: 1, hits: 1, misses: 1 });
    // Every dated activity has a mark and a name beside the wheel.
    const dated = [...brukar.activities, ...review.activities].filter((a) => a.startMonth !== null).length;
    expect(first.marks.size).toBe(dated);
    expect(first.labels.size).toBe(dated);
  });

  it("is a pure function of its key: the key is the same wherever it is computed, and a new version gives a new key and layout", () => {
    const v1 = input([{ routine: brukar, version: 1 }]);
    expect(wheelLayoutKey(v1)).toBe(wheelLayoutKey(structuredClone(v1)));
    expect(wheelLayoutKey(v1)).toMatch(new RegExp(`^${brukar.key}@1#[\\w-]{22}$`));
    // Version 2 moves one activity a month later: a new key, a new entry, the mark and its name elsewhere.
    const moved = structuredClone(brukar);
    const changed = moved.activities.find((a) => a.startMonth !== null && a.startMonth === a.endMonth && a.timing === "MONTH")!;
    changed.startMonth = changed.endMonth = (changed.startMonth! % 12) + 1;
    const v2 = input([{ routine: moved, version: 2 }]);
    expect(wheelLayoutKey(v2)).not.toBe(wheelLayoutKey(v1));
    const before = wheelLayout(v1);
    const after = wheelLayout(v2);
    expect(after).not.toBe(before);
    const id = `${brukar.key}/${changed.key}`;
    expect(after.marks.get(id)!.angle).not.toBe(before.marks.get(id)!.angle);
    expect(after.labels.get(id)!.leader).not.toEqual(before.labels.get(id)!.leader);
    expect(wheelLayoutCacheStats()).toMatchObject({ size: 2, misses: 2 });
    // The same content republished as a new version is a new key too, with an equal layout.
    const v3 = input([{ routine: brukar, version: 3 }]);
    expect(wheelLayoutKey(v3)).not.toBe(wheelLayoutKey(v1));
    expect(plain(wheelLayout(v3)).rings).toEqual(plain(before).rings);
  });

  it("keys on everything the layout reads: first month, the actions' ring, the activities shown, names and planned days", () => {
    const base = input([{ routine: brukar, version: 1 }]);
    const keys = [
      base,
      { ...base, firstMonth: 1 },
      { ...base, hasActions: false },
      { ...base, rings: base.rings.map((r) => ({ ...r, activities: r.activities.slice(1) })) },
      { ...base, rings: base.rings.map((r, i) => (i === 0 ? { ...r, activities: r.activities.map((a, j) => (j === 0 ? { ...a, name: `${a.name} ny` } : a)) } : r)) },
      { ...base, rings: base.rings.map((r, i) => (i === 0 ? { ...r, name: `${r.name} ny` } : r)) },
      { ...base, moved: { [base.rings[0]!.activities[0]!.id]: 47.5 } },
    ].map(wheelLayoutKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("moves a planned point mark and its name to the planned day", () => {
    const base = input([{ routine: brukar, version: 1 }], { firstMonth: 1 });
    const point = base.rings.flatMap((r) => r.activities).find((a) => a.startMonth === a.endMonth && a.timing === "MONTH")!;
    const angle = (point.startMonth - 1) * 30 + 1.5;
    const planned = wheelLayout({ ...base, moved: { [point.id]: angle } });
    expect(planned.marks.get(point.id)!.angle).toBe(angle);
    expect(wheelLayout(base).marks.get(point.id)!.angle).not.toBe(angle);
  });

  it("keeps at most WHEEL_LAYOUT_CACHE_SIZE layouts, dropping the least recently used", () => {
    const base = input([{ routine: brukar, version: 1 }]);
    const first = wheelLayout({ ...base, versions: ["v0"] });
    for (let i = 1; i <= WHEEL_LAYOUT_CACHE_SIZE; i++) {
      wheelLayout({ ...base, versions: [`v${i}`] });
      // v0 is used again just before the cache fills, so v1 is the one dropped.
      if (i === WHEEL_LAYOUT_CACHE_SIZE - 1) expect(wheelLayout({ ...base, versions: ["v0"] })).toBe(first);
    }
    expect(wheelLayoutCacheStats().size).toBe(WHEEL_LAYOUT_CACHE_SIZE);
    expect(wheelLayout({ ...base, versions: ["v0"] })).toBe(first);
    const misses = wheelLayoutCacheStats().misses;
    wheelLayout({ ...base, versions: ["v1"] });
    expect(wheelLayoutCacheStats().misses).toBe(misses + 1);
  });

  it("shares entries that no request can change", () => {
    const layout = wheelLayout(input([{ routine: brukar, version: 1 }]));
    expect(Object.isFrozen(layout)).toBe(true);
    expect(Object.isFrozen(layout.rings[0]!.band)).toBe(true);
    expect(Object.isFrozen([...layout.labels.values()][0]!.lines)).toBe(true);
  });

  it("draws the same wheel from a cached layout as from one computed for the request, and a new version anew", () => {
    const data = syntheticWheelData([seededRoutine("routine-brukarundersokning.json"), seededRoutine("routine-kvalitetssakring.json")], 14);
    const uncached = renderToStaticMarkup(createElement(WheelSvg, { data, still: true }));
    expect(wheelLayoutCacheStats()).toMatchObject({ misses: 1, hits: 0 });
    const cached = renderToStaticMarkup(createElement(WheelSvg, { data, still: true }));
    expect(wheelLayoutCacheStats()).toMatchObject({ misses: 1, hits: 1 });
    expect(cached).toBe(uncached);
    expect(cached.match(/data-wheel-item=/g)!.length).toBeGreaterThan(40);
    // Another user's request with the same routines: the same layout, its own states.
    const other = syntheticWheelData([seededRoutine("routine-brukarundersokning.json"), seededRoutine("routine-kvalitetssakring.json")], 60);
    const model = wheelModel(other);
    expect(wheelLayoutCacheStats()).toMatchObject({ misses: 1, hits: 2 });
    expect(model.marks.map(markLabel)).not.toEqual(wheelModel(data).marks.map(markLabel));
    // The benchmark's routine published as version 2: a miss, a wheel of its own.
    const bench = wheelModel(syntheticWheelData([benchRoutine()], 60, 2));
    expect(wheelLayoutCacheStats().misses).toBe(2);
    expect(bench.marks.filter((m) => m.name).length).toBe(40);
  });
});
