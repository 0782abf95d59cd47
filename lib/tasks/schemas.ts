import { z } from "zod";
import { TaskStatus } from "../db/generated/enums.ts";
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

/** The cookie that names the task the user just changed, so the checklist keeps it in view with Ångra. */
export const JUST_CHANGED_COOKIE = "checklista-senast";
export const justChangedSchema = z.string().min(1).max(100).optional().catch(undefined);
