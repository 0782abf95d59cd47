import { z } from "zod";
import type { DispatchMethod } from "../db/generated/enums.ts";
import { calendarDate } from "../dates/schemas.ts";

export const LETTER_NUMBERS = [1, 2, 3, 4] as const;
/** More letters than this in one unit is a typing error, not a mailing (a unit has tens to a few hundred clients). */
export const MAX_LETTER_COUNT = 5000;
export const NOTE_MAX_LENGTH = 500;

export const DISPATCH_METHOD_LABELS: Record<DispatchMethod, string> = {
  POST: "Post",
  HANDED_OVER: "Lämnat vid besök",
  OTHER: "Annat sätt",
};

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A brukarbrev marked as sent, or a correction of one (with the version the koordinator read). */
export const recordLetterSchema = z
  .object({
    unitId: z.string({ error: "Enheten saknas." }).min(1, "Enheten saknas."),
    year: z.coerce.number({ error: "Cykelåret saknas." }).int("Cykelåret saknas."),
    letterNumber: z.coerce
      .number({ error: "Ange vilket brukarbrev (1–4)." })
      .int("Ange vilket brukarbrev (1–4).")
      .min(1, "Brukarbreven är numrerade 1–4.")
      .max(4, "Brukarbreven är numrerade 1–4."),
    sentOn: calendarDate,
    count: z.preprocess(
      // Written as a decimal number only: Number() would also read "0x10" as 16 and "1e3" as 1000.
      (v) => {
        const value = blankToUndefined(v);
        return typeof value === "string" && !/^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number.NaN : value;
      },
      z.coerce
        .number({ error: "Ange antalet brev med siffror." })
        .int("Antalet ska vara ett heltal.")
        .min(1, "Antalet ska vara minst 1.")
        .max(MAX_LETTER_COUNT, `Antalet kan inte vara större än ${MAX_LETTER_COUNT}; kontrollera siffran.`),
    ),
    method: z.enum(["POST", "HANDED_OVER", "OTHER"], { error: "Välj hur breven skickades." }),
    methodOther: z.preprocess(blankToUndefined, z.string().trim().max(200, "Högst 200 tecken.").optional()),
    note: z.preprocess(blankToUndefined, z.string().trim().max(NOTE_MAX_LENGTH, `Anteckningen får vara högst ${NOTE_MAX_LENGTH} tecken.`).optional()),
    /** The record's version when correcting; absent when marking a letter sent for the first time. */
    version: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).optional()),
  })
  .superRefine((value, ctx) => {
    if (value.method === "OTHER" && !value.methodOther) {
      ctx.addIssue({ code: "custom", path: ["methodOther"], message: "Beskriv hur breven skickades." });
    }
  });

export type RecordLetterInput = z.infer<typeof recordLetterSchema>;

export const undoLetterSchema = z.object({
  unitId: z.string().min(1, "Enheten saknas."),
  year: z.coerce.number().int(),
  letterNumber: z.coerce.number().int().min(1, "Brukarbreven är numrerade 1–4.").max(4, "Brukarbreven är numrerade 1–4."),
  version: z.coerce.number({ error: "Versionen saknas." }).int(),
});

/** The Brukarbrev page's address: the unit and the cycle (?ar=2026 for an ending cycle still open). */
export const letterBoardParamsSchema = z.object({
  enhet: z.string().max(100).optional().catch(undefined),
  ar: z.coerce.number().int().min(2000).max(2200).optional().catch(undefined),
  /** A letter whose form opens at once (the link from a försenad brukarbrev). */
  brev: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
});
