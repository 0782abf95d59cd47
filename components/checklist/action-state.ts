/** What the checklist's server action returns to a task's forms: a message for the live region and field errors. */
export type TaskActionState = {
  ok: boolean;
  message: string;
  /** STALE when someone else changed the task first; the page then shows the task as it is now. */
  code?: string;
  errors?: Record<string, string[]>;
  /** What the user typed, so that a refused comment or reason is never lost (also without JavaScript). */
  values?: { comment?: string; reason?: string };
} | null;

export type TaskAction = (prev: TaskActionState, data: FormData) => Promise<TaskActionState>;
