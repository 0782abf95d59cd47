"use server";

import { revalidatePath } from "next/cache";
import { formAction, type ActionContext } from "@/lib/actions";
import { formFields, formString, type FormState } from "@/lib/forms";
import { importOrganisationFile, type WorkbookState } from "@/lib/organisation/import";
import { WORKBOOK_UPLOAD } from "@/lib/organisation/workbook";
import { sizeProblem } from "@/lib/uploads";
import { closeUnit, createArea, createUnit, removeArea, renameArea, reopenUnit, updateUnit, type OrganisationResult } from "@/lib/organisation/mutations";

type Mutation = (actor: ActionContext["user"], raw: unknown, db?: undefined, today?: Date) => Promise<OrganisationResult>;

// Every change of the organisation: organisation:manage, the form's text fields to the domain call, today from the clock.
const organisationAction = (mutation: Mutation) =>
  formAction<FormState>({ permission: "organisation:manage" }, async ({ user, data, today }) => {
    const result = await mutation(user, formFields(data), undefined, today);
    if (result.ok) {
      revalidatePath("/admin/organisation");
      revalidatePath("/", "layout");
    }
    return result;
  });

export const createAreaAction = organisationAction(createArea);
export const renameAreaAction = organisationAction(renameArea);
export const removeAreaAction = organisationAction(removeArea);
export const createUnitAction = organisationAction(createUnit);
export const updateUnitAction = organisationAction(updateUnit);
export const closeUnitAction = organisationAction(closeUnit);
export const reopenUnitAction = organisationAction(reopenUnit);

/** The workbook: preview, then import (the same file again, with the preview's fingerprint). */
export const importWorkbookAction = formAction<WorkbookState>({ permission: "organisation:manage" }, async ({ user, data, today }) => {
  const file = data.get("file");
  if (!(file instanceof File) || file.name === "" || file.size === 0) return { ok: false, message: "Välj arbetsboken (.xlsx) eller ett blad som CSV.", errors: { file: ["Välj en fil."] } };
  const tooLarge = sizeProblem(WORKBOOK_UPLOAD.limits, file.size);
  if (tooLarge) return { ok: false, message: tooLarge, errors: { file: [tooLarge] } };
  const result = await importOrganisationFile(user, { bytes: new Uint8Array(await file.arrayBuffer()), intent: formString(data, "intent"), previewed: formString(data, "fingerprint") }, today);
  if (result?.done) {
    revalidatePath("/admin/organisation");
    revalidatePath("/", "layout");
  }
  return result;
});
