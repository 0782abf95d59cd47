import { z } from "zod";
import { ActivityKind, ActivityScope, Role, Timing } from "../db/generated/enums.ts";
import { reminderOffsetsSchema } from "../reminders/rules.ts";
import { calendarDate, isoDateText } from "../dates/schemas.ts";
import { fieldErrorsOf } from "../forms.ts";
import { slugify } from "../slug.ts";

export { countRoutineActivities, ROUTINE_UPLOAD, SHORT_NAME_MAX } from "./limits.ts";
import { SHORT_NAME_MAX } from "./limits.ts";

const month = z
  .number({ error: "Månaden måste vara ett tal 1–12." })
  .int("Månaden måste vara ett heltal 1–12.")
  .min(1, "Månaden måste vara 1–12.")
  .max(12, "Månaden måste vara 1–12.");

const isoDate = isoDateText();
/** A routine's or a phase's or an activity's key: also a segment of the routine pages' paths. */
export const keySchema = z
  .string({ error: "Nyckeln saknas." })
  .regex(/^[a-z0-9-]+$/, "Nyckeln får bara innehålla a–z, 0–9 och bindestreck.")
  .max(80, "Nyckeln får vara högst 80 tecken.");
const key = keySchema;


export const activitySchema = z
  .object({
    key,
    phase: key,
    title: z.string({ error: "Aktiviteten behöver en rubrik." }).trim().min(1, "Aktiviteten behöver en rubrik.").max(200, "Rubriken får vara högst 200 tecken."),
    // The name on the wheel, the agenda and the print: whole words a reader knows the activity by (issue 33).
    shortName: z.string({ error: "Kortnamnet ska vara text." }).trim().max(SHORT_NAME_MAX, `Kortnamnet får vara högst ${SHORT_NAME_MAX} tecken.`).optional(),
    description: z.string({ error: "Beskrivningen ska vara text." }).trim().max(4000, "Beskrivningen får vara högst 4000 tecken.").optional(),
    responsibleRole: z.enum(Role, { error: "Okänd ansvarig roll." }).nullable(),
    timing: z.enum(Timing, { error: "Tidpunkten måste vara MONTH, SPAN eller CONTINUOUS." }),
    startMonth: month.nullable(),
    endMonth: month.nullable(),
    scope: z.enum(ActivityScope, { error: "Okänd omfattning." }),
    kind: z.enum(ActivityKind, { error: "Okänd typ av aktivitet." }),
    letterNumber: z.number({ error: "Brukarbrev numreras 1–4." }).int("Brukarbrev numreras 1–4.").min(1, "Brukarbrev numreras 1–4.").max(4, "Brukarbrev numreras 1–4.").optional(),
    templateRef: z.string().trim().max(500, "Mallänken får vara högst 500 tecken.").optional(),
    note: z.string().trim().max(2000, "Anteckningen får vara högst 2000 tecken.").optional(),
    // Days relative to the due date; absent means the default (14 before, on the day, 7 after).
    reminderOffsets: reminderOffsetsSchema.optional(),
  })
  .superRefine((a, ctx) => {
    if ((a.startMonth === null) !== (a.endMonth === null)) {
      ctx.addIssue({ code: "custom", path: ["endMonth"], message: "Ange både start- och slutmånad, eller ingen av dem." });
    }
    if (a.startMonth !== null && a.endMonth !== null && a.endMonth < a.startMonth) {
      ctx.addIssue({ code: "custom", path: ["endMonth"], message: "Perioden slutar före den börjar." });
    }
    if (a.timing === "MONTH" && a.startMonth !== a.endMonth) {
      ctx.addIssue({ code: "custom", path: ["endMonth"], message: "En aktivitet en enskild månad har samma start- och slutmånad." });
    }
    if ((a.kind === "LETTER") !== (a.letterNumber !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["letterNumber"], message: "Brukarbrev (och bara de) har ett nummer 1–4." });
    }
  });

