"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { formText, type FormState } from "@/lib/forms";
import { setEmailPreference } from "@/lib/reminders/mutations";

export const saveEmailPreferenceAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await setEmailPreference(user, { emailPreference: formText(data, "emailPreference") });
  if (result.ok) revalidatePath("/installningar");
  return result;
});
