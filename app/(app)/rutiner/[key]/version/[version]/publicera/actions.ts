"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions";
import { formText as field, formTexts, type FormState } from "@/lib/forms";
import { publishDraft } from "@/lib/routines/publish";

export const publishAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await publishDraft(
    user,
    formTexts(data, ["versionId", "decidedBy", "decidedOn", "documentOwner", "validity", "validUntil", "replacesText", "followTasks"]),
  );
  if (!result.ok) return result;
  // The start page, the wheel and every routine page show the active version.
  revalidatePath("/", "layout");
  redirect(`/rutiner/${field(data, "routineKey")}/version/${field(data, "version")}?klart=publicerad`);
});
