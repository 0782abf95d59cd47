import { createHash } from "node:crypto";
import { annularSectorPath, arcLinePath, reversedArcLinePath, spanArc, type Point } from "./geometry.ts";
import { layoutLabels, textWidth, type LabelInput, type PlacedLabel } from "./labels.ts";
import { LABEL_OPTIONS, labelAnchors, layoutWheel, ringInput, ringSpace, WHEEL, type RingLayout } from "./layout.ts";

/**
 * The årshjul's layout (ring bands, every mark's place, the names beside the wheel and the rings' own names) as a
 * pure function of what it depends on, computed once and kept for every request and every user (issue 35).
 *
 * The layout depends on the routines' published versions (immutable: a publish gives new versions and so a new
 * key), the activities a scope shows (with a unit's own activities, issue 21, which are added to a published version
 * without a new version number), each activity's months, timing and name on the wheel, the phases' names, the
 * cycle's first month, whether the improvement actions' ring is drawn, and the planned days a chosen unit's point
 * marks are moved to. Nothing else: not the tasks' status, the user, the year or today. The key is a hash of exactly
 * that input, so two instances compute the same layout for the same key and nothing is shared between keys.
 */
export type LayoutActivity = { id: string; timing: string; startMonth: number; endMonth: number; /** The name written beside the wheel (wheelName). */ name: string };
export type LayoutRing = { /** routineId:phaseKey */ key: string; /** The phase's name, written in the ring where it fits. */ name: string; activities: LayoutActivity[] };
export type WheelLayoutInput = {
  /** routineId@versions of every routine drawn: the published versions whose activities these are. */
  versions: string[];
  firstMonth: number;
  /** Whether the improvement actions' ring is drawn (it takes the room inside the phases' rings). */
  hasActions: boolean;
  /** Outermost first, empty rings included. */
  rings: LayoutRing[];
  /** Point marks drawn at another angle than their place in the month: a chosen unit's planned day (issue 21). */
  moved: Record<string, number>;
};

/** A ring's name written along it, in months where it has no marks. */
export type RingName = { key: string; name: string; r: number; months: { start: number; end: number }; pathId: string; path: string };
/** A mark's shape: an arc's padded ring segment (`d`), a point's centre; where its overdue sign goes. */
export type MarkShape = { kind: "arc"; angle: number; d: string; sign: Point } | { kind: "point"; angle: number; at: Point; radius: number; sign: Point; r: number };

export type WheelLayout = {
  key: string;
  rings: readonly RingLayout[];
  /** Each ring's background (a full turn) in the ring's order. */
  ringPaths: readonly string[];
  marks: ReadonlyMap<string, MarkShape>;
  labels: ReadonlyMap<string, PlacedLabel & { points: string }>;
  ringNames: readonly RingName[];
};

export const RING_NAME_FONT = 17;
const C = WHEEL.center;

/**
 * The months (a run of two or three, else one) where a ring has no marks, for the ring's name; null when every month
 * is taken (the key then names the ring, components/wheel/wheel-legend.tsx).
 */
export function freeRun(taken: Set<number>): { start: number; end: number } | null {
  const order = [7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6];
  for (const first of order) {
    const second = (first % 12) + 1;
    if (!taken.has(first) && !taken.has(second)) {
      const third = (second % 12) + 1;
      return { start: first, end: taken.has(third) ? second : third };
    }
  }
  const single = order.find((m) => !taken.has(m));
  return single === undefined ? null : { start: single, end: single };
}

const polarAt = (r: number, angle: number): Point => {
  const rad = (angle * Math.PI) / 180;
  return { x: Math.round((C.x + r * Math.sin(rad)) * 100) / 100, y: Math.round((C.y - r * Math.cos(rad)) * 100) / 100 };
};

