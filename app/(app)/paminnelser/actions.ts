"use server";

import { revalidatePath } from "next/cache";
import type { ReminderRulesState } from "@/components/reminders/reminder-rules-form";
import { formAction } from "@/lib/actions";
import { formText } from "@/lib/forms";
import { offsetsField, updateManyReminderOffsets } from "@/lib/reminders/mutations";

/** One Spara for a routine's reminder days: every row posted, only the changed ones written (each audited). */
export const saveReminderRulesAction = formAction<ReminderRulesState>({ permission: "routine:manage" }, async ({ user, data }) => {
  const ids = [...new Set(data.getAll("activityId").filter((id): id is string => typeof id === "string"))];
  const rows = ids.map((activityId) => ({ activityId, offsets: formText(data, offsetsField(activityId)) }));
  const result = await updateManyReminderOffsets(user, rows);
  if (result.ok) {
    revalidatePath("/paminnelser");
    return result;
  }
  // What was typed comes back, so that a refused save loses nothing (also without JavaScript).
  return { ...result, values: Object.fromEntries(rows.map((r) => [r.activityId, r.offsets ?? ""])) };
});
