import type { ReviewCaseState } from "@/lib/db/generated/enums";

export const STATE_LABELS: Record<ReviewCaseState, string> = {
  POOL: "Reserv",
  EXCLUDED: "Undantaget",
  SAMPLED: "I urvalet",
  DECLINED: "Avböjt",
};

/** The status of a case in the sample list, as the handläggare reads it. */
export function interviewStatus(c: { state: ReviewCaseState; interview: { deviation: boolean } | null }): { text: string; tone: string } {
  if (c.state === "DECLINED") return { text: "Avböjt", tone: "bg-slate-200 text-slate-900" };
  if (!c.interview) return { text: "Ej intervjuad", tone: "bg-amber-100 text-amber-900" };
  return c.interview.deviation ? { text: "Avvikelse", tone: "bg-red-100 text-red-900" } : { text: "Ingen avvikelse", tone: "bg-green-100 text-green-900" };
}
