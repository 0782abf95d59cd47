import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import {
  annularSectorPath,
  arcLinePath,
  assignLanes,
  dateAngle,
  dateRangeArc,
  labelRotation,
  monthMidAngle,
  monthStartAngle,
  pointPositions,
  polar,
  ringBands,
  ringTracks,
  spanArc,
} from "@/lib/wheel/geometry";
import { layoutWheel } from "@/lib/wheel/layout";

const C = { x: 500, y: 500 };

describe("month angles", () => {
  it("puts januari at the top and goes clockwise in 30° sectors", () => {
    expect([1, 2, 4, 7, 10, 12].map((m) => monthStartAngle(m))).toEqual([0, 30, 90, 180, 270, 330]);
    expect(monthMidAngle(1)).toBe(15);
    expect(monthMidAngle(12)).toBe(345);
  });

  it("refuses months outside 1–12", () => {
    expect(() => monthStartAngle(0)).toThrow(RangeError);
    expect(() => monthStartAngle(13)).toThrow(RangeError);
    expect(() => spanArc(3, 2.5)).toThrow(RangeError);
  });

  it("maps angles to points clockwise from 12 o'clock", () => {
    expect(polar(C, 100, 0)).toEqual({ x: 500, y: 400 });
    expect(polar(C, 100, 90)).toEqual({ x: 600, y: 500 });
    expect(polar(C, 100, 180)).toEqual({ x: 500, y: 600 });
    expect(polar(C, 100, 270)).toEqual({ x: 400, y: 500 });
  });
});

describe("spans of months", () => {
  it("covers whole months from the start of the first to the end of the last", () => {
    expect(spanArc(3, 5)).toEqual({ start: 60, end: 150 });
    expect(spanArc(1, 12)).toEqual({ start: 0, end: 360 });
    expect(spanArc(11, 11)).toEqual({ start: 300, end: 330 });
  });

  it("wraps a span over the year end (december → januari)", () => {
    expect(spanArc(12, 1)).toEqual({ start: 330, end: 390 });
    expect(spanArc(11, 2)).toEqual({ start: 300, end: 420 });
  });
});

describe("dates", () => {
  it("places a day in its month with day precision", () => {
    // 1 januari: the middle of the first of 31 days.
    expect(dateAngle(utcDate(2026, 1, 1))).toBeCloseTo((0.5 / 31) * 30, 6);
    // 23 november: month 11 starts at 300°, 22.5 of 30 days in.
    expect(dateAngle(utcDate(2026, 11, 23))).toBeCloseTo(300 + 22.5, 6);
    // 15 februari in a leap year has 29 days.
    expect(dateAngle(utcDate(2028, 2, 15))).toBeCloseTo(30 + (14.5 / 29) * 30, 6);
    expect(dateAngle(utcDate(2026, 12, 31), 1)).toBe(360);
  });

  it("gives a period within the year, clamped at its ends", () => {
    const survey = dateRangeArc(utcDate(2026, 3, 9), utcDate(2026, 5, 26), 2026)!;
    expect(survey.start).toBeCloseTo(60 + (8 / 31) * 30, 6);
    expect(survey.end).toBeCloseTo(120 + (26 / 31) * 30, 6);
    expect(dateRangeArc(utcDate(2025, 12, 1), utcDate(2026, 1, 31), 2026)).toEqual({ start: 0, end: 30 });
    expect(dateRangeArc(utcDate(2026, 12, 1), utcDate(2027, 2, 1), 2026)).toEqual({ start: 330, end: 360 });
    expect(dateRangeArc(utcDate(2027, 3, 1), utcDate(2027, 5, 1), 2026)).toBeNull();
    expect(dateRangeArc(utcDate(2026, 5, 1), utcDate(2026, 3, 1), 2026)).toBeNull();
  });
});

describe("SVG paths", () => {
  it("draws a ring segment with the large-arc flag only above 180°", () => {
    expect(annularSectorPath(C, { inner: 50, outer: 100 }, { start: 0, end: 90 })).toBe(
      "M 500 400 A 100 100 0 0 1 600 500 L 550 500 A 50 50 0 0 0 500 450 Z",
    );
    expect(annularSectorPath(C, { inner: 50, outer: 100 }, { start: 0, end: 270 })).toContain("A 100 100 0 1 1 400 500");
  });

  it("draws a full turn as two half circles per edge", () => {
    const path = annularSectorPath(C, { inner: 50, outer: 100 }, spanArc(1, 12));
    expect(path.match(/A /g)).toHaveLength(4);
    expect(path).toContain("M 500 400 A 100 100 0 1 1 500 600 A 100 100 0 1 1 500 400");
  });

  it("draws a wrapped span across the top", () => {
    expect(arcLinePath(C, 100, spanArc(12, 1))).toBe(`M ${polar(C, 100, 330).x} ${polar(C, 100, 330).y} A 100 100 0 0 1 ${polar(C, 100, 30).x} ${polar(C, 100, 30).y}`);
  });

  it("keeps labels upright on the lower half", () => {
    expect(labelRotation(15)).toBe(15);
    expect(labelRotation(195)).toBe(15);
    expect(labelRotation(345)).toBe(345);
  });
});