/** A routine as exchanged by JSON import/export; the seed uses the same format. */
export const routineDocumentSchema = z
  .object({
    format: z.literal("arshjulet-rutin/1", { error: "Okänt filformat: förväntade arshjulet-rutin/1." }),
    key,
    title: z.string({ error: "Rutinen behöver en titel." }).trim().min(1, "Rutinen behöver en titel.").max(200, "Titeln får vara högst 200 tecken."),
    colour: z.string().regex(/^#[0-9a-f]{6}$/i, "Färgen anges som #rrggbb.").default("#1d4ed8"),
    // The month the routine's year starts in (docs/decisions/014-routine-start-month.md); kept on the routine, so it
    // is read when the routine is first imported and a later version's file cannot move tasks between cycles.
    startMonth: z.number({ error: "Startmånaden anges som ett tal 1–12." }).int("Startmånaden anges som ett tal 1–12.").min(1, "Startmånaden anges som ett tal 1–12.").max(12, "Startmånaden anges som ett tal 1–12.").optional(),
    // Missing metadata reads as "not stated" (null), so a hand-written file needs only what it knows.
    version: z
      .object({
        decidedBy: z.string().trim().max(200, "Högst 200 tecken.").nullable().default(null),
        decidedOn: isoDate.nullable().default(null),
        documentOwner: z.string().trim().max(200, "Högst 200 tecken.").nullable().default(null),
        validUntil: isoDate.nullable().default(null),
        replacesText: z.string().trim().max(200, "Högst 200 tecken.").nullable().default(null),
        purpose: z.string().trim().max(4000, "Högst 4000 tecken.").nullable().default(null),
      })
      .prefault({}),
    phases: z
      .array(z.object({ key, name: z.string({ error: "Fasen behöver ett namn." }).trim().min(1, "Fasen behöver ett namn.").max(100, "Fasens namn får vara högst 100 tecken.") }), { error: "Faserna ska vara en lista." })
      .min(1, "Rutinen behöver minst en fas."),
    activities: z.array(activitySchema, { error: "Aktiviteterna ska vara en lista." }),
  })
  .superRefine((r, ctx) => {
    const phaseKeys = new Set(r.phases.map((p) => p.key));
    if (phaseKeys.size !== r.phases.length) ctx.addIssue({ code: "custom", path: ["phases"], message: "Två faser har samma nyckel." });
    const seen = new Set<string>();
    r.activities.forEach((a, i) => {
      if (!phaseKeys.has(a.phase)) {
        ctx.addIssue({ code: "custom", path: ["activities", i, "phase"], message: `Fasen "${a.phase}" finns inte i rutinen.` });
      }
      if (seen.has(a.key)) ctx.addIssue({ code: "custom", path: ["activities", i, "key"], message: `Nyckeln "${a.key}" används två gånger.` });
      seen.add(a.key);
    });
  });

export type RoutineDocument = z.infer<typeof routineDocumentSchema>;
export type ActivityInput = z.infer<typeof activitySchema>;

// ─── Forms of the routine editor ─────────────────────────────────────────────

const colour = z.string().regex(/^#[0-9a-f]{6}$/i, "Färgen anges som #rrggbb.");

const START_MONTH_MESSAGE = "Välj den månad rutinens år börjar i.";
/** A routine's start month from a form: 1–12 (docs/decisions/021-start-month-in-the-app.md). */
const startMonth = z.coerce.number({ error: START_MONTH_MESSAGE }).int(START_MONTH_MESSAGE).min(1, START_MONTH_MESSAGE).max(12, START_MONTH_MESSAGE);

export const newRoutineSchema = z.object({
  title: z.string().trim().min(1, "Rutinen behöver en titel.").max(200, "Titeln får vara högst 200 tecken."),
  key: z.string().trim().min(1, "Ange en nyckel, t.ex. kvalitetssakring-hemtjanst.").pipe(key),
  colour,
  startMonth: startMonth.default(1),
});

export const routineStartMonthSchema = z.object({ versionId: z.string().min(1), startMonth });

export const routineColourSchema = z.object({ routineId: z.string().min(1), colour });

export const draftMetadataSchema = z.object({
  versionId: z.string().min(1),
  title: z.string().trim().min(1, "Versionen behöver en titel.").max(200, "Titeln får vara högst 200 tecken."),
  purpose: z.string().trim().max(4000, "Syftet får vara högst 4000 tecken."),
});

export const phaseNameSchema = z.object({
  name: z.string().trim().min(1, "Fasen behöver ett namn.").max(100, "Fasens namn får vara högst 100 tecken."),
});

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, message).optional());

