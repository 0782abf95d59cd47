"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { postAction } from "@/lib/actions";
import { flashPath } from "@/lib/flash";
import type { Failure } from "@/lib/forms";
import { createDirectoryMapping, directoryCodeOf, removeDirectoryMapping, type DirectoryResult } from "@/lib/users/directory-mappings";

// Plain form posts, as on /admin/anvandare: the result is shown on the page by its code, never as text in the address.
function showResult(result: DirectoryResult | Failure): never {
  revalidatePath("/admin/inloggning");
  const code = "code" in result ? result.code : directoryCodeOf(result.message);
  redirect(flashPath("/admin/inloggning", code, { hash: "roller-fran-katalogen" }));
}

export const createDirectoryMappingAction = postAction({ permission: "user:manage", onFailure: showResult }, async ({ user, data }) => showResult(await createDirectoryMapping(user, Object.fromEntries(data))));
export const removeDirectoryMappingAction = postAction({ permission: "user:manage", onFailure: showResult }, async ({ user, data }) => showResult(await removeDirectoryMapping(user, Object.fromEntries(data))));
