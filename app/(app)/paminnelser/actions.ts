"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms";
import { requirePermission } from "@/lib/auth/session";
import { formText } from "@/lib/forms";
import { updateReminderOffsets } from "@/lib/reminders/mutations";

export async function saveReminderRuleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requirePermission("routine:manage");
  const result = await updateReminderOffsets(user, { activityId: formText(formData, "activityId"), offsets: formText(formData, "offsets") });
  if (result.ok) revalidatePath("/paminnelser");
  return result;
}
