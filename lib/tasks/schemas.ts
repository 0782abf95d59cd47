import { z } from "zod";
import { TaskStatus } from "../db/generated/enums.ts";
import { optionalCalendarDate } from "../dates/schemas.ts";
import { dateFromIso } from "../dates/cycle.ts";
import { COMMENT_MAX_LENGTH, lacksReason, REASON_MAX_LENGTH, REASON_REQUIRED } from "./status.ts";

export { COMMENT_MAX_LENGTH };

const taskRef = {
  taskId: z.string({ error: "Uppgiften saknas." }).trim().min(1, "Uppgiften saknas.").max(100, "Uppgiften finns inte."),
  version: z.coerce
    .number({ error: "Uppgiftens version saknas. Ladda om sidan." })
    .int("Uppgiftens version saknas. Ladda om sidan.")
    .positive("Uppgiftens version saknas. Ladda om sidan."),
};

/** A status change from the checklist; ej aktuell needs a reason. */
export const changeStatusSchema = z
  .object({
    ...taskRef,
    status: z.enum(TaskStatus, { error: "Välj en giltig status." }),
    reason: z
      .string()
      .trim()
      .max(REASON_MAX_LENGTH, `Motiveringen får vara högst ${REASON_MAX_LENGTH} tecken.`)
      .optional()
      .transform((value) => value || undefined),
  })
  .superRefine((input, ctx) => {
    if (lacksReason(input.status, input.reason)) ctx.addIssue({ code: "custom", path: ["reason"], message: REASON_REQUIRED });
  });

/** Ångra of the actor's last status change: which task, at the version the actor read. */
export const undoStatusSchema = z.object(taskRef);

/** A comment on a task. */
export const addCommentSchema = z.object({
  ...taskRef,
  comment: z
    .string({ error: "Skriv en kommentar." })
    .trim()
    .min(1, "Skriv en kommentar.")
    .max(COMMENT_MAX_LENGTH, `Kommentaren får vara högst ${COMMENT_MAX_LENGTH} tecken.`),
});

export type ChangeStatusInput = z.infer<typeof changeStatusSchema>;
export type AddCommentInput = z.infer<typeof addCommentSchema>;

/** The checklist filters as they appear in the address (?filter=…). */
export const CHECKLIST_FILTERS = ["alla", "att-gora", "forsenade", "klara", "ej-aktuella"] as const;
export type ChecklistFilter = (typeof CHECKLIST_FILTERS)[number];

export const CHECKLIST_FILTER_LABELS: Record<ChecklistFilter, string> = {
  alla: "Alla",
  "att-gora": "Att göra",
  forsenade: "Försenade",
  klara: "Klara",
  "ej-aktuella": "Ej aktuella",
};

/** Whose tasks of a list are shown: those the user may change (the default), or the whole unit's (?visa=enhet). */
export const CHECKLIST_VIEWS = ["mina", "enhet"] as const;
export type ChecklistView = (typeof CHECKLIST_VIEWS)[number];

/** The page's search parameters; anything unknown falls back to the default instead of failing. */
export const checklistParamsSchema = z.object({
  enhet: z.string().max(100).optional().catch(undefined),
  ar: z.coerce.number().int().min(2000).max(2200).optional().catch(undefined),
  filter: z.enum(CHECKLIST_FILTERS).catch("alla").default("alla"),
  visa: z.enum(CHECKLIST_VIEWS).catch("mina").default("mina"),
});
export type ChecklistParams = z.infer<typeof checklistParamsSchema>;

/**
 * The list of försenade (/checklista/forsenade): of one open cycle (`ar`) or all, and "mina" (what the user may
 * change: the menu's badge) or "alla" (what the user may read: the overview's figures). docs/decisions/020.
 */
export const overdueListParamsSchema = z.object({
  ar: z.coerce.number().int().min(2000).max(2200).optional().catch(undefined),
  visa: z.enum(["mina", "alla"]).catch("mina").default("mina"),
});
export type OverdueListParams = z.infer<typeof overdueListParamsSchema>;

/** The cookie that names the task the user just changed, so the checklist keeps it in view with Ångra. */
export const JUST_CHANGED_COOKIE = "checklista-senast";
export const justChangedSchema = z.string().min(1).max(100).optional().catch(undefined);

