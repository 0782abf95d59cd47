import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { layoutLabels, stack, stackBlocks, textWidth, wheelName, wrapWords, type PlacedLabel } from "@/lib/wheel/labels";
import { LABEL_OPTIONS, labelAnchors, layoutWheel, ringInput, ringSpace, WHEEL } from "@/lib/wheel/layout";

const root = path.resolve(import.meta.dirname, "../..");
type SeedActivity = { key: string; phase: string; title: string; shortName?: string; startMonth: number | null; endMonth: number | null; timing: string; scope: string };
type SeedRoutine = { key: string; phases: { key: string; name: string }[]; activities: SeedActivity[] };
const seeded = (file: string) => JSON.parse(readFileSync(path.join(root, "prisma/seed", file), "utf8")) as SeedRoutine;
const brukar = seeded("routine-brukarundersokning.json");
const review = seeded("routine-kvalitetssakring.json");

/** A unit's own activity (issue 21) with a long title and no short name, as an enhetschef may add one. */
const local: SeedActivity = { key: "egen", phase: "infor", title: "Enhetens egen genomgång av brukarmappen och informationsbladen inför brukarundersökningen", startMonth: 2, endMonth: 2, timing: "MONTH", scope: "UNIT" };

/** Each role's wheel, as lib/wheel/data.ts scopes it: the routines and the activities the role sees. */
const SCOPES: { role: string; routines: SeedRoutine[]; keep?: (a: SeedActivity) => boolean; extra?: SeedActivity[] }[] = [
  { role: "enhetschef (en enhet, med en egen aktivitet)", routines: [brukar], extra: [local] },
  { role: "koordinator", routines: [brukar] },
  { role: "verksamhetschef (alla enheter)", routines: [brukar, review] },
  { role: "utvecklare", routines: [brukar, review] },
  { role: "kommunikatör", routines: [brukar], keep: (a) => a.scope === "COMMUNICATIONS" },
  { role: "handläggare", routines: [review] },
];

function wheelLabels(scope: (typeof SCOPES)[number], firstMonth: number, hasActions: boolean, names: "short" | "titles") {
  const activities = scope.routines.flatMap((r) => [...r.activities, ...(r === brukar ? (scope.extra ?? []) : [])].filter(scope.keep ?? (() => true)).map((a) => ({ ...a, routine: r.key })));
  const rings = scope.routines.flatMap((r) =>
    r.phases.map((p) => ringInput(`${r.key}:${p.key}`, activities.filter((a) => a.routine === r.key && a.phase === p.key).map((a) => ({ ...a, id: `${r.key}/${a.key}` })), firstMonth)),
  );
  const anchors = labelAnchors(layoutWheel(rings.filter((r) => r.arcs.length + r.points.length > 0), ringSpace(hasActions), firstMonth));
  const text = new Map(activities.map((a) => [`${a.routine}/${a.key}`, names === "short" ? wheelName(a) : a.title]));
  const inputs = [...anchors].map(([id, anchor]) => ({ id, ...anchor, text: text.get(id)! }));
  return { inputs, labels: layoutLabels(inputs, LABEL_OPTIONS), dated: activities.filter((a) => a.startMonth !== null).length };
}

const lineRoom = LABEL_OPTIONS.columnWidth - 1.4 * LABEL_OPTIONS.fontSize;

/** The words written are the text's first words, in order, whole: a cut only ever falls at the end of a word. */
function expectWholeWords(label: PlacedLabel, text: string) {
  const written = label.lines.join(" ").replace(/…$/, "");
  expect(text.startsWith(written), `${written} ⊄ ${text}`).toBe(true);
  expect(written === text || text[written.length] === " ", `cut inside a word: ${written} | ${text}`).toBe(true);
  expect(label.whole).toBe(written === text);
}

function expectNoOverlap(labels: PlacedLabel[]) {
  for (const side of ["left", "right"] as const) {
    const blocks = labels
      .filter((l) => l.side === side)
      .map((l) => ({ top: l.at.y - (l.lines.length * LABEL_OPTIONS.lineHeight) / 2, bottom: l.at.y + (l.lines.length * LABEL_OPTIONS.lineHeight) / 2 }))
      .sort((a, b) => a.top - b.top);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]!.top, `${side} ${i}`).toBeGreaterThanOrEqual(blocks[i - 1]!.bottom - 0.01);
    for (const b of blocks) {
      expect(b.top).toBeGreaterThanOrEqual(LABEL_OPTIONS.top - 0.01);
      expect(b.bottom).toBeLessThanOrEqual(LABEL_OPTIONS.bottom + 0.01);
    }
  }
  for (const l of labels) {
    for (const line of l.lines) expect(textWidth(line, LABEL_OPTIONS.fontSize), line).toBeLessThanOrEqual(lineRoom);
    // The column (sign included) inside the viewBox.
    if (l.side === "right") expect(l.at.x + LABEL_OPTIONS.columnWidth).toBeLessThanOrEqual(WHEEL.viewBox.x + WHEEL.viewBox.width);
    else expect(l.at.x - LABEL_OPTIONS.columnWidth).toBeGreaterThanOrEqual(WHEEL.viewBox.x);
  }
}

