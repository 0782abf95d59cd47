"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms";
import { requireUser } from "@/lib/auth/session";
import { formText } from "@/lib/forms";
import { setEmailPreference } from "@/lib/reminders/mutations";

export async function saveEmailPreferenceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const result = await setEmailPreference(user, { emailPreference: formText(formData, "emailPreference") });
  if (result.ok) revalidatePath("/installningar");
  return result;
}
