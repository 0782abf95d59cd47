import { z } from "zod";
import { DeviationCause, ReviewAnswer } from "../db/generated/enums.ts";
import { calendarDate, optionalCalendarDate } from "../dates/schemas.ts";
import { containsIdentityNumber, IDENTITY_NUMBER_MESSAGE } from "../personal-data.ts";

export { ANSWER_LABELS, CASE_LIST_UPLOAD, CAUSE_LABELS, DEFAULT_SAMPLE_SIZE, QUESTIONS, type QuestionField } from "./labels.ts";

export const reviewYearSchema = z.coerce
  .number({ error: "Ange ett år." })
  .int("Året ska vara ett heltal.")
  .min(2000, "Ange ett år från 2000.")
  .max(2100, "Ange ett år till och med 2100.");

/** A year from the address (?ar=2025 or /2025), or undefined. */
export function yearParam(value: string | string[] | undefined): number | undefined {
  return typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : undefined;
}

const id = (message: string) => z.string({ error: message }).trim().min(1, message).max(100, message);

/** Free text about a case: never a personnummer, since the module keeps only pseudonymous data. */
const caseText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Högst ${max} tecken.`)
    .refine((v) => !containsIdentityNumber(v), IDENTITY_NUMBER_MESSAGE)
    .optional()
    .transform((v) => v || null);

export const drawSchema = z.object({
  year: reviewYearSchema,
  sampleSizePerArea: z.coerce
    .number({ error: "Ange hur många ärenden per område." })
    .int("Ange ett heltal.")
    .min(1, "Urvalet måste vara minst 1 ärende per område.")
    .max(50, "Urvalet får vara högst 50 ärenden per område."),
  // Empty: a fresh seed is generated. Given: the same seed repeats an earlier draw.
  randomSeed: z
    .string()
    .trim()
    .max(64, "Fröet får vara högst 64 tecken.")
    .regex(/^[A-Za-z0-9-]*$/, "Fröet får bara innehålla A–Z, 0–9 och bindestreck.")
    .optional()
    .transform((v) => v || null),
});
export type DrawInput = z.infer<typeof drawSchema>;

export const declineSchema = z.object({
  caseId: id("Ärendet saknas."),
  reason: z
    .string({ error: "Ange varför brukaren inte vill medverka." })
    .trim()
    .min(1, "Ange varför brukaren inte vill medverka.")
    .max(500, "Högst 500 tecken.")
    .refine((v) => !containsIdentityNumber(v), IDENTITY_NUMBER_MESSAGE),
});
export type DeclineInput = z.infer<typeof declineSchema>;

/** Refused when the answers say the ordered services are not (all) given but the form says there is no deviation. */
export const NOT_RECEIVED_IS_DEVIATION =
  "Svaren säger att brukaren inte får alla beviljade insatser, och det är en avvikelse från beställningen. Välj Ja, avvikelse och en orsak, eller ändra svaret på den första frågan.";

const answer = z.enum(ReviewAnswer, { error: "Välj ja, delvis eller nej." });

export const interviewSchema = z
  .object({
    caseId: id("Ärendet saknas."),
    interviewedOn: z.string({ error: "Ange intervjudatum." }).trim().min(1, "Ange intervjudatum.").pipe(calendarDate),
    receivesGranted: answer,
    receivesGrantedText: caseText(1000),
    plannedTogether: answer,
    plannedTogetherText: caseText(1000),
    arrivesOnTime: answer,
    arrivesOnTimeText: caseText(1000),
    otherComments: caseText(2000),
    deviation: z.preprocess((v) => v === "ja" || v === "on" || v === true, z.boolean()),
    deviationCauses: z.array(z.enum(DeviationCause, { error: "Okänd orsak." })).default([]),
    deviationOtherText: caseText(500),
    handedOverOn: optionalCalendarDate,
    documentedInJournal: z.preprocess((v) => v === "on" || v === "ja" || v === true, z.boolean()),
    // 0 for a new interview; otherwise the version the form was read at.
    version: z.coerce.number({ error: "Ladda om sidan." }).int("Ladda om sidan.").min(0, "Ladda om sidan.").default(0),
  })
  .superRefine((v, ctx) => {
    if (v.deviation && v.deviationCauses.length === 0) {
      ctx.addIssue({ code: "custom", path: ["deviationCauses"], message: "Välj minst en orsak till avvikelsen." });
    }
    // The review asks whether the ordered services are performed: "Nej" or "Delvis" to that is a deviation (issue 32).
    if (!v.deviation && v.receivesGranted !== "YES") {
      ctx.addIssue({ code: "custom", path: ["deviation"], message: NOT_RECEIVED_IS_DEVIATION });
    }
    if (!v.deviation && v.deviationCauses.length > 0) {
      ctx.addIssue({ code: "custom", path: ["deviationCauses"], message: "Orsaker anges bara när intervjun visar en avvikelse." });
    }
    if (v.deviationCauses.includes("OTHER") && !v.deviationOtherText) {
      ctx.addIssue({ code: "custom", path: ["deviationOtherText"], message: "Beskriv den andra orsaken." });
    }
    if (v.handedOverOn && v.handedOverOn < v.interviewedOn) {
      ctx.addIssue({ code: "custom", path: ["handedOverOn"], message: "Överlämningen kan inte vara före intervjun." });
    }
  });
export type InterviewInput = z.infer<typeof interviewSchema>;


/** The summary declared complete on a day (empty: today), or the declaration taken back (undo). */
export const summariseSchema = z.object({
  year: reviewYearSchema,
  summarisedOn: optionalCalendarDate,
  undo: z.preprocess((v) => v === "1" || v === "on" || v === true, z.boolean()),
});
