"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import type { TaskActionState } from "@/components/checklist/action-state";
import { formAction } from "@/lib/actions";
import { formText as field } from "@/lib/forms";
import { addTaskComment, changeTaskStatus, undoTaskStatus } from "@/lib/tasks/mutations";
import { JUST_CHANGED_COOKIE } from "@/lib/tasks/schemas";

/**
 * One action for a task's forms (status buttons, ej aktuell with a reason, comment, Ångra), told apart by "intent".
 * Parse and authorise happen in lib/tasks/mutations (zod, then a lookup scoped to what the user may change).
 */
export const saveTaskAction = formAction<TaskActionState>({}, async ({ user, data }) => {
  const ref = { taskId: field(data, "taskId"), version: field(data, "version") };
  const comment = field(data, "comment");
  const reason = field(data, "reason");
  const intent = field(data, "intent");
  const result =
    intent === "comment"
      ? await addTaskComment(user, { ...ref, comment })
      : intent === "undo"
        ? await undoTaskStatus(user, ref)
        : await changeTaskStatus(user, { ...ref, status: field(data, "status"), reason });
  // The checklist keeps the task just changed in view (with Ångra) although it may have left the filter; the
  // page re-rendered for this answer already reads the cookie, with and without JavaScript.
  if (result.ok && intent !== "comment") {
    const jar = await cookies();
    if (intent === "undo") jar.delete(JUST_CHANGED_COOKIE);
    else jar.set(JUST_CHANGED_COOKIE, result.task.id, { httpOnly: true, sameSite: "lax", path: "/checklista", maxAge: 15 * 60 });
  }
  // A stale version means someone else saved first: show everyone the task as it is now.
  if (result.ok || result.code === "STALE") revalidatePath("/checklista", "layout");
  if (result.ok) return { ok: true, message: result.message };
  return { ok: false, code: result.code, message: result.message, errors: result.errors, values: { comment, reason } };
});
