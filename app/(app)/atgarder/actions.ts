"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { formFields, type FormState } from "@/lib/forms";
import { addImprovementNote, createImprovementAction, updateImprovementAction } from "@/lib/results/mutations";

function done(message: string): FormState {
  revalidatePath("/atgarder");
  revalidatePath("/resultat", "layout");
  revalidatePath("/arshjul", "layout");
  return { ok: true, message };
}

export const createImprovementActionAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await createImprovementAction(user, formFields(data));
  return result.ok ? done("Åtgärden är sparad.") : result;
});

export const updateImprovementActionAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await updateImprovementAction(user, formFields(data));
  return result.ok ? done("Ändringen är sparad.") : result;
});

export const addImprovementNoteAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await addImprovementNote(user, formFields(data));
  return result.ok ? done("Anteckningen är sparad.") : result;
});