export const publishSchema = z
  .object({
    versionId: z.string().min(1),
    decidedBy: z.string().trim().min(1, "Ange vem som beslutade dokumentet.").max(200, "Högst 200 tecken."),
    decidedOn: z.string().min(1, "Ange beslutsdatum.").pipe(calendarDate),
    documentOwner: z.string().trim().min(1, "Ange dokumentansvarig.").max(200, "Högst 200 tecken."),
    validity: z.enum(["tills-vidare", "till-datum"], { error: "Välj hur länge dokumentet gäller." }),
    validUntil: z.preprocess((v) => (v === "" ? undefined : v), calendarDate.optional()),
    replacesText: optionalText(200, "Högst 200 tecken."),
    followTasks: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["ja", "nej"], { error: "Välj ja eller nej." }).optional()),
    /** The answer per open cycle (the form's follow-YYYY radios); a year without one takes followTasks. */
    followByYear: z.record(z.string().regex(/^\d{4}$/), z.enum(["ja", "nej"], { error: "Välj ja eller nej." })).optional(),
    /** The late-created tasks the preview listed ("2026:activity-key/assignee", comma-separated). */
    seenLate: z.string().max(100_000).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.validity === "till-datum" && !p.validUntil) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "Ange till vilket datum dokumentet gäller." });
    }
    if (p.validity === "till-datum" && p.validUntil && p.validUntil <= p.decidedOn) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "Giltigheten måste sluta efter beslutsdatumet." });
    }
  });
export type PublishInput = z.infer<typeof publishSchema>;

type FormValues = Record<string, unknown>;
const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const monthValue = (v: unknown) => (text(v) === undefined ? null : Number(text(v)));

/**
 * Reads the activity form into the shape activitySchema validates. An empty key is derived from the title
 * (generatedKey tells the caller to make it unique); a single-month activity may leave its end month empty.
 */
export function parseActivityForm(values: FormValues) {
  const title = typeof values.title === "string" ? values.title : "";
  const givenKey = text(values.key);
  const timing = text(values.timing);
  const startMonth = monthValue(values.startMonth);
  const kind = text(values.kind);
  const candidate = {
    key: givenKey ?? slugify(title),
    phase: text(values.phase) ?? "",
    title,
    shortName: text(values.shortName),
    description: text(values.description),
    responsibleRole: text(values.responsibleRole) ?? null,
    timing,
    startMonth,
    endMonth: timing === "MONTH" && text(values.endMonth) === undefined ? startMonth : monthValue(values.endMonth),
    scope: text(values.scope),
    kind,
    letterNumber: kind === "LETTER" && text(values.letterNumber) !== undefined ? Number(text(values.letterNumber)) : undefined,
    templateRef: text(values.templateRef),
    note: text(values.note),
  };
  const parsed = activitySchema.safeParse(candidate);
  if (!parsed.success && !text(values.phase)) {
    // The phase select's own message reads better than the key pattern's.
    return { success: false as const, errors: { ...fieldErrorsOf(parsed.error), phase: ["Välj en fas."] }, generatedKey: !givenKey };
  }
  return parsed.success
    ? { success: true as const, data: parsed.data, generatedKey: !givenKey }
    : { success: false as const, errors: fieldErrorsOf(parsed.error), generatedKey: !givenKey };
}
