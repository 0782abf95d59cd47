"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { assignRole, createUser, removeRole, setUserActive, setUserPassword, type UserResult } from "@/lib/users/mutations";

type Mutation = (actor: Awaited<ReturnType<typeof requirePermission>>, raw: unknown) => Promise<UserResult>;

// Plain form posts (they work without JavaScript): do the change, then show the result on the page.
async function run(mutation: Mutation, formData: FormData): Promise<never> {
  const actor = await requirePermission("user:manage");
  const result = await mutation(actor, Object.fromEntries(formData));
  revalidatePath("/admin/anvandare");
  const params = new URLSearchParams({ meddelande: result.message, ...(result.ok ? {} : { fel: "1" }) });
  redirect(`/admin/anvandare?${params}`);
}

export async function createUserAction(formData: FormData) {
  await run(createUser, formData);
}
export async function assignRoleAction(formData: FormData) {
  await run(assignRole, formData);
}
export async function removeRoleAction(formData: FormData) {
  await run(removeRole, formData);
}
export async function setActiveAction(formData: FormData) {
  await run(setUserActive, formData);
}
export async function setPasswordAction(formData: FormData) {
  await run(setUserPassword, formData);
}
