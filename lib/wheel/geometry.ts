/**
 * Pure geometry of the årshjul: twelve equal month sectors, the cycle's first month at the top (January unless
 * `firstMonth` says otherwise: December for a cycle whose routine starts in December), clockwise.
 * Angles are in degrees clockwise from 12 o'clock; a span may cross the year end (december → januari),
 * in which case its end angle is above 360.
 */
export const SECTOR_DEGREES = 30;

export type Point = { x: number; y: number };
export type Band = { inner: number; outer: number };
export type Arc = { start: number; end: number };

const round = (n: number) => Math.round(n * 100) / 100;

function assertMonth(month: number) {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Ogiltig månad: ${month}`);
}

/**
 * The angle where a month (1–12) begins: januari 0°, april 90°, juli 180°, oktober 270°; with `firstMonth` 12,
 * december 0° and januari 30°.
 */
export function monthStartAngle(month: number, firstMonth = 1): number {
  assertMonth(month);
  return ((month - firstMonth + 12) % 12) * SECTOR_DEGREES;
}

/** The angle of the middle of a month, where its label goes. */
export function monthMidAngle(month: number, firstMonth = 1): number {
  return monthStartAngle(month, firstMonth) + SECTOR_DEGREES / 2;
}

/** The arc of a span of whole months, start..end inclusive; end before start wraps over the year end. */
export function spanArc(startMonth: number, endMonth: number, firstMonth = 1): Arc {
  assertMonth(endMonth);
  const start = monthStartAngle(startMonth, firstMonth);
  const months = ((endMonth - startMonth + 12) % 12) + 1;
  return { start, end: start + months * SECTOR_DEGREES };
}

function daysInMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Where a date-only (UTC midnight) value lies, `at` 0 = start of the day, 0.5 = its middle, 1 = its end. */
export function dateAngle(date: Date, at = 0.5, firstMonth = 1): number {
  const month = (date.getUTCMonth() + 1 - firstMonth + 12) % 12;
  return (month + (date.getUTCDate() - 1 + at) / daysInMonth(date)) * SECTOR_DEGREES;
}

/**
 * The arc from the start of one day to the end of another within a cycle year, clamped to the year;
 * null when the period lies wholly outside it or ends before it starts.
 */
export function dateRangeArc(from: Date, to: Date, year: number, firstMonth = 1): Arc | null {
  if (to.getTime() < from.getTime()) return null;
  // The cycle's twelve months: from its first month (of the year before, when that is not January).
  const startYear = firstMonth > 1 ? year - 1 : year;
  const first = Date.UTC(startYear, firstMonth - 1, 1);
  const last = Date.UTC(startYear, firstMonth - 1 + 12, 0);
  if (to.getTime() < first || from.getTime() > last) return null;
  const start = from.getTime() < first ? 0 : dateAngle(from, 0, firstMonth);
  const end = to.getTime() > last ? 360 : dateAngle(to, 1, firstMonth);
  return { start, end };
}

/** A point at radius r and angle (degrees clockwise from the top) around a centre. */
export function polar(center: Point, r: number, angle: number): Point {
  const rad = (angle * Math.PI) / 180;
  return { x: round(center.x + r * Math.sin(rad)), y: round(center.y - r * Math.cos(rad)) };
}

const fmt = (p: Point) => `${p.x} ${p.y}`;

/** An SVG path along a circle from one angle to another, clockwise (for text paths and outlines). */
export function arcLinePath(center: Point, r: number, arc: Arc): string {
  const sweep = arc.end - arc.start;
  const from = polar(center, r, arc.start);
  if (sweep >= 359.99) {
    const half = polar(center, r, arc.start + 180);
    return `M ${fmt(from)} A ${r} ${r} 0 1 1 ${fmt(half)} A ${r} ${r} 0 1 1 ${fmt(from)}`;
  }
  return `M ${fmt(from)} A ${r} ${r} 0 ${sweep > 180 ? 1 : 0} 1 ${fmt(polar(center, r, arc.end))}`;
}

/** The same circle piece as arcLinePath, drawn anticlockwise from the arc's end: text on it reads upright on the lower half. */
export function reversedArcLinePath(center: Point, r: number, arc: Arc): string {
  const sweep = arc.end - arc.start;
  return `M ${fmt(polar(center, r, arc.end))} A ${r} ${r} 0 ${sweep > 180 ? 1 : 0} 0 ${fmt(polar(center, r, arc.start))}`;
}

/** An SVG path of a ring segment (annular sector) between two radii; a full turn draws a whole ring (use evenodd). */
export function annularSectorPath(center: Point, band: Band, arc: Arc): string {
  const sweep = arc.end - arc.start;
  if (sweep >= 359.99) {
    return `${arcLinePath(center, band.outer, arc)} Z ${arcLinePath(center, band.inner, arc)} Z`;
  }
  const large = sweep > 180 ? 1 : 0;
  const o0 = polar(center, band.outer, arc.start);
  const o1 = polar(center, band.outer, arc.end);
  const i1 = polar(center, band.inner, arc.end);
  const i0 = polar(center, band.inner, arc.start);
  return `M ${fmt(o0)} A ${band.outer} ${band.outer} 0 ${large} 1 ${fmt(o1)} L ${fmt(i1)} A ${band.inner} ${band.inner} 0 ${large} 0 ${fmt(i0)} Z`;
}

function overlaps(a: Arc, b: Arc): boolean {
  return [-360, 0, 360].some((shift) => a.start < b.end + shift && b.start + shift < a.end);
}

/** Lanes for arcs in one ring so that no two overlapping arcs share a lane (a span over the year end included). */
export function assignLanes(arcs: Arc[]): number[] {
  const order = arcs.map((arc, i) => ({ arc, i })).sort((a, b) => a.arc.start - b.arc.start || b.arc.end - a.arc.end);
  const lanes: Arc[][] = [];
  const result = new Array<number>(arcs.length);
  for (const { arc, i } of order) {
    let lane = lanes.findIndex((taken) => taken.every((other) => !overlaps(arc, other)));
    if (lane === -1) lane = lanes.push([]) - 1;
    lanes[lane]!.push(arc);
    result[i] = lane;
  }
  return result;
}

/** Relative radial sizes of the parts of a ring. */
export const LANE_WEIGHT = 8;
export const ROW_WEIGHT = 22;
export const RING_PADDING = 4;

export type RingSpec = { lanes: number; pointRows: number };

/**
 * Ring radii per phase: the first ring outermost, each ring as thick as its content (arc lanes and rows of
 * point activities) needs, scaled to fill the space between the inner and outer radius with a gap between rings.
 */
export function ringBands(specs: RingSpec[], space: Band, gap = 3): Band[] {
  const weights = specs.map((s) => Math.max(1, s.lanes * LANE_WEIGHT + s.pointRows * ROW_WEIGHT) + RING_PADDING);
  const total = weights.reduce((a, b) => a + b, 0);
  const available = space.outer - space.inner - gap * Math.max(0, specs.length - 1);
  const bands: Band[] = [];
  let outer = space.outer;
  for (const w of weights) {
    const thickness = (available * w) / total;
    bands.push({ inner: round(outer - thickness), outer: round(outer) });
    outer -= thickness + gap;
  }
  return bands;
}

/** The radial tracks inside a ring: rows of points along its outer edge, arc lanes inside them. */
export function ringTracks(band: Band, spec: RingSpec): { rows: number[]; rowHeight: number; lanes: Band[] } {
  const weight = spec.lanes * LANE_WEIGHT + spec.pointRows * ROW_WEIGHT;
  const unit = weight === 0 ? 0 : (band.outer - band.inner - RING_PADDING) / weight;
  const rowHeight = ROW_WEIGHT * unit;
  const laneHeight = LANE_WEIGHT * unit;
  let r = band.outer - RING_PADDING / 2;
  const rows: number[] = [];
  for (let i = 0; i < spec.pointRows; i++, r -= rowHeight) rows.push(round(r - rowHeight / 2));
  const lanes: Band[] = [];
  for (let i = 0; i < spec.lanes; i++, r -= laneHeight) lanes.push({ inner: round(r - laneHeight + 1), outer: round(r - 1) });
  return { rows, rowHeight: round(rowHeight), lanes };
}

/** Angle kept free at each side of a month sector, so neighbouring months' marks stay apart. */
export const SECTOR_PADDING = 2;

/** How many point marks of a given diameter fit side by side in one month at radius r. */
export function pointsPerRow(r: number, diameter: number): number {
  const arcLength = (r * Math.PI * (SECTOR_DEGREES - 2 * SECTOR_PADDING)) / 180;
  return Math.max(1, Math.floor(arcLength / (diameter + 4)));
}

/**
 * Where k point activities of one month go: spread evenly over the sector, filling rows from the outer edge;
 * returns angle and radius for each, in the order given.
 */
export function pointPositions(month: number, count: number, rows: number[], firstMonth = 1): { angle: number; r: number }[] {
  if (count === 0 || rows.length === 0) return [];
  const perRow = Math.ceil(count / rows.length);
  const start = monthStartAngle(month, firstMonth) + SECTOR_PADDING;
  const width = SECTOR_DEGREES - 2 * SECTOR_PADDING;
  return Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, count - row * perRow);
    const j = i - row * perRow;
    return { angle: round(start + (width * (j + 0.5)) / inRow), r: rows[row]! };
  });
}

/** Where text at an angle reads upright: rotate along the radius, flipped on the lower half. */
export function labelRotation(angle: number): number {
  const a = ((angle % 360) + 360) % 360;
  return a > 90 && a < 270 ? a - 180 : a;
}

/** The Mondays that begin an ISO week within a calendar year, with the week's number (for the wheel's week ticks). */
export function isoWeekStarts(year: number): { week: number; date: Date }[] {
  const jan4 = Date.UTC(year, 0, 4);
  // The Monday of week 1 is the Monday on or before 4 January.
  const week1 = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000);
  const result: { week: number; date: Date }[] = [];
  for (let t = week1, week = 1; ; t += 7 * 86_400_000, week++) {
    const date = new Date(t);
    if (date.getUTCFullYear() > year) break;
    if (date.getUTCFullYear() === year) result.push({ week, date });
  }
  // A Monday in late December may begin week 1 of the next year.
  const last = result.at(-1);
  if (last && last.date.getUTCDate() >= 29) last.week = 1;
  return result;
}

/**
 * The angles of the week ticks on the wheel's edge: where each ISO week's Monday begins, over the twelve months the
 * wheel shows (from `firstMonth` of the year before for a cycle that starts in December, lib/dates/cycle.ts).
 */
export function weekTickAngles(year: number, firstMonth = 1): { week: number; angle: number }[] {
  const mondays =
    firstMonth === 1
      ? isoWeekStarts(year)
      : [...isoWeekStarts(year - 1).filter(({ date }) => date.getUTCMonth() + 1 >= firstMonth), ...isoWeekStarts(year).filter(({ date }) => date.getUTCMonth() + 1 < firstMonth)];
  return mondays.map(({ week, date }) => ({ week, angle: Math.round(dateAngle(date, 0, firstMonth) * 100) / 100 }));
}

/**
 * Where a day of the cycle lies on the wheel (its middle): a day of the twelve months from `firstMonth` the wheel
 * begins with, or of the cycle's own year (a January routine's December in a cycle that starts in December);
 * null for any other day.
 */
export function dayAngleInYear(date: Date, year: number, firstMonth = 1): number | null {
  const startYear = firstMonth > 1 ? year - 1 : year;
  const t = date.getTime();
  const inWindow = t >= Date.UTC(startYear, firstMonth - 1, 1) && t < Date.UTC(startYear, firstMonth - 1 + 12, 1);
  return inWindow || date.getUTCFullYear() === year ? Math.round(dateAngle(date, 0.5, firstMonth) * 100) / 100 : null;
}
