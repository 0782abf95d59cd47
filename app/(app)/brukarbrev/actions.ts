"use server";

import { revalidatePath } from "next/cache";
import type { LetterFormState } from "@/components/letters/letter-form";
import { requireUser } from "@/lib/auth/session";
import { formText as field } from "@/lib/forms";
import { recordLetter, undoLetter } from "@/lib/letters/mutations";

const ref = (data: FormData) => ({ unitId: field(data, "unitId"), year: field(data, "year"), letterNumber: field(data, "letterNumber"), version: field(data, "version") });

export async function recordLetterAction(_prev: LetterFormState, data: FormData): Promise<LetterFormState> {
  const user = await requireUser();
  const result = await recordLetter(user, {
    ...ref(data),
    sentOn: field(data, "sentOn"),
    count: field(data, "count"),
    method: field(data, "method"),
    methodOther: field(data, "methodOther"),
    note: field(data, "note"),
  });
  // A refusal because someone else changed the record also refreshes, so the page shows it as it is now.
  revalidatePath("/brukarbrev", "layout");
  revalidatePath("/checklista", "layout");
  return result;
}

export async function undoLetterAction(_prev: LetterFormState, data: FormData): Promise<LetterFormState> {
  const user = await requireUser();
  const result = await undoLetter(user, ref(data));
  revalidatePath("/brukarbrev", "layout");
  revalidatePath("/checklista", "layout");
  return result;
}
