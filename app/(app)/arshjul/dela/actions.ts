"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { flashPath } from "@/lib/flash";
import type { ShareFormState } from "@/components/share/share-forms";
import { formAction } from "@/lib/actions";
import { formText, type FormState } from "@/lib/forms";
import { createShareLink, revokeShareLink } from "@/lib/share/links";

/** Creates a share link; the secret token goes back to the browser once and is never stored. */
export const createShareLinkAction = formAction<ShareFormState>({ permission: "share:manage" }, async ({ user, data, today }) => {
  const result = await createShareLink(user, { name: formText(data, "name"), scope: formText(data, "scope"), layers: data.getAll("layers").filter((v) => typeof v === "string"), endsOn: formText(data, "endsOn") }, undefined, today);
  if (result.ok) revalidatePath("/arshjul/dela");
  return result;
});

export const revokeShareLinkAction = formAction<FormState>({ permission: "share:manage" }, async ({ user, data }) => {
  const linkId = formText(data, "linkId");
  const result = await revokeShareLink(user, { linkId });
  if (!result.ok) return result;
  // The link leaves the list of active links with its form: the page says what happened (a code, never free text).
  revalidatePath("/arshjul/dela");
  redirect(flashPath("/arshjul/dela", "avslutad", { about: linkId, hash: "lankar" }));
});
