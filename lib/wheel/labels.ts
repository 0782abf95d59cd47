import { polar, type Point } from "./geometry.ts";

/**
 * The names on the årshjul: every activity's short name (or title) written beside the wheel, right of it for the
 * first half of the cycle and left of it for the second, each joined to its mark by a leader line that leaves the
 * wheel in the mark's own month sector. A name that does not fit its column wraps at word boundaries onto at most
 * two lines and is cut only at the end of a word, with "…"; labels are stacked so that no two overlap (a pure layout,
 * tested for both seeded routines in every role's scope in tests/unit/wheel-labels.test.ts).
 */
export type LabelInput = { id: string; angle: number; r: number; text: string };
export type PlacedLabel = {
  id: string;
  side: "left" | "right";
  /** Where the text starts (right side) or ends (left side), at the vertical middle of its lines. */
  at: Point;
  /** One or two lines, whole words only; the last ends with "…" when words were left out. */
  lines: string[];
  /** Whether every word of the text is written (false: cut with "…", the full title is in the tooltip). */
  whole: boolean;
  /** The leader line: from the mark, out of the wheel at the mark's angle, to the text. */
  leader: Point[];
};
export type LabelOptions = {
  center: Point;
  /** Radius where the leader leaves the wheel (just outside the month ring). */
  exitRadius: number;
  /** Horizontal distance from the wheel's edge to the text column. */
  columnGap: number;
  /** The text column's width, in the same units as the font size (the status sign's room included). */
  columnWidth: number;
  top: number;
  bottom: number;
  /** The font size of the names; a line is `lineHeight` apart. */
  fontSize: number;
  lineHeight: number;
  /** Room kept in front of every line for the status sign ("✓ "), in em. */
  signEm?: number;
  maxLines?: number;
};

/**
 * Advance widths in em, generous enough for the widest font of the page's stack (DejaVu Sans on Linux; Segoe UI,
 * Roboto and Arial are narrower), so that a name measured to fit does fit.
 */
const NARROW = new Set("iljIf.,:;'!|()[] ");
const SEMI = new Set("trJ-");
const WIDE = new Set("mwMWÅÄÖ…—");
export function charWidth(ch: string): number {
  if (NARROW.has(ch)) return ch === " " ? 0.32 : 0.3;
  if (SEMI.has(ch)) return 0.42;
  if (WIDE.has(ch)) return 0.95;
  if (/[0-9]/.test(ch)) return 0.64;
  if (ch !== ch.toLowerCase()) return 0.74;
  return 0.62;
}

/** The width of a line of text at a font size, by the generous advance widths above. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * fontSize;
}

const ELLIPSIS = "…";

/**
 * A text as at most maxLines lines no wider than `width`, broken at spaces only. When words are left over, the last
 * line ends at a word with "…"; a single word wider than a line is kept whole (never cut inside a word).
 */
export function wrapWords(text: string, width: number, fontSize: number, maxLines = 2): { lines: string[]; whole: boolean } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    let line = words[i++]!;
    while (i < words.length && textWidth(`${line} ${words[i]}`, fontSize) <= width) line = `${line} ${words[i++]}`;
    lines.push(line);
  }
  if (i >= words.length) return { lines, whole: true };
  // Words are left over: end the last line with "…", dropping its own last words until it fits (at least one stays).
  let last = lines.pop()!.split(" ");
  while (last.length > 1 && textWidth(`${last.join(" ")}${ELLIPSIS}`, fontSize) > width) last = last.slice(0, -1);
  lines.push(`${last.join(" ").replace(/[\s,.:;–-]+$/, "")}${ELLIPSIS}`);
  return { lines, whole: false };
}

/**
 * Vertical middles for blocks of the given heights, in the given order, inside [top, bottom]: no two overlapping
 * and each as near its target as the room allows. When the blocks do not fit, they are squeezed evenly.
 */
export function stackBlocks(targets: number[], heights: number[], top: number, bottom: number): number[] {
  const n = targets.length;
  if (n === 0) return [];
  const total = heights.reduce((a, b) => a + b, 0);
  const scale = Math.min(1, (bottom - top) / total);
  const h = heights.map((x) => x * scale);
  const ys = targets.map((t, i) => Math.min(Math.max(t, top + h[i]! / 2), bottom - h[i]! / 2));
  for (let i = 1; i < n; i++) ys[i] = Math.max(ys[i]!, ys[i - 1]! + (h[i - 1]! + h[i]!) / 2);
  // Pushed past the bottom: move up from the end, keeping the spacing.
  ys[n - 1] = Math.min(ys[n - 1]!, bottom - h[n - 1]! / 2);
  for (let i = n - 2; i >= 0; i--) ys[i] = Math.min(ys[i]!, ys[i + 1]! - (h[i]! + h[i + 1]!) / 2);
  return ys.map((y) => Math.round(y * 100) / 100);
}

/** Positions y in [top, bottom] in the given order, at least `gap` apart: stackBlocks for one-line labels. */
export function stack(targets: number[], top: number, bottom: number, gap: number): number[] {
  return stackBlocks(targets, targets.map(() => gap), top - gap / 2, bottom + gap / 2);
}

const normal = (angle: number) => ((angle % 360) + 360) % 360;

export function layoutLabels(inputs: LabelInput[], o: LabelOptions): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const width = o.columnWidth - (o.signEm ?? 1.4) * o.fontSize;
  for (const side of ["right", "left"] as const) {
    const own = inputs
      .map((input) => ({ input, exit: polar(o.center, o.exitRadius, input.angle), ...wrapWords(input.text, width, o.fontSize, o.maxLines ?? 2) }))
      .filter(({ input }) => (normal(input.angle) < 180) === (side === "right"))
      .sort((a, b) => a.exit.y - b.exit.y || (side === "right" ? a.input.angle - b.input.angle : b.input.angle - a.input.angle));
    // A crowded column: the longest two-line names go on one line (cut at a word) until the column holds them all.
    const room = o.bottom - o.top;
    const byLength = own.filter((l) => l.lines.length > 1).sort((a, b) => b.input.text.length - a.input.text.length);
    let height = own.reduce((sum, l) => sum + l.lines.length * o.lineHeight, 0);
    for (const l of byLength) {
      if (height <= room) break;
      Object.assign(l, wrapWords(l.input.text, width, o.fontSize, 1));
      height -= o.lineHeight;
    }
    const ys = stackBlocks(own.map((l) => l.exit.y), own.map((l) => l.lines.length * o.lineHeight), o.top, o.bottom);
    const x = side === "right" ? o.center.x + o.exitRadius + o.columnGap : o.center.x - o.exitRadius - o.columnGap;
    own.forEach(({ input, exit, lines, whole }, i) => {
      const y = ys[i]!;
      const bend = { x: side === "right" ? x - 8 : x + 8, y };
      placed.push({ id: input.id, side, at: { x, y }, lines, whole, leader: [polar(o.center, input.r, input.angle), exit, bend] });
    });
  }
  return placed;
}

/** The name an activity goes by on the wheel, in the agenda and on paper: its short name, or else its title. */
export function wheelName(a: { title: string; shortName?: string | null }): string {
  return a.shortName?.trim() || a.title;
}
