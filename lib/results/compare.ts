/**
 * Comparisons of survey results: a unit against the kommun, the riket and its previous year; the verksamhet's
 * common weak points; and the effect of an improvement action. Pure: tests/unit/results-compare.test.ts.
 */
import type { ResultLevel } from "../db/generated/enums.ts";
import { UNCHANGED_MARGIN } from "./labels.ts";

export type IndicatorLike = { id: string; key: string; name: string; higherIsBetter: boolean; position: number };
export type ResultLike = { indicatorId: string; year: number; level: ResultLevel; unitId: string | null; value: number | null; respondents: number | null };

/** A value as shown: a number, suppressed (för få svar) or missing (no row). */
export type Cell = { kind: "value"; value: number; respondents: number | null } | { kind: "suppressed" } | { kind: "missing" };
export type Verdict = "better" | "worse" | "same" | "unknown";
export const VERDICT_TEXT: Record<Verdict, string> = { better: "bättre", worse: "sämre", same: "oförändrat", unknown: "" };

export type ComparisonRow = {
  indicator: IndicatorLike;
  unit: Cell;
  previous: Cell;
  kommun: Cell;
  riket: Cell;
  /** Unit minus kommun etc., in percentage points; null when either side has no number. */
  vsKommun: number | null;
  vsRiket: number | null;
  vsPrevious: number | null;
  verdictKommun: Verdict;
  verdictPrevious: Verdict;
};

function cellOf(row: ResultLike | undefined): Cell {
  if (!row) return { kind: "missing" };
  return row.value === null ? { kind: "suppressed" } : { kind: "value", value: row.value, respondents: row.respondents };
}

export const numberOf = (c: Cell) => (c.kind === "value" ? c.value : null);

function diff(a: Cell, b: Cell): number | null {
  const x = numberOf(a);
  const y = numberOf(b);
  return x === null || y === null ? null : Math.round((x - y) * 10) / 10;
}

/** Whether a difference is good news for an indicator (lower is better for e.g. kränkt bemötande). */
export function verdictOf(difference: number | null, higherIsBetter: boolean, margin = UNCHANGED_MARGIN): Verdict {
  if (difference === null) return "unknown";
  if (Math.abs(difference) < margin) return "same";
  return difference > 0 === higherIsBetter ? "better" : "worse";
}

const keyOf = (r: { indicatorId: string; year: number; level: ResultLevel; unitId: string | null }) =>
  `${r.indicatorId}|${r.year}|${r.level === "UNIT" ? r.unitId : r.level}`;

/** Every indicator for one unit in one year, against the kommun, the riket and the unit's previous year. */
export function compareUnit(indicators: IndicatorLike[], results: ResultLike[], unitId: string, year: number): ComparisonRow[] {
  const index = new Map(results.map((r) => [keyOf(r), r]));
  const at = (indicatorId: string, y: number, level: ResultLevel, u: string | null = null) => cellOf(index.get(keyOf({ indicatorId, year: y, level, unitId: u })));
  return [...indicators]
    .sort((a, b) => a.position - b.position)
    .map((indicator) => {
      const unit = at(indicator.id, year, "UNIT", unitId);
      const previous = at(indicator.id, year - 1, "UNIT", unitId);
      const kommun = at(indicator.id, year, "KOMMUN");
      const riket = at(indicator.id, year, "RIKET");
      const vsKommun = diff(unit, kommun);
      const vsPrevious = diff(unit, previous);
      return {
        indicator, unit, previous, kommun, riket, vsKommun, vsRiket: diff(unit, riket), vsPrevious,
        verdictKommun: verdictOf(vsKommun, indicator.higherIsBetter),
        verdictPrevious: verdictOf(vsPrevious, indicator.higherIsBetter),
      };
    });
}

export type WeakPoint = {
  indicator: IndicatorLike;
  kommun: number | null;
  /** Units with a number this year, and those of them worse than the kommun. */
  compared: number;
  belowKommun: { unitId: string; value: number }[];
  /** True when more than half of the compared units are worse than the kommun: a "gemensam nämnare". */
  common: boolean;
};

