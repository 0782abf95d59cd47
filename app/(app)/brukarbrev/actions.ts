"use server";

import { revalidatePath } from "next/cache";
import type { LetterFormState } from "@/components/letters/letter-form";
import { formAction } from "@/lib/actions";
import { formTexts } from "@/lib/forms";
import { recordLetter, undoLetter } from "@/lib/letters/mutations";

const ref = (data: FormData) => formTexts(data, ["unitId", "year", "letterNumber", "version"]);

// A refusal because someone else changed the record also refreshes, so the page shows it as it is now.
function refresh<T>(result: T): T {
  revalidatePath("/brukarbrev", "layout");
  revalidatePath("/checklista", "layout");
  return result;
}

export const recordLetterAction = formAction<LetterFormState>({}, async ({ user, data }) =>
  refresh(await recordLetter(user, { ...ref(data), ...formTexts(data, ["sentOn", "count", "method", "methodOther", "note"]) })),
);

export const undoLetterAction = formAction<LetterFormState>({}, async ({ user, data }) => refresh(await undoLetter(user, ref(data))));
