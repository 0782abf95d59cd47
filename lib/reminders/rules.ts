import { z } from "zod";

/** The routine's default: 14 days before, on the due date, and 7 days after if still not done. */
export const DEFAULT_REMINDER_OFFSETS = [-14, 0, 7] as const;
export const MAX_REMINDERS = 5;
export const MAX_OFFSET_DAYS = 90;

const offset = z
  .number({ error: "Varje påminnelse anges som ett antal dagar." })
  .int("Antalet dagar måste vara ett heltal.")
  .min(-MAX_OFFSET_DAYS, `En påminnelse kan ligga högst ${MAX_OFFSET_DAYS} dagar före förfallodagen.`)
  .max(MAX_OFFSET_DAYS, `En påminnelse kan ligga högst ${MAX_OFFSET_DAYS} dagar efter förfallodagen.`);

/** Reminder days relative to the due date, stored sorted and without repeats. */
export const reminderOffsetsSchema = z
  .array(offset, { error: "Påminnelserna ska vara en lista med antal dagar." })
  .max(MAX_REMINDERS, `Högst ${MAX_REMINDERS} påminnelser per aktivitet.`)
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));

/** "-14, 0, 7" (also with a typographic minus, semicolons or spaces) → numbers; a word that is no whole number is an error. */
export const offsetsTextSchema = z
  .string({ error: "Ange påminnelserna som antal dagar, t.ex. -14, 0, 7." })
  .max(200, "Texten är för lång.")
  .transform((text, ctx) => {
    const words = text.replace(/[\u2212\u2013]/g, "-").split(/[\s,;]+/).filter(Boolean);
    const days: number[] = [];
    for (const word of words) {
      if (!/^[+-]?\d{1,3}$/.test(word)) {
        ctx.addIssue({ code: "custom", message: `"${word}" är inte ett heltal. Skriv t.ex. -14, 0, 7.` });
        return z.NEVER;
      }
      days.push(Number(word));
    }
    return days;
  })
  .pipe(reminderOffsetsSchema);

/** The form of one activity's reminders on the reminder-rules page. */
export const reminderRuleSchema = z.object({
  activityId: z.string({ error: "Aktiviteten saknas." }).min(1, "Aktiviteten saknas."),
  offsets: offsetsTextSchema,
});

/** "14 dagar före", "på förfallodagen", "1 dag efter". */
export function describeOffset(days: number): string {
  if (days === 0) return "på förfallodagen";
  const n = Math.abs(days);
  return `${n} ${n === 1 ? "dag" : "dagar"} ${days < 0 ? "före" : "efter"}`;
}

/** "14 dagar före, på förfallodagen och 7 dagar efter"; an empty list reads "inga påminnelser". */
export function describeOffsets(days: readonly number[]): string {
  if (days.length === 0) return "inga påminnelser";
  const parts = days.map(describeOffset);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} och ${parts.at(-1)}`;
}

/** The offsets as the form shows them: "-14, 0, 7". */
export function formatOffsets(days: readonly number[]): string {
  return days.join(", ");
}

export function isDefaultOffsets(days: readonly number[]): boolean {
  return days.length === DEFAULT_REMINDER_OFFSETS.length && days.every((d, i) => d === DEFAULT_REMINDER_OFFSETS[i]);
}