/** Whether "gemensamma nämnare" mean anything for a scope: only across several units ("1 av 1 enheter" does not). */
export const hasCommonDenominators = (unitIds: readonly string[]): boolean => new Set(unitIds).size > 1;

/** Per indicator, how many units are worse than the kommun; the common weak points first (none for a single unit). */
export function commonWeakPoints(indicators: IndicatorLike[], results: ResultLike[], unitIds: string[], year: number): WeakPoint[] {
  const units = new Set(unitIds);
  const several = hasCommonDenominators(unitIds);
  return indicators
    .map((indicator) => {
      const kommun = results.find((r) => r.indicatorId === indicator.id && r.year === year && r.level === "KOMMUN")?.value ?? null;
      const values = results.filter(
        (r): r is ResultLike & { value: number; unitId: string } =>
          r.indicatorId === indicator.id && r.year === year && r.level === "UNIT" && r.unitId !== null && units.has(r.unitId) && r.value !== null,
      );
      const belowKommun =
        kommun === null ? [] : values.filter((r) => verdictOf(r.value - kommun, indicator.higherIsBetter) === "worse").map((r) => ({ unitId: r.unitId, value: r.value }));
      return { indicator, kommun, compared: kommun === null ? 0 : values.length, belowKommun, common: several && belowKommun.length * 2 > values.length && values.length > 0 };
    })
    .sort((a, b) => Number(b.common) - Number(a.common) || b.belowKommun.length - a.belowKommun.length || a.indicator.position - b.indicator.position);
}

export type Effect =
  | { kind: "no-indicator" }
  | { kind: "pending"; baseYear: number; followYear: number }
  | { kind: "no-data"; baseYear: number; followYear: number }
  | { kind: "measured"; baseYear: number; followYear: number; before: number; after: number; change: number; verdict: Verdict };

/**
 * The effect of an action of the cycle `cycleYear`: the action answers that year's results, so its effect is
 * the next year's result against that year's (an action of 2025 is judged by 2026 against 2025).
 * `results` must hold every unit's rows of the indicator: once any unit has a follow-up result, that year is
 * imported, and a unit without a row of its own is "no-data" rather than waiting for ever.
 */
export function effectOf(
  action: { cycleYear: number; indicatorId: string | null; unitId: string | null },
  indicator: { higherIsBetter: boolean } | null,
  results: ResultLike[],
): Effect {
  if (!action.indicatorId || !indicator) return { kind: "no-indicator" };
  const baseYear = action.cycleYear;
  const followYear = action.cycleYear + 1;
  const level: ResultLevel = action.unitId ? "UNIT" : "KOMMUN";
  const find = (year: number) => results.find((r) => r.indicatorId === action.indicatorId && r.year === year && r.level === level && (level !== "UNIT" || r.unitId === action.unitId));
  const after = find(followYear);
  const followImported = results.some((r) => r.indicatorId === action.indicatorId && r.year === followYear && r.level === level);
  if (!after) return { kind: followImported ? "no-data" : "pending", baseYear, followYear };
  const before = find(baseYear);
  if (!before || before.value === null || after.value === null) return { kind: "no-data", baseYear, followYear };
  const change = Math.round((after.value - before.value) * 10) / 10;
  return { kind: "measured", baseYear, followYear, before: before.value, after: after.value, change, verdict: verdictOf(change, indicator.higherIsBetter) };
}

/** "87,5 %" with a Swedish decimal comma. */
export function formatPercent(value: number): string {
  return `${value.toLocaleString("sv-SE", { maximumFractionDigits: 1 })} %`;
}

/** "+2,5" / "−1" / "±0" percentage points. */
export function formatPoints(value: number): string {
  const text = Math.abs(value).toLocaleString("sv-SE", { maximumFractionDigits: 1 });
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : "±0";
}