describe("rings and lanes", () => {
  it("gives overlapping arcs their own lanes and reuses a lane when they do not overlap", () => {
    expect(assignLanes([spanArc(3, 5), spanArc(4, 5), spanArc(6, 6), spanArc(1, 2)])).toEqual([0, 1, 0, 0]);
  });

  it("sees the overlap of a span over the year end with januari", () => {
    const lanes = assignLanes([spanArc(12, 1), spanArc(1, 1), spanArc(2, 3)]);
    expect(lanes[0]).not.toBe(lanes[1]);
    expect(Math.max(...lanes)).toBe(1);
    // A december-only arc does not touch januari.
    expect(assignLanes([spanArc(12, 12), spanArc(1, 1)])).toEqual([0, 0]);
  });

  it("sizes rings by their content, first ring outermost, with gaps", () => {
    const bands = ringBands([{ lanes: 2, pointRows: 1 }, { lanes: 0, pointRows: 1 }], { inner: 100, outer: 300 }, 4);
    expect(bands[0]!.outer).toBe(300);
    expect(bands[1]!.inner).toBeCloseTo(100, 6);
    expect(bands[0]!.inner - bands[1]!.outer).toBeCloseTo(4, 1);
    // 2 lanes + 1 row weighs more than 1 row.
    expect(bands[0]!.outer - bands[0]!.inner).toBeGreaterThan(bands[1]!.outer - bands[1]!.inner);
  });

  it("puts point rows along the outer edge and lanes inside them", () => {
    const tracks = ringTracks({ inner: 100, outer: 160 }, { lanes: 1, pointRows: 1 });
    expect(tracks.rows).toHaveLength(1);
    expect(tracks.rows[0]!).toBeGreaterThan(tracks.lanes[0]!.outer);
    expect(tracks.lanes[0]!.inner).toBeGreaterThan(100);
  });

  it("spreads the point activities of a month over its sector", () => {
    expect(pointPositions(2, 1, [200])).toEqual([{ angle: 45, r: 200 }]);
    const three = pointPositions(4, 3, [200]);
    expect(three.map((p) => p.angle)).toEqual([96.33, 105, 113.67]);
    const twoRows = pointPositions(1, 3, [200, 180]);
    expect(twoRows.map((p) => p.r)).toEqual([200, 200, 180]);
  });
});

describe("layoutWheel", () => {
  it("places every activity, adds rows for a busy month in a narrow ring and keeps arcs in separate lanes", () => {
    const rings = [
      { key: "infor", arcs: [{ id: "a", arc: spanArc(1, 3) }, { id: "b", arc: spanArc(1, 2) }], points: ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"].map((id) => ({ id, month: 2 })) },
      { key: "efter", arcs: [], points: [{ id: "q", month: 6 }] },
    ];
    const [infor, efter] = layoutWheel(rings, { inner: 100, outer: 220 });
    expect(infor!.points).toHaveLength(8);
    expect(new Set(infor!.points.map((p) => p.r)).size).toBeGreaterThan(1);
    expect(infor!.arcs[0]!.band).not.toEqual(infor!.arcs[1]!.band);
    expect(efter!.points[0]!.angle).toBe(165);
    expect(efter!.band.outer).toBeLessThan(infor!.band.inner);
    for (const p of infor!.points) {
      expect(p.angle).toBeGreaterThan(30);
      expect(p.angle).toBeLessThan(60);
    }
  });
});

describe("a wheel that starts in December (issue 21 item 5)", () => {
  it("puts December at twelve o'clock and January one sector on, with the default unchanged", () => {
    expect(monthStartAngle(12, 12)).toBe(0);
    expect(monthStartAngle(1, 12)).toBe(30);
    expect(monthStartAngle(11, 12)).toBe(330);
    expect(monthStartAngle(1)).toBe(0);
    expect(spanArc(12, 2, 12)).toEqual({ start: 0, end: 90 });
    expect(dateAngle(new Date(Date.UTC(2026, 11, 1)), 0, 12)).toBe(0);
  });

  it("clamps a date range to the cycle's twelve months from December of the year before", () => {
    const arc = dateRangeArc(new Date(Date.UTC(2026, 10, 20)), new Date(Date.UTC(2026, 11, 31)), 2027, 12);
    expect(arc).toEqual({ start: 0, end: 30 });
    expect(dateRangeArc(new Date(Date.UTC(2027, 11, 1)), new Date(Date.UTC(2027, 11, 5)), 2027, 12)).toBeNull();
  });
});