export const PLAN_TEXT_MAX_LENGTH = 200;
export const TIME_WITHOUT_DATE = "Ange ett datum när du anger en tid.";
const planText = (what: string) =>
  z
    .string()
    .trim()
    .max(PLAN_TEXT_MAX_LENGTH, `${what} får vara högst ${PLAN_TEXT_MAX_LENGTH} tecken.`)
    .optional()
    .transform((value) => value || null);

/**
 * A task's plan: a real date, an optional start time (TT:MM), place and who leads it. An empty date with nothing
 * else removes the plan; a time (or place, or leader) without a date is refused.
 */
export const planTaskSchema = z
  .object({
    ...taskRef,
    plannedOn: optionalCalendarDate.transform((value) => (value ? dateFromIso(value) : null)),
    plannedTime: z
      .string()
      .trim()
      .regex(/^(?:|([01]\d|2[0-3])[:.][0-5]\d)$/, "Tiden ska skrivas TT:MM, till exempel 14:00.")
      .optional()
      .transform((value) => (value ? value.replace(".", ":") : null)),
    plannedPlace: planText("Platsen"),
    plannedLead: planText("Vem som leder"),
  })
  .superRefine((input, ctx) => {
    if (input.plannedOn) return;
    if (input.plannedTime) ctx.addIssue({ code: "custom", path: ["plannedTime"], message: TIME_WITHOUT_DATE });
    else if (input.plannedPlace || input.plannedLead) ctx.addIssue({ code: "custom", path: ["plannedOn"], message: "Ange ett datum för planen." });
  });
export type PlanTaskInput = z.infer<typeof planTaskSchema>;

/** The roles a unit's own activity can be given: the unit's own roles. */
export const LOCAL_ACTIVITY_ROLES = ["ENHETSCHEF", "KOORDINATOR"] as const;
/** The kinds a unit's own activity can have: a day-bound kind counts in the planning check (lib/tasks/plan.ts). */
export const LOCAL_ACTIVITY_KINDS = ["USER_CAFE", "MEETING", "APT", "WORKSHOP", "CHECKLIST"] as const;
export const LOCAL_TITLE_MAX_LENGTH = 200;
export const MONTH_OUT_OF_RANGE = "Välj en månad mellan 1 och 12.";

/**
 * A unit's own activity: title, phase (routine/phase), a date or a month, and the responsible role. With a date
 * the month is the date's; without one a month 1–12 is needed.
 */
export const localActivitySchema = z
  .object({
    unitId: z.string({ error: "Välj en enhet." }).trim().min(1, "Välj en enhet.").max(100, "Enheten finns inte."),
    title: z.string({ error: "Skriv en rubrik." }).trim().min(1, "Skriv en rubrik.").max(LOCAL_TITLE_MAX_LENGTH, `Rubriken får vara högst ${LOCAL_TITLE_MAX_LENGTH} tecken.`),
    description: planText("Beskrivningen"),
    phase: z.string({ error: "Välj en fas." }).trim().min(1, "Välj en fas.").max(200, "Välj en fas."),
    date: optionalCalendarDate.transform((value) => (value ? dateFromIso(value) : null)),
    month: z.preprocess(
      (v) => (v === "" || v === undefined || v === null ? undefined : v),
      z.coerce.number({ error: MONTH_OUT_OF_RANGE }).int(MONTH_OUT_OF_RANGE).min(1, MONTH_OUT_OF_RANGE).max(12, MONTH_OUT_OF_RANGE).optional(),
    ),
    responsibleRole: z.enum(LOCAL_ACTIVITY_ROLES, { error: "Välj enhetschef eller koordinator som ansvarig." }),
    kind: z.preprocess((v) => (v === "" || v === undefined ? "CHECKLIST" : v), z.enum(LOCAL_ACTIVITY_KINDS, { error: "Välj ett slag i listan." })),
  })
  .superRefine((input, ctx) => {
    if (!input.date && input.month === undefined) ctx.addIssue({ code: "custom", path: ["month"], message: "Ange ett datum eller en månad." });
  });
export type LocalActivityInput = z.infer<typeof localActivitySchema>;
