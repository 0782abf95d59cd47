"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions";
import { flashPath } from "@/lib/flash";
import { formString as field, type FormState } from "@/lib/forms";
import { routinePath } from "@/lib/routines/paths";
import { createDraft, createRoutine, deleteDraft, importRoutine, updateRoutineColour, updateRoutineStartMonth } from "@/lib/routines/mutations";
import { ROUTINE_UPLOAD } from "@/lib/routines/schemas";
import { sizeProblem } from "@/lib/uploads";

export const createRoutineAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await createRoutine(user, { title: field(data, "title"), key: field(data, "key"), colour: field(data, "colour"), startMonth: field(data, "startMonth") });
  if (!result.ok) return result;
  revalidatePath("/rutiner");
  redirect(flashPath(routinePath(result.key, result.version, "redigera"), "rutin-skapad"));
});

/** "Redigera": opens (or creates) the routine's draft and goes to the editor. */
export const createDraftAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await createDraft(user, { routineId: field(data, "routineId") });
  if (!result.ok) return result;
  revalidatePath("/rutiner");
  redirect(flashPath(routinePath(result.key, result.version, "redigera"), result.created ? "utkast-skapat" : "utkast-fanns"));
});

export const deleteDraftAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await deleteDraft(user, { versionId: field(data, "versionId") });
  if (!result.ok) return result;
  revalidatePath("/rutiner");
  redirect(result.routineDeleted ? flashPath("/rutiner", "rutin-borttagen") : flashPath(routinePath(result.routineKey), "utkast-borttaget"));
});

export const updateColourAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await updateRoutineColour(user, { routineId: field(data, "routineId"), colour: field(data, "colour") });
  if (result.ok) revalidatePath("/", "layout");
  return result;
});

export const updateStartMonthAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await updateRoutineStartMonth(user, { versionId: field(data, "versionId"), startMonth: field(data, "startMonth") });
  if (result.ok) revalidatePath("/", "layout");
  return result;
});

/** Import from an uploaded file or pasted text (the file wins when both are given). */
export const importRoutineAction = formAction<FormState>({}, async ({ user, data }) => {
  const file = data.get("file");
  const fromFile = file instanceof File && file.size > 0;
  // Not read when it is too large; importRoutine checks the text's size again (for pasted text too).
  const tooLarge = fromFile ? sizeProblem(ROUTINE_UPLOAD.limits, file.size) : null;
  if (tooLarge) return { ok: false, message: tooLarge, errors: { file: [tooLarge] } };
  const text = fromFile ? await file.text() : field(data, "json");
  const result = await importRoutine(user, { text });
  if (!result.ok) return result;
  revalidatePath("/rutiner");
  redirect(flashPath(routinePath(result.key, result.version), "importerad"));
});
