import type { UploadKind } from "../uploads.ts";

// Zod-free, for client components (issue 35); lib/routines/schemas re-exports them.

/** The activities of a routine file's text, or 0 when it is no routine document (the import then says what is wrong). */
export function countRoutineActivities(text: string): number {
  try {
    const doc: unknown = JSON.parse(text);
    const activities = typeof doc === "object" && doc !== null && "activities" in doc ? doc.activities : undefined;
    return Array.isArray(activities) ? activities.length : 0;
  } catch {
    return 0;
  }
}

/** A routine file (arshjulet-rutin/1): the routines of the hemtjänst have a few dozen activities each. */
export const ROUTINE_UPLOAD: UploadKind = {
  limits: { maxBytes: 500_000, maxItems: 200, items: ["aktivitet", "aktiviteter"] },
  count: countRoutineActivities,
  json: true,
};

/** The longest short name (kortnamn): what the wheel writes on one line at its smallest font. */
export const SHORT_NAME_MAX = 30;
