"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms";
import { requireUser } from "@/lib/auth/session";
import { addImprovementNote, createImprovementAction, updateImprovementAction } from "@/lib/results/mutations";

const fields = (data: FormData) => Object.fromEntries([...data.entries()].filter(([, v]) => typeof v === "string"));

function done(message: string): FormState {
  revalidatePath("/atgarder");
  revalidatePath("/resultat", "layout");
  revalidatePath("/arshjul", "layout");
  return { ok: true, message };
}

export async function createImprovementActionAction(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await requireUser();
  const result = await createImprovementAction(user, fields(data));
  return result.ok ? done("Åtgärden är sparad.") : result;
}

export async function updateImprovementActionAction(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await requireUser();
  const result = await updateImprovementAction(user, fields(data));
  return result.ok ? done("Ändringen är sparad.") : result;
}

export async function addImprovementNoteAction(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await requireUser();
  const result = await addImprovementNote(user, fields(data));
  return result.ok ? done("Anteckningen är sparad.") : result;
}
