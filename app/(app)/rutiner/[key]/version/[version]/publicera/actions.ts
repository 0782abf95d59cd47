"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions";
import { flashPath } from "@/lib/flash";
import { formString, formTexts, type FormState } from "@/lib/forms";
import { routinePath } from "@/lib/routines/paths";
import { publishDraft } from "@/lib/routines/publish";

export const publishAction = formAction<FormState>({}, async ({ user, data }) => {
  // One answer per open cycle: the form's follow-YYYY radios.
  const followByYear = Object.fromEntries([...data.keys()].flatMap((k) => (/^follow-\d{4}$/.test(k) ? [[k.slice(7), formString(data, k)]] : [])));
  const result = await publishDraft(user, {
    ...formTexts(data, ["versionId", "decidedBy", "decidedOn", "documentOwner", "validity", "validUntil", "replacesText", "followTasks", "seenLate"]),
    ...(Object.keys(followByYear).length > 0 ? { followByYear } : {}),
  });
  if (!result.ok) return result;
  // The start page, the wheel and every routine page show the active version.
  revalidatePath("/", "layout");
  // The address comes from the published version, never from the form.
  redirect(flashPath(routinePath(result.routineKey, result.version), "publicerad"));
});
