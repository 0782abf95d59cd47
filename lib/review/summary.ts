/**
 * The figures of a review year's summary: how many of how many deviated, why, per area, and the answers to
 * the routine's questions. Pure; tests/unit/review-summary.test.ts covers it.
 */
import type { DeviationCause, ReviewAnswer, ReviewCaseState } from "../db/generated/enums.ts";
import { QUESTIONS, type QuestionField } from "./schemas.ts";
import { formatDateLong } from "../dates/cycle.ts";

export type SummaryCase = {
  areaId: string;
  state: ReviewCaseState;
  exclusionReason: string | null;
  interview: ({ deviation: boolean; deviationCauses: DeviationCause[]; handedOverOn: Date | null; documentedInJournal: boolean } & Record<QuestionField, ReviewAnswer>) | null;
};

export type AreaFigures = { areaId: string; areaName: string; sampled: number; interviewed: number; deviations: number };
export type YearSummary = {
  imported: number;
  excluded: number;
  exclusions: { reason: string; count: number }[];
  sampled: number;
  declined: number;
  interviewed: number;
  deviations: number;
  /** deviations / interviewed, or null before the first interview. */
  deviationShare: number | null;
  causes: { cause: DeviationCause; count: number }[];
  areas: AreaFigures[];
  answers: { field: QuestionField; label: string; counts: Record<ReviewAnswer, number> }[];
  handedOver: number;
  documented: number;
};

const CAUSE_ORDER: DeviationCause[] = ["DECLINED_WITHOUT_NOTICE", "NEW_ORDER_MISSING", "NOT_PERFORMED", "OTHER"];

/** Summarises one year; areas are listed in the given order, also those without cases. */
export function summariseReview(cases: SummaryCase[], areas: { id: string; name: string }[]): YearSummary {
  const interviews = cases.flatMap((c) => (c.state === "SAMPLED" && c.interview ? [c.interview] : []));
  const deviating = interviews.filter((i) => i.deviation);
  const reasons = new Map<string, number>();
  for (const c of cases) {
    if (c.state !== "EXCLUDED") continue;
    // A case may be excluded for several reasons; each is counted.
    for (const r of (c.exclusionReason ?? "Okänd orsak").split(", ")) reasons.set(r, (reasons.get(r) ?? 0) + 1);
  }
  const countIn = (areaId: string, test: (c: SummaryCase) => boolean) => cases.filter((c) => c.areaId === areaId && test(c)).length;
  return {
    imported: cases.length,
    excluded: cases.filter((c) => c.state === "EXCLUDED").length,
    exclusions: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, "sv")),
    sampled: cases.filter((c) => c.state === "SAMPLED").length,
    declined: cases.filter((c) => c.state === "DECLINED").length,
    interviewed: interviews.length,
    deviations: deviating.length,
    deviationShare: interviews.length === 0 ? null : deviating.length / interviews.length,
    causes: CAUSE_ORDER.map((cause) => ({ cause, count: deviating.filter((i) => i.deviationCauses.includes(cause)).length })),
    areas: areas.map((a) => ({
      areaId: a.id,
      areaName: a.name,
      sampled: countIn(a.id, (c) => c.state === "SAMPLED"),
      interviewed: countIn(a.id, (c) => c.state === "SAMPLED" && c.interview !== null),
      deviations: countIn(a.id, (c) => c.state === "SAMPLED" && c.interview?.deviation === true),
    })),
    answers: QUESTIONS.map((q) => ({
      field: q.field,
      label: q.label,
      counts: { YES: interviews.filter((i) => i[q.field] === "YES").length, PARTLY: interviews.filter((i) => i[q.field] === "PARTLY").length, NO: interviews.filter((i) => i[q.field] === "NO").length },
    })),
    handedOver: interviews.filter((i) => i.handedOverOn !== null).length,
    documented: interviews.filter((i) => i.documentedInJournal).length,
  };
}

/** "6 av 20 (30 %)" */
export function formatShare(part: number, whole: number): string {
  if (whole === 0) return "–";
  return `${part} av ${whole} (${Math.round((100 * part) / whole)} %)`;
}

/**
 * The summary's status line (issue 32): "Sammanställd" only once the summary is declared complete, which needs every
 * sampled case interviewed; before that the report says it is preliminary and how far the interviews have come.
 */
export function summaryStatusText(report: { summarisedOn: Date | null; summary: Pick<YearSummary, "sampled" | "interviewed"> }, today: Date): string {
  const { sampled, interviewed } = report.summary;
  if (report.summarisedOn) return `Sammanställd ${formatDateLong(report.summarisedOn)}.`;
  if (sampled > 0 && interviewed >= sampled) return `Alla ${sampled} i urvalet är intervjuade, men sammanställningen är inte markerad som klar. Utskrift ${formatDateLong(today)}.`;
  return `Preliminär: ${interviewed} av ${sampled} i urvalet är intervjuade. Utskrift ${formatDateLong(today)}.`;
}
