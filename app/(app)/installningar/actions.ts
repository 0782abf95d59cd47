"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { keepCurrentSession } from "@/lib/auth/session-cookie";
import { formText, formTexts, type FormState } from "@/lib/forms";
import { setEmailPreference } from "@/lib/reminders/mutations";
import { changeOwnPassword } from "@/lib/users/mutations";

export const saveEmailPreferenceAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await setEmailPreference(user, { emailPreference: formText(data, "emailPreference") });
  if (result.ok) revalidatePath("/installningar");
  return result;
});

/** One's own password: the other sessions end, this one goes on with a renewed cookie. */
export const changeOwnPasswordAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await changeOwnPassword(user, formTexts(data, ["currentPassword", "password", "passwordRepeat"]));
  if (!result.ok) return result;
  await keepCurrentSession(result.sessionVersion);
  return { ok: true, message: result.message };
});
