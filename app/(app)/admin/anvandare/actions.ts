"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { postAction, type ActionContext } from "@/lib/actions";
import { flashPath } from "@/lib/flash";
import type { Failure } from "@/lib/forms";
import { codeOfMessage } from "@/lib/users/messages";
import { assignRole, createUser, removeRole, setUserActive, setUserPassword, unlinkOidc, updateUser, type UserResult } from "@/lib/users/mutations";

// Plain form posts (they work without JavaScript): do the change, then show the result on the page by its code
// (never as text in the address, which anyone could write a link with).
function showResult(result: UserResult | Failure): never {
  revalidatePath("/admin/anvandare");
  const code = "code" in result ? result.code : codeOfMessage(result.message);
  redirect(flashPath("/admin/anvandare", code, { about: "userId" in result ? result.userId : undefined }));
}

const userAction = (mutation: (actor: ActionContext["user"], raw: unknown) => Promise<UserResult>) =>
  postAction({ permission: "user:manage", onFailure: showResult }, async ({ user, data }) => showResult(await mutation(user, Object.fromEntries(data))));

export const createUserAction = userAction(createUser);
export const assignRoleAction = userAction(assignRole);
export const removeRoleAction = userAction(removeRole);
export const setActiveAction = userAction(setUserActive);
export const setPasswordAction = userAction(setUserPassword);
export const updateUserAction = userAction(updateUser);
export const unlinkOidcAction = userAction(unlinkOidc);
