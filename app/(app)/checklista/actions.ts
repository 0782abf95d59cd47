"use server";

import { revalidatePath } from "next/cache";
import type { TaskActionState } from "@/components/checklist/action-state";
import { formAction } from "@/lib/actions";
import { formText as field } from "@/lib/forms";
import { addTaskComment, changeTaskStatus } from "@/lib/tasks/mutations";

/**
 * One action for a task's forms (status buttons, ej aktuell with a reason, comment), told apart by "intent".
 * Parse and authorise happen in lib/tasks/mutations (zod, then a lookup scoped to what the user may change).
 */
export const saveTaskAction = formAction<TaskActionState>({}, async ({ user, data }) => {
  const ref = { taskId: field(data, "taskId"), version: field(data, "version") };
  const comment = field(data, "comment");
  const reason = field(data, "reason");
  const result =
    field(data, "intent") === "comment"
      ? await addTaskComment(user, { ...ref, comment })
      : await changeTaskStatus(user, { ...ref, status: field(data, "status"), reason });
  // A stale version means someone else saved first: show everyone the task as it is now.
  if (result.ok || result.code === "STALE") revalidatePath("/checklista", "layout");
  if (result.ok) return { ok: true, message: result.message };
  return { ok: false, code: result.code, message: result.message, errors: result.errors, values: { comment, reason } };
});
