"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { postAction, type ActionContext } from "@/lib/actions";
import { assignRole, createUser, removeRole, setUserActive, setUserPassword, type UserResult } from "@/lib/users/mutations";

// Plain form posts (they work without JavaScript): do the change, then show the result on the page.
function showResult(result: UserResult): never {
  revalidatePath("/admin/anvandare");
  const params = new URLSearchParams({ meddelande: result.message, ...(result.ok ? {} : { fel: "1" }) });
  redirect(`/admin/anvandare?${params}`);
}

const userAction = (mutation: (actor: ActionContext["user"], raw: unknown) => Promise<UserResult>) =>
  postAction({ permission: "user:manage", onFailure: showResult }, async ({ user, data }) => showResult(await mutation(user, Object.fromEntries(data))));

export const createUserAction = userAction(createUser);
export const assignRoleAction = userAction(assignRole);
export const removeRoleAction = userAction(removeRole);
export const setActiveAction = userAction(setUserActive);
export const setPasswordAction = userAction(setUserPassword);
