"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions";
import { formFields, type FormState } from "@/lib/forms";
import { saveActivity } from "@/lib/routines/draft-mutations";

/** Adds an activity to a draft or changes one, then returns to the editor at that activity. */
export const saveActivityAction = formAction<FormState>({}, async ({ user, data }) => {
  const values = formFields(data);
  const versionId = String(values.versionId ?? "");
  const activityId = String(values.activityId ?? "") || undefined;
  const result = await saveActivity(user, { versionId, activityId, values });
  if (!result.ok) return result;
  const routineKey = String(values.routineKey ?? "");
  const version = String(values.version ?? "");
  revalidatePath(`/rutiner/${routineKey}`, "layout");
  redirect(`/rutiner/${routineKey}/version/${version}/redigera?klart=aktivitet-sparad#aktivitet-${result.activityId}`);
});