/** The layout without the cache: what every key's entry holds. */
export function computeWheelLayout(input: WheelLayoutInput, key = wheelLayoutKey(input)): WheelLayout {
  const inputs = input.rings.map((ring) => ringInput(ring.key, ring.activities, input.firstMonth));
  const rings = layoutWheel(inputs, ringSpace(input.hasActions), input.firstMonth);
  const anchors = labelAnchors(rings);
  const marks = new Map<string, MarkShape>();
  const labelInputs: LabelInput[] = [];
  const ringNames: RingName[] = [];
  rings.forEach((ring, i) => {
    const source = input.rings[i]!;
    const names = new Map(source.activities.map((a) => [a.id, a.name]));
    const taken = new Set<number>();
    for (const placed of ring.arcs) {
      const padded = { start: placed.arc.start + 0.7, end: placed.arc.end - 0.7 };
      const band = placed.band;
      marks.set(placed.id, { kind: "arc", angle: placed.arc.start, d: annularSectorPath(C, band, padded), sign: polarAt(band.outer, padded.end - (7 / band.outer) * (180 / Math.PI)) });
      // The name leaves from near the start of the span, in the month the activity begins.
      labelInputs.push({ id: placed.id, ...anchors.get(placed.id)!, text: names.get(placed.id)! });
    }
    for (const placed of ring.points) {
      const angle = input.moved[placed.id] ?? placed.angle;
      const at = polarAt(placed.r, angle);
      marks.set(placed.id, { kind: "point", angle, at, r: placed.r, radius: ring.dotRadius, sign: { x: at.x + ring.dotRadius * 0.8, y: at.y - ring.dotRadius * 0.8 } });
      labelInputs.push({ id: placed.id, angle, r: placed.r, text: names.get(placed.id)! });
    }
    for (const a of source.activities) {
      if (a.startMonth !== a.endMonth || a.timing !== "MONTH") {
        for (let m = a.startMonth; ; m = (m % 12) + 1) {
          taken.add(m);
          if (m === a.endMonth) break;
        }
      } else taken.add(a.startMonth);
    }
    const months = freeRun(taken);
    const r = (ring.band.inner + ring.band.outer) / 2;
    // Written only where it fits in the free months; otherwise the key names the ring by its number.
    const room = months ? (r * Math.PI * (((months.end - months.start + 12) % 12) + 1) * 30) / 180 - 20 : 0;
    if (months && textWidth(source.name, RING_NAME_FONT) <= room) {
      const arc = spanArc(months.start, months.end, input.firstMonth);
      // Read left to right: clockwise on the upper half, anticlockwise (the path reversed) on the lower half.
      const mid = (((arc.start + arc.end) / 2) % 360 + 360) % 360;
      const path = mid > 90 && mid < 270 ? reversedArcLinePath(C, r, arc) : arcLinePath(C, r, arc);
      ringNames.push({ key: ring.key, name: source.name, r, months, pathId: `ring-name-${ring.key.replace(/[^a-z0-9]/gi, "-")}`, path });
    }
  });
  const labels = new Map(layoutLabels(labelInputs, LABEL_OPTIONS).map((l) => [l.id, { ...l, points: l.leader.map((p) => `${p.x},${p.y}`).join(" ") }]));
  const ringPaths = rings.map((ring) => annularSectorPath(C, ring.band, spanArc(1, 12)));
  return deepFreeze({ key, rings, ringPaths, marks, labels, ringNames });
}

/** The cache key: the routines' versions (to read) and a hash of the whole input (what makes it exact). */
export function wheelLayoutKey(input: WheelLayoutInput): string {
  return `${input.versions.join("+")}#${createHash("sha256").update(JSON.stringify(input)).digest("base64url").slice(0, 22)}`;
}

/** Layouts kept: a verksamhet has a few (per scope, layers and first month); each unit's planned days add one. */
export const WHEEL_LAYOUT_CACHE_SIZE = 64;
const cache = new Map<string, WheelLayout>();
let counts = { hits: 0, misses: 0 };

/** The layout for this input, from the cache when an equal input was laid out before (least recently used dropped). */
export function wheelLayout(input: WheelLayoutInput): WheelLayout {
  const key = wheelLayoutKey(input);
  const hit = cache.get(key);
  if (hit) {
    counts.hits++;
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  counts.misses++;
  const layout = computeWheelLayout(input, key);
  cache.set(key, layout);
  if (cache.size > WHEEL_LAYOUT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return layout;
}

/** For tests and the measuring script: empties the cache and its counts. */
export function clearWheelLayoutCache() {
  cache.clear();
  counts = { hits: 0, misses: 0 };
}

export function wheelLayoutCacheStats() {
  return { size: cache.size, ...counts };
}

/** A shared entry is read by every request: frozen, so that no render can change another's layout. */
function deepFreeze<T>(value: T): T {
  if (value instanceof Map) {
    for (const v of value.values()) deepFreeze(v);
    // A frozen Map can still be set; the readonly types keep callers from it.
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return Object.freeze(value);
}

