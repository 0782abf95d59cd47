import type { ImprovementStatus } from "../db/generated/enums.ts";
import { countCsvRows, type UploadKind } from "../uploads.ts";

// Zod-free, for client components (issue 35); lib/results/schemas re-exports them.

/** A results file: a year of Kolada's export for a municipality is a few thousand rows. */
export const RESULTS_UPLOAD: UploadKind = {
  limits: { maxBytes: 1_000_000, maxItems: 10_000, items: ["rad", "rader"] },
  count: countCsvRows,
  context: "En resultatfil innehåller bara indikatorer, enheter och värden.",
};

export const IMPROVEMENT_STATUS_LABELS: Record<ImprovementStatus, string> = {
  PLANNED: "Planerad",
  IN_PROGRESS: "Pågår",
  DONE: "Genomförd",
  CANCELLED: "Avbruten",
};

/**
 * The one results threshold (issue 32): a difference smaller than this many percentage points counts as no
 * difference, against the previous year, against the kommun (and so towards gemensamma nämnare) and in the effect follow-up.
 */
export const UNCHANGED_MARGIN = 1;
/** How the pages say UNCHANGED_MARGIN. */
export const UNCHANGED_MARGIN_TEXT = `En skillnad under ${UNCHANGED_MARGIN} procentenhet räknas som ingen skillnad, både mot kommunen och mot förra året.`;
