import { assignLanes, pointPositions, pointsPerRow, ringBands, ringTracks, spanArc, type Arc, type Band, type RingSpec } from "./geometry.ts";

export type RingInput = { key: string; arcs: { id: string; arc: Arc }[]; points: { id: string; month: number }[] };
export type PlacedArc = { id: string; arc: Arc; band: Band };
export type PlacedPoint = { id: string; angle: number; r: number };
export type RingLayout = { key: string; band: Band; arcs: PlacedArc[]; points: PlacedPoint[]; dotRadius: number };

/** Largest mark of a point activity (diameter in wheel units). */
export const DOT_DIAMETER = 18;

function byMonth(points: RingInput["points"]) {
  const months = new Map<number, string[]>();
  for (const p of points) months.set(p.month, [...(months.get(p.month) ?? []), p.id]);
  return months;
}

function rowsNeeded(band: Band, spec: RingSpec, busiestMonth: number): number {
  if (busiestMonth === 0) return 0;
  for (let rows = 1; rows < busiestMonth; rows++) {
    const tracks = ringTracks(band, { ...spec, pointRows: rows });
    const diameter = Math.min(DOT_DIAMETER, tracks.rowHeight - 2);
    if (Math.ceil(busiestMonth / rows) <= pointsPerRow(tracks.rows.at(-1)!, diameter)) return rows;
  }
  return busiestMonth;
}

/**
 * Places every activity of every ring: arcs in lanes that never overlap, point activities spread over their
 * month in as many rows as the busiest month needs at the ring's radius. Rings are given outermost first.
 */
/** firstMonth: the month at twelve o'clock (lib/wheel/geometry.ts), default January. */
export function layoutWheel(rings: RingInput[], space: Band, firstMonth = 1): RingLayout[] {
  const lanes = rings.map((ring) => assignLanes(ring.arcs.map((a) => a.arc)));
  const months = rings.map((ring) => byMonth(ring.points));
  const busiest = months.map((m) => Math.max(0, ...[...m.values()].map((ids) => ids.length)));
  const specs: RingSpec[] = rings.map((_, i) => ({ lanes: Math.max(0, ...lanes[i]!.map((l) => l + 1)), pointRows: busiest[i]! > 0 ? 1 : 0 }));
  // Thicker rings make the others thinner, so settle the row counts in a few rounds.
  for (let round = 0; round < 4; round++) {
    const bands = ringBands(specs, space);
    let changed = false;
    specs.forEach((spec, i) => {
      const rows = rowsNeeded(bands[i]!, spec, busiest[i]!);
      if (rows > spec.pointRows) {
        spec.pointRows = rows;
        changed = true;
      }
    });
    if (!changed) break;
  }
  const bands = ringBands(specs, space);
  return rings.map((ring, i) => {
    const tracks = ringTracks(bands[i]!, specs[i]!);
    const points: PlacedPoint[] = [];
    for (const [month, ids] of months[i]!) {
      const positions = pointPositions(month, ids.length, tracks.rows, firstMonth);
      ids.forEach((id, j) => points.push({ id, ...positions[j]! }));
    }
    const dotRadius = Math.max(3, Math.min(DOT_DIAMETER, tracks.rowHeight - 2) / 2);
    const arcs = ring.arcs.map((a, j) => ({ id: a.id, arc: a.arc, band: tracks.lanes[lanes[i]![j]!]! }));
    return { key: ring.key, band: bands[i]!, arcs, points, dotRadius };
  });
}

/** The årshjul's drawing in viewBox units (components/wheel/wheel-svg.tsx), shared with the label tests. */
export const WHEEL = {
  center: { x: 500, y: 500 },
  monthBand: { inner: 452, outer: 496 },
  surveyBand: { inner: 434, outer: 447 },
  actionBand: { inner: 98, outer: 126 },
  centreRadius: 92,
  /**
   * -620 … 1620: a column of names each side of the 1000-unit wheel. Wide, because the start page draws the wheel as
   * tall as the first screen leaves (components/wheel/wheel.css) over a wider box: the names use that width instead of
   * a smaller font. (A phone crops the columns and hides the names, wheel.css.)
   */
  viewBox: { x: -620, y: -6, width: 2240, height: 1012 },
} as const;

/**
 * The names' columns: 600 units wide each side (from the leaders' exit at 506 + 14 to the viewBox's edge), at a font
 * of 27 units: 12 px or more whenever the wheel is drawn at least 450 px high (its 1012 units) and 996 px wide (its
 * 2240 units), as the start page does at 1280 × 800 (tests/unit/wheel-labels.test.ts reads wheel.css).
 */
export const LABEL_OPTIONS = { center: WHEEL.center, exitRadius: 506, columnGap: 14, columnWidth: 600, top: 10, bottom: 990, fontSize: 27, lineHeight: 31 } as const;

/** The room between the centre (or the improvement actions' ring) and the survey ring, where the phases' rings go. */
export function ringSpace(hasActions: boolean): Band {
  return { inner: hasActions ? WHEEL.actionBand.outer + 5 : WHEEL.centreRadius + 6, outer: WHEEL.surveyBand.inner - 4 };
}

type MarkActivity = { id: string; timing: string; startMonth: number | null; endMonth: number | null };

/** A phase's activities as one ring's marks: a one-month activity is a point, a span or continuous work an arc. */
export function ringInput(key: string, activities: MarkActivity[], firstMonth = 1): RingInput {
  const dated = activities.filter((a) => a.startMonth !== null && a.endMonth !== null);
  return {
    key,
    arcs: dated.filter((a) => a.startMonth !== a.endMonth || a.timing !== "MONTH").map((a) => ({ id: a.id, arc: spanArc(a.startMonth!, a.endMonth!, firstMonth) })),
    points: dated.filter((a) => a.startMonth === a.endMonth && a.timing === "MONTH").map((a) => ({ id: a.id, month: a.startMonth! })),
  };
}

/** Where each mark's name leaves from: an arc's near its start (in the month it begins), a point's at the point. */
export function labelAnchors(layout: RingLayout[]): Map<string, { angle: number; r: number }> {
  const anchors = new Map<string, { angle: number; r: number }>();
  for (const ring of layout) {
    for (const a of ring.arcs) anchors.set(a.id, { angle: a.arc.start + Math.min(12, (a.arc.end - a.arc.start) / 2), r: (a.band.inner + a.band.outer) / 2 });
    for (const p of ring.points) anchors.set(p.id, { angle: p.angle, r: p.r });
  }
  return anchors;
}
