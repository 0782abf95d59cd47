"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { TaskActionState } from "@/components/checklist/action-state";
import { calledFromScript, formAction, formPost } from "@/lib/actions";
import { justChangedOf, toLiveState } from "@/components/checklist/task-view";
import type { PlanActionState } from "@/components/planning/plan-form";
import { formFields, formText as field, type FormState } from "@/lib/forms";
import { addLocalActivity } from "@/lib/tasks/local-activities";
import { planTask } from "@/lib/tasks/plan-mutations";
import { addTaskComment, changeTaskStatus, undoTaskStatus } from "@/lib/tasks/mutations";
import { JUST_CHANGED_COOKIE } from "@/lib/tasks/schemas";
import { flashBackPath } from "@/lib/flash";
import { taskFailureCode } from "@/lib/tasks/messages";

/** The pages that show a unit's tasks: the checklist (and its task pages) and the start page's wheel. */
function revalidateTaskPages() {
  revalidatePath("/checklista", "layout");
  revalidatePath("/");
}

/**
 * One action for a task's forms (status buttons, ej aktuell with a reason, comment, Ångra), told apart by "intent".
 * Parse and authorise happen in lib/tasks/mutations (zod, then a lookup scoped to what the user may change).
 *
 * It answers with the task as it is now (saved, or someone else's newer version), and the browser shows that: the task's
 * card, the page's counts (components/checklist/live-counts.tsx) and the menu's badge. Called from JavaScript it sets no
 * cookie and revalidates nothing, since either makes Next re-render the whole page into the answer
 * (docs/decisions/033-tick-off-answers-with-the-task.md). A plain form post (no JavaScript) gets the page re-rendered
 * as before, with the JUST_CHANGED cookie that keeps the task in view with Ångra.
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
  const current = result.ok ? result.task : result.current;
  const fromScript = await calledFromScript();
  if ((result.ok || result.code === "STALE") && !fromScript) {
    // The checklist keeps the task just changed in view (with Ångra) although it may have left the filter: the page
    // re-rendered for this answer reads the cookie. A stale version re-renders the page as it is now.
    if (result.ok && intent !== "comment") {
      const jar = await cookies();
      if (intent === "undo") jar.delete(JUST_CHANGED_COOKIE);
      else jar.set(JUST_CHANGED_COOKIE, result.task.id, { httpOnly: true, sameSite: "lax", path: "/checklista", maxAge: 15 * 60 });
    }
    revalidateTaskPages();
  }
  const justChanged = result.ok && intent !== "comment" && intent !== "undo" ? justChangedOf(result.message, result.before) : null;
  const task = current ? toLiveState(current, justChanged) : undefined;
  if (result.ok) return { ok: true, message: result.message, task };
  return { ok: false, code: result.code, message: result.message, errors: result.errors, values: { comment, reason }, task };
});

/**
 * The same action as a plain form post (no JavaScript): the status and Ångra forms post here, so that their HTML carries
 * the action's id only, not useActionState's state (the checklist has forty such forms). With JavaScript the forms call
 * saveTaskAction instead; without it the page is re-rendered, and the cookie names the task just changed, whose
 * message the task then shows.
 */
export const postTaskAction = formPost(saveTaskAction, async (state, data) => {
  // A form without JavaScript drops the answer: a refusal goes back to the list it came from, with a code that the list
  // turns into its message about the task (lib/tasks/messages.ts), at the top of the page where the browser lands.
  const taskId = field(data, "taskId");
  redirect(flashBackPath((await headers()).get("referer"), /^\/checklista(\/forsenade)?$/, "/checklista", taskFailureCode(state?.code), { about: taskId }));
});

/** Plans, replans or unplans a task (issue 21); lib/tasks/plan-mutations parses, scopes, guards the version and audits. */
export const planTaskAction = formAction<PlanActionState>({}, async ({ user, data, today }) => {
  const result = await planTask(user, formFields(data), undefined, { today });
  if (result.ok || result.code === "STALE") revalidateTaskPages();
  if (result.ok) return { ok: true, message: result.message, warning: result.warning };
  return { ok: false, message: result.message, errors: result.errors };
});

/** Adds a unit's own activity to this year's cycle (issue 21); lib/tasks/local-activities parses, authorises and audits. */
export const addLocalActivityAction = formAction<FormState>({}, async ({ user, data, today }) => {
  const result = await addLocalActivity(user, formFields(data), undefined, { today });
  if (!result.ok) return result;
  revalidateTaskPages();
  return { ok: true, message: result.message };
});
