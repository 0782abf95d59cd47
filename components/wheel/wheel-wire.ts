import type { Point } from "@/lib/wheel/geometry";
import type { CompletionLevel } from "@/lib/wheel/completion";
import type { ImprovementStatus } from "@/lib/db/generated/enums";
import type { DrawnMark, DrawnName, DrawnShape, WheelModel } from "./wheel-drawing";

/**
 * The wheel's model as the page's data carries it (issue 35): each mark a short array instead of an object with its
 * keys, so that 40–80 marks do not repeat "shape", "kind", "name", "points" … each time. The page's client component
 * (wheel-live.tsx) expands it to the WheelModel the drawing takes; the export and the print use the model itself.
 */
type ShapeWire =
  | ["a", d: string, sign?: number[]]
  | ["p", x: number, y: number, radius: number, sign?: number[]]
  | ["s", d: string]
  | ["x", x: number, y: number, status: ImprovementStatus];
type NameWire = [side: 0 | 1, x: number, y: number, lines: readonly string[], points: string];
type MarkWire = [id: string, ring: number, angle: number, tip: string, shape: ShapeWire, label: string | 0, role: string | 0, plan: string | 0, level: CompletionLevel | 0, overdue: 0 | 1, name: NameWire | 0];
export type WheelWire = Omit<WheelModel, "marks"> & { marks: MarkWire[] };

/** An overdue sign's place, to the hundredth as the layout's other places (it is the mark's place plus an offset). */
const round = (n: number) => Math.round(n * 100) / 100;
const point = (p: Point | undefined) => (p ? [round(p.x), round(p.y)] : undefined);
const unpoint = (a: number[] | undefined): Point | undefined => (a ? { x: a[0]!, y: a[1]! } : undefined);

function shapeWire(s: DrawnShape): ShapeWire {
  switch (s.kind) {
    case "arc":
      return s.sign ? ["a", s.d, point(s.sign)] : ["a", s.d];
    case "point":
      return s.sign ? ["p", s.at.x, s.at.y, s.radius, point(s.sign)] : ["p", s.at.x, s.at.y, s.radius];
    case "survey":
      return ["s", s.d];
    case "action":
      return ["x", s.at.x, s.at.y, s.status];
  }
}

function shapeOf(w: ShapeWire): DrawnShape {
  switch (w[0]) {
    case "a": {
      const sign = unpoint(w[2]);
      return sign ? { kind: "arc", d: w[1], sign } : { kind: "arc", d: w[1] };
    }
    case "p": {
      const sign = unpoint(w[4]);
      const at = { x: w[1], y: w[2] };
      return sign ? { kind: "point", at, radius: w[3], sign } : { kind: "point", at, radius: w[3] };
    }
    case "s":
      return { kind: "survey", d: w[1] };
    case "x":
      return { kind: "action", at: { x: w[1], y: w[2] }, status: w[3] };
  }
}

export function toWheelWire(model: WheelModel): WheelWire {
  return {
    ...model,
    marks: model.marks.map((m): MarkWire => [
      m.id, m.ring, m.angle, m.tip, shapeWire(m.shape), m.label ?? 0, m.role ?? 0, m.plan ?? 0, m.level ?? 0, m.overdue ? 1 : 0,
      m.name ? [m.name.side === "left" ? 0 : 1, m.name.x, m.name.y, m.name.lines, m.name.points] : 0,
    ]),
  };
}

/** The model again (the keys a mark leaves out stay out, as wheelModel leaves them out). */
export function expandWheelWire(wire: WheelWire): WheelModel {
  return {
    ...wire,
    marks: wire.marks.map(([id, ring, angle, tip, shape, label, role, plan, level, overdue, name]) => {
      const mark: DrawnMark = { id, ring, angle, tip, shape: shapeOf(shape) };
      if (label !== 0) mark.label = label;
      if (role !== 0) mark.role = role;
      if (plan !== 0) mark.plan = plan;
      if (level !== 0) mark.level = level;
      if (overdue) mark.overdue = true;
      if (name !== 0) mark.name = { side: name[0] === 0 ? "left" : "right", x: name[1], y: name[2], lines: name[3], points: name[4] } satisfies DrawnName;
      return mark;
    }),
  };
}

/**
 * Each mark's id and title (its tooltip's first line, "12. Brukarbrev 2") in the wheel's order: the details panel's
 * keys and titles are taken from here on /arshjul rather than sent a second time (compact-details.ts).
 */
export function wireMarks(wire: WheelWire): [id: string, title: string][] {
  return wire.marks.map((m) => [m[0], m[3].split("\n")[0]!]);
}
