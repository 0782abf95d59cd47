import { assignLanes, pointPositions, pointsPerRow, ringBands, ringTracks, type Arc, type Band, type RingSpec } from "./geometry.ts";

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
