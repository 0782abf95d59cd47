import { polar, type Point } from "./geometry.ts";

/**
 * The names on the årshjul: every activity's title written beside the wheel, right of it for January–June and
 * left of it for July–December, each joined to its mark by a leader line that leaves the wheel in the mark's own
 * month sector. Labels are stacked so that no two overlap (a pure layout, tested in tests/unit/wheel-labels.test.ts).
 */
export type LabelInput = { id: string; angle: number; r: number; text: string };
export type PlacedLabel = {
  id: string;
  side: "left" | "right";
  /** Where the text starts (right side) or ends (left side), at its vertical middle. */
  at: Point;
  text: string;
  /** The leader line: from the mark, out of the wheel at the mark's angle, to the text. */
  leader: Point[];
};
export type LabelOptions = {
  center: Point;
  /** Radius where the leader leaves the wheel (just outside the month ring). */
  exitRadius: number;
  /** Horizontal distance from the wheel's edge to the text column. */
  columnGap: number;
  top: number;
  bottom: number;
  lineHeight: number;
  maxChars: number;
};

/**
 * A title cut to at most max characters: its beginning and, when short, its last word ("Information om … webbplats"),
 * so that two titles that begin alike still read apart; cut at a word boundary, with "…" where words are left out.
 */
export function shortenTitle(text: string, max: number): string {
  if (text.length <= max) return text;
  const words = text.split(" ");
  const last = words.at(-1)!;
  const head = (budget: number) => {
    // One character more, so that a word ending right at the budget is kept whole.
    const cut = text.slice(0, budget + 1);
    const space = cut.lastIndexOf(" ");
    return (space >= budget * 0.5 ? cut.slice(0, space) : cut.slice(0, budget)).replace(/[\s,.:;–-]+$/, "");
  };
  if (words.length > 2 && last.length <= 12) {
    const start = head(max - last.length - 3);
    if (start.length >= 8 && !start.endsWith(last)) return `${start} … ${last}`;
  }
  return `${head(max - 1)}…`;
}

/** Positions y in [top, bottom] in the given order, at least `gap` apart and as near their targets as the room allows. */
export function stack(targets: number[], top: number, bottom: number, gap: number): number[] {
  const n = targets.length;
  if (n === 0) return [];
  const step = Math.min(gap, n > 1 ? (bottom - top) / (n - 1) : gap);
  const ys = targets.map((t) => Math.min(Math.max(t, top), bottom));
  for (let i = 1; i < n; i++) ys[i] = Math.max(ys[i]!, ys[i - 1]! + step);
  // Pushed past the bottom: move up from the end, keeping the spacing.
  ys[n - 1] = Math.min(ys[n - 1]!, bottom);
  for (let i = n - 2; i >= 0; i--) ys[i] = Math.min(ys[i]!, ys[i + 1]! - step);
  return ys.map((y) => Math.round(y * 100) / 100);
}

const normal = (angle: number) => ((angle % 360) + 360) % 360;

export function layoutLabels(inputs: LabelInput[], o: LabelOptions): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const side of ["right", "left"] as const) {
    const own = inputs
      .map((input) => ({ input, exit: polar(o.center, o.exitRadius, input.angle) }))
      .filter(({ input }) => (normal(input.angle) < 180) === (side === "right"))
      .sort((a, b) => a.exit.y - b.exit.y || (side === "right" ? a.input.angle - b.input.angle : b.input.angle - a.input.angle));
    const ys = stack(own.map((l) => l.exit.y), o.top, o.bottom, o.lineHeight);
    const x = side === "right" ? o.center.x + o.exitRadius + o.columnGap : o.center.x - o.exitRadius - o.columnGap;
    own.forEach(({ input, exit }, i) => {
      const y = ys[i]!;
      const bend = { x: side === "right" ? x - 8 : x + 8, y };
      placed.push({ id: input.id, side, at: { x, y }, text: shortenTitle(input.text, o.maxChars), leader: [polar(o.center, input.r, input.angle), exit, bend] });
    });
  }
  return placed;
}
