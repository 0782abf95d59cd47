import type { TaskStatus } from "@/lib/db/generated/enums";

/**
 * A task as it is after a tick-off (or as it is now, after a refused one): what the task's card and the page's counts
 * need, without the page. The version is the one the task's next form must send.
 */
export type TaskLiveState = {
  id: string;
  version: number;
  status: TaskStatus;
  comment: string | null;
  reason: string | null;
  /** "Klar 6 december 2026 av Kim", or null when not klar. */
  completed: string | null;
  /** After the user's own status change: what happened, and what Ångra restores (null: nothing to undo). */
  justChanged: { message: string; undoLabel: string | null } | null;
};

/** What the checklist's server action returns to a task's forms: a message for the live region and field errors. */
export type TaskActionState = {
  ok: boolean;
  message: string;
  /** STALE when someone else changed the task first; the page then shows the task as it is now. */
  code?: string;
  errors?: Record<string, string[]>;
  /** What the user typed, so that a refused comment or reason is never lost (also without JavaScript). */
  values?: { comment?: string; reason?: string };
  /** The task as it is now (after a saved change, a stale version or a refused transition), for the browser to show. */
  task?: TaskLiveState;
} | null;

export type TaskAction = (prev: TaskActionState, data: FormData) => Promise<TaskActionState>;
/** The action as a plain form post, for a browser without JavaScript (app/(app)/checklista/actions.ts postTaskAction). */
export type TaskPostAction = (data: FormData) => Promise<TaskActionState>;
