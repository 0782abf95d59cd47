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

/** The page's search parameters; anything unknown falls back to the default instead of failing. */
export const checklistParamsSchema = z.object({
  enhet: z.string().max(100).optional().catch(undefined),
  ar: z.coerce.number().int().min(2000).max(2200).optional().catch(undefined),
  filter: z.enum(CHECKLIST_FILTERS).catch("alla").default("alla"),
});
export type ChecklistParams = z.infer<typeof checklistParamsSchema>;
