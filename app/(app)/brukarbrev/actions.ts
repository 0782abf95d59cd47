"use server";

import { revalidatePath } from "next/cache";
import type { LetterFormState } from "@/components/letters/letter-form";
import { formAction } from "@/lib/actions";
import { formText as field } from "@/lib/forms";
import { recordLetter, undoLetter } from "@/lib/letters/mutations";

const ref = (data: FormData) => ({ unitId: field(data, "unitId"), year: field(data, "year"), letterNumber: field(data, "letterNumber"), version: field(data, "version") });

// A refusal because someone else changed the record also refreshes, so the page shows it as it is now.
function refresh<T>(result: T): T {
  revalidatePath("/brukarbrev", "layout");
  revalidatePath("/checklista", "layout");
  return result;
}

export const recordLetterAction = formAction<LetterFormState>({}, async ({ user, data }) =>
  refresh(
    await recordLetter(user, {
      ...ref(data),
      sentOn: field(data, "sentOn"),
      count: field(data, "count"),
      method: field(data, "method"),
      methodOther: field(data, "methodOther"),
      note: field(data, "note"),
    }),
  ),
);

export const undoLetterAction = formAction<LetterFormState>({}, async ({ user, data }) => refresh(await undoLetter(user, ref(data))));
