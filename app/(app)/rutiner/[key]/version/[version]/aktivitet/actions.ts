"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions";
import { flashPath } from "@/lib/flash";
import { formFields, type FormState } from "@/lib/forms";
import { saveActivity } from "@/lib/routines/draft-mutations";
import { routinePath } from "@/lib/routines/paths";

/** Adds an activity to a draft or changes one, then returns to the editor at that activity. */
export const saveActivityAction = formAction<FormState>({}, async ({ user, data }) => {
  const values = formFields(data);
  const versionId = String(values.versionId ?? "");
  const activityId = String(values.activityId ?? "") || undefined;
  const result = await saveActivity(user, { versionId, activityId, values });
  if (!result.ok) return result;
  // The address comes from the saved draft, never from the form.
  revalidatePath(routinePath(result.routineKey), "layout");
  redirect(flashPath(routinePath(result.routineKey, result.version, "redigera"), "aktivitet-sparad", { hash: `aktivitet-${result.activityId}` }));
});
