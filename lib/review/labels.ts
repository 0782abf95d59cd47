import type { DeviationCause, ReviewAnswer } from "../db/generated/enums.ts";
import { countCsvRows, type UploadKind } from "../uploads.ts";

// Zod-free, for client components (issue 35); lib/review/schemas re-exports them.

/** The routine's default: five randomly chosen cases per hemtjänstområde. */
export const DEFAULT_SAMPLE_SIZE = 5;
/** A case list: one row per case of the year's hemtjänst, pseudonymous references only. */
export const CASE_LIST_UPLOAD: UploadKind = {
  limits: { maxBytes: 500_000, maxItems: 5000, items: ["rad", "rader"] },
  count: countCsvRows,
  context: "Ärendelistan får bara innehålla pseudonyma ärendereferenser.",
};


export const ANSWER_LABELS: Record<ReviewAnswer, string> = { YES: "Ja", PARTLY: "Delvis", NO: "Nej" };

export const CAUSE_LABELS: Record<DeviationCause, string> = {
  DECLINED_WITHOUT_NOTICE: "Brukaren har tackat nej till insatsen utan att myndighetskontoret har fått veta det",
  NEW_ORDER_MISSING: "Nytt uppdrag saknas efter förändring",
  NOT_PERFORMED: "Hemtjänsten har inte utfört uppdraget",
  OTHER: "Annat",
};

/** The routine's questions, in its order; "Övriga synpunkter" is free text. */
export const QUESTIONS = [
  { field: "receivesGranted", label: "Får du de insatser som du är beviljad?" },
  { field: "plannedTogether", label: "Har insatserna planerats tillsammans med dig?" },
  { field: "arrivesOnTime", label: "Kommer hemtjänsten när de ska?" },
] as const;
export type QuestionField = (typeof QUESTIONS)[number]["field"];
