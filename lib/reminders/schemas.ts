import { z } from "zod";
import { EmailPreference } from "../db/generated/enums.ts";

export { reminderRuleSchema } from "./rules.ts";
export { EMAIL_PREFERENCE_LABELS } from "./labels.ts";

export const emailPreferenceSchema = z.object({
  emailPreference: z.enum(EmailPreference, { error: "Välj vilken e-post du vill få." }),
});


export type ReminderResult = { ok: true; message: string } | { ok: false; message: string; errors?: Record<string, string[]> };

