"use server";

import { revalidatePath } from "next/cache";
import { formAction, type ActionContext } from "@/lib/actions";
import type { FormState } from "@/lib/forms";
import { formFields } from "@/lib/forms";
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