describe("the names beside the årshjul", () => {
  it("wraps a long name at spaces onto at most two lines and cuts only after a whole word, with …", () => {
    expect(wrapWords("Brukarfika", 300, 23)).toEqual({ lines: ["Brukarfika"], whole: true });
    const two = wrapWords("Genomgång av planering och rutiner i hemtjänstens ledningsgrupp", 389, 23);
    expect(two.lines).toHaveLength(2);
    expect(two.whole).toBe(false);
    expect(two.lines[1]).toMatch(/[a-zåäö]…$/);
    expectWholeWords({ id: "", side: "right", at: { x: 0, y: 0 }, leader: [], ...two }, "Genomgång av planering och rutiner i hemtjänstens ledningsgrupp");
    expect(wrapWords("Resultatet presenteras på kommunens webbplats", 389, 23)).toEqual({ lines: ["Resultatet presenteras på", "kommunens webbplats"], whole: true });
    // A word wider than the line is kept whole, never cut inside.
    expect(wrapWords("Brukarundersökningsinformationskortsutdelning i dag", 120, 23, 1).lines[0]).toBe("Brukarundersökningsinformationskortsutdelning…");
    expect(wrapWords("Ett två tre", 1000, 23, 1)).toEqual({ lines: ["Ett två tre"], whole: true });
  });

  it("names an activity by its short name, or its title when it has none", () => {
    expect(wheelName({ title: "Brukarfika i slutet av april eller början av maj", shortName: "Brukarfika april–maj" })).toBe("Brukarfika april–maj");
    expect(wheelName({ title: "Brukarbrev 1", shortName: null })).toBe("Brukarbrev 1");
    expect(wheelName({ title: "Brukarbrev 1", shortName: " " })).toBe("Brukarbrev 1");
  });

  it("stacks labels at least a line apart, in order, inside the column", () => {
    const ys = stack([100, 100, 101, 500, 990, 990], 10, 990, 27);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(27);
    expect(ys[0]).toBe(100);
    expect(ys.at(-1)).toBe(990);
    expect(ys[3]).toBe(500);
  });

  it("stacks blocks of one and two lines without overlap, as near their targets as the room allows", () => {
    const ys = stackBlocks([100, 100, 500], [27, 54, 27], 0, 1000);
    expect(ys).toEqual([100, 140.5, 500]);
  });

  it("gives every seeded activity a short name of at most 30 characters that fits on one line, none the same", () => {
    for (const routine of [brukar, review]) {
      const names = routine.activities.map((a) => a.shortName ?? "");
      for (const name of names) {
        expect(name.length, name).toBeGreaterThan(0);
        expect(name.length, name).toBeLessThanOrEqual(30);
        expect(textWidth(name, LABEL_OPTIONS.fontSize), name).toBeLessThanOrEqual(lineRoom);
      }
      expect(new Set(names).size).toBe(names.length);
    }
  });

  for (const scope of SCOPES) {
    for (const firstMonth of [1, 12]) {
      for (const hasActions of [false, true]) {
        const when = `${scope.role}, first month ${firstMonth}${hasActions ? ", with improvement actions" : ""}`;
        it(`writes every short name whole, on one line, without overlaps: ${when}`, () => {
          const { labels, dated } = wheelLabels(scope, firstMonth, hasActions, "short");
          expect(labels).toHaveLength(dated);
          expectNoOverlap(labels);
          const texts = labels.map((l) => l.lines.join(" "));
          expect(new Set(texts).size, texts.filter((x, i) => texts.indexOf(x) !== i).join(", ")).toBe(texts.length);
          const { inputs } = wheelLabels(scope, firstMonth, hasActions, "short");
          for (const l of labels) {
            const text = inputs.find((i) => i.id === l.id)!.text;
            expectWholeWords(l, text);
            // The local activity has no short name: its long title wraps; every seeded short name is one whole line.
            if (!l.id.endsWith("/egen")) expect(l.lines, text).toEqual([text]);
          }
        });
        it(`wraps the full titles onto at most two lines, cut only at a word end, without overlaps: ${when}`, () => {
          const { labels, inputs } = wheelLabels(scope, firstMonth, hasActions, "titles");
          expectNoOverlap(labels);
          for (const l of labels) {
            expect(l.lines.length).toBeLessThanOrEqual(2);
            expectWholeWords(l, inputs.find((i) => i.id === l.id)!.text);
          }
        });
      }
    }
  }

  it("puts the first half of the cycle on the right and the second on the left, leaving the wheel in the mark's own month", () => {
    const [feb, aug] = layoutLabels(
      [
        { id: "feb", angle: 45, r: 300, text: "Brukarfika" },
        { id: "aug", angle: 225, r: 300, text: "Brukarbrev 3" },
      ],
      LABEL_OPTIONS,
    );
    expect(feb!.side).toBe("right");
    expect(aug!.side).toBe("left");
    const exit = feb!.leader[1]!;
    // 45° clockwise from the top: up and to the right of the centre, on the exit circle.
    expect(Math.hypot(exit.x - 500, exit.y - 500)).toBeCloseTo(506, 0);
    expect(exit.x).toBeGreaterThan(500);
    expect(exit.y).toBeLessThan(500);
  });

  it("draws the names at least 12 px high on the start page at 1280 × 800 (the wheel as high as wheel.css makes it, 1104 px wide)", () => {
    const css = readFileSync(path.join(root, "components/wheel/wheel.css"), "utf8");
    const [, min, minus, max] = css.match(/\.wheel-canvas-wide svg \{\s*height: clamp\(([\d.]+)rem, calc\(100vh - ([\d.]+)rem\), ([\d.]+)rem\)/)!.map(Number);
    const height = Math.min(Math.max(min! * 16, 800 - minus! * 16), max! * 16);
    const scale = Math.min(height / WHEEL.viewBox.height, 1104 / WHEEL.viewBox.width);
    expect(LABEL_OPTIONS.fontSize * scale).toBeGreaterThanOrEqual(12);
  });
});
