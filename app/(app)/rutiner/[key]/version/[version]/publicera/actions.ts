"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions";
import { formText as field, type FormState } from "@/lib/forms";
import { publishDraft } from "@/lib/routines/publish";

export const publishAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await publishDraft(user, {
    versionId: field(data, "versionId"),
    decidedBy: field(data, "decidedBy"),
    decidedOn: field(data, "decidedOn"),
    documentOwner: field(data, "documentOwner"),
    validity: field(data, "validity"),
    validUntil: field(data, "validUntil"),
    replacesText: field(data, "replacesText"),
    followTasks: field(data, "followTasks"),
  });
  if (!result.ok) return result;
  // The start page, the wheel and every routine page show the active version.
  revalidatePath("/", "layout");
  redirect(`/rutiner/${field(data, "routineKey")}/version/${field(data, "version")}?klart=publicerad`);
});
