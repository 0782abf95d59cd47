"use server";

import { revalidatePath } from "next/cache";
import { byIntent, formAction } from "@/lib/actions";
import { formString as field, type FormState } from "@/lib/forms";
import { addPhase, moveActivity, movePhase, removeActivity, removePhase, renamePhase } from "@/lib/routines/draft-mutations";
import { updateDraftMetadata } from "@/lib/routines/mutations";
import { routinePath } from "@/lib/routines/paths";

// The form names its routine only so that the right pages are refreshed; a key that is not one refreshes the list.
function refresh(data: FormData) {
  revalidatePath(routinePath(field(data, "routineKey")), "layout");
}

export const updateMetadataAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await updateDraftMetadata(user, { versionId: field(data, "versionId"), title: field(data, "title"), purpose: field(data, "purpose") });
  if (result.ok) refresh(data);
  return result;
});

/** One action for the phase list: the pressed button's intent says what to do. */
export const phaseAction = formAction<FormState>({}, async ({ user, data }) => {
  const versionId = field(data, "versionId");
  const phaseId = field(data, "phaseId");
  const intent = field(data, "intent");
  const result = await byIntent(intent, {
    add: () => addPhase(user, { versionId, name: field(data, "name") }),
    rename: () => renamePhase(user, { versionId, phaseId, name: field(data, "name") }),
    remove: () => removePhase(user, { versionId, phaseId }),
    up: () => movePhase(user, { versionId, phaseId, direction: "up" }),
    down: () => movePhase(user, { versionId, phaseId, direction: "down" }),
  });
  if (result.ok) refresh(data);
  // Field errors of a rename belong to that phase's input, so they are keyed by the phase.
  if (!result.ok && result.errors?.name && intent === "rename") return { ...result, errors: { [`name-${phaseId}`]: result.errors.name } };
  return result;
});

/** Move up, move down or remove an activity of the draft. */
export const activityRowAction = formAction<FormState>({}, async ({ user, data }) => {
  const versionId = field(data, "versionId");
  const activityId = field(data, "activityId");
  const result = await byIntent(field(data, "intent"), {
    remove: () => removeActivity(user, { versionId, activityId }),
    up: () => moveActivity(user, { versionId, activityId, direction: "up" }),
    down: () => moveActivity(user, { versionId, activityId, direction: "down" }),
  });
  if (result.ok) refresh(data);
  return result;
});
