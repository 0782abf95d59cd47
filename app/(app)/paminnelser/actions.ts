"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { formText, type FormState } from "@/lib/forms";
import { updateReminderOffsets } from "@/lib/reminders/mutations";

export const saveReminderRuleAction = formAction<FormState>({ permission: "routine:manage" }, async ({ user, data }) => {
  const result = await updateReminderOffsets(user, { activityId: formText(data, "activityId"), offsets: formText(data, "offsets") });
  if (result.ok) revalidatePath("/paminnelser");
  return result;
});
