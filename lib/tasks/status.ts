import type { TaskStatus } from "../db/generated/enums.ts";

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  NOT_STARTED: "Ej påbörjad",
  IN_PROGRESS: "Pågår",
  DONE: "Klar",
  NOT_APPLICABLE: "Ej aktuell",
};

/** What a status change did, after the task's title: "”Skicka brev” är markerad som klar." */
export const STATUS_MESSAGES: Record<TaskStatus, string> = {
  DONE: "är markerad som klar",
  IN_PROGRESS: "är markerad som pågående",
  NOT_STARTED: "är återställd till ej påbörjad",
  NOT_APPLICABLE: "är markerad som ej aktuell",
};

export const REASON_MAX_LENGTH = 1000;
export const COMMENT_MAX_LENGTH = 2000;

export type TransitionResult = { ok: true } | { ok: false; message: string };

export const REASON_REQUIRED = "Ange varför uppgiften inte är aktuell.";

/** Ej aktuell needs a reason: whether this status change lacks one. */
export function lacksReason(to: TaskStatus, reason?: string | null): boolean {
  return to === "NOT_APPLICABLE" && !reason?.trim();
}

/** Whether a task may move from one status to another; ej aktuell needs a reason. */
export function checkTransition(from: TaskStatus, to: TaskStatus, reason?: string | null): TransitionResult {
  if (from === to) return { ok: false, message: `Uppgiften har redan status ${TASK_STATUS_LABELS[to].toLowerCase()}.` };
  if (lacksReason(to, reason)) return { ok: false, message: REASON_REQUIRED };
  if (to === "NOT_APPLICABLE" && reason!.trim().length > REASON_MAX_LENGTH) return { ok: false, message: `Motiveringen får vara högst ${REASON_MAX_LENGTH} tecken.` };
  return { ok: true };
}

/**
 * The completion fields a status implies: set when a task becomes klar, cleared when it leaves klar. completedAt is
 * when it was recorded; doneOn the day the work was done (today for a tick in the checklist, the event's date for
 * a task done in a module).
 */
export function completionFields(to: TaskStatus, actorId: string | null, now: Date, doneOn: Date) {
  return to === "DONE"
    ? { completedById: actorId, completedAt: now, doneOn, notApplicableReason: null }
    : { completedById: null, completedAt: null, doneOn: null };
}

/** A task is overdue the day after its due date while it is neither klar nor ej aktuell. */
export function isOverdue(task: { status: TaskStatus; dueOn: Date | null }, today: Date): boolean {
  return isPastDue(task, today) && !isHandled(task.status);
}

/** Whether the task's due date has passed, whatever its status. */
export function isPastDue(task: { dueOn: Date | null }, today: Date): boolean {
  return task.dueOn !== null && task.dueOn.getTime() < today.getTime();
}

/** Klar and ej aktuell both count as handled in the checklist's progress. */
export function isHandled(status: TaskStatus): boolean {
  return status === "DONE" || status === "NOT_APPLICABLE";
}

/** Whether today falls in the task's period (its months in the cycle year): the tasks of this month. */
export function isCurrent(task: { startsOn: Date | null; dueOn: Date | null }, today: Date): boolean {
  if (!task.startsOn || !task.dueOn) return false;
  return task.startsOn.getTime() <= today.getTime() && today.getTime() <= task.dueOn.getTime();
}

export type TaskFilterKey = "alla" | "att-gora" | "forsenade" | "klara" | "ej-aktuella";

/** Whether a task belongs in one of the checklist's filters. */
export function matchesFilter(task: { status: TaskStatus; dueOn: Date | null }, filter: TaskFilterKey, today: Date): boolean {
  return statusMatchesFilter(task.status, isPastDue(task, today), filter);
}

/**
 * The same test from a status and whether the due date has passed (isOverdue's date test): what the browser knows of a
 * task after a tick-off, to count the filters and tell whether the task has left the chosen one.
 */
export function statusMatchesFilter(status: TaskStatus, pastDue: boolean, filter: TaskFilterKey): boolean {
  switch (filter) {
    case "alla":
      return true;
    case "att-gora":
      return !isHandled(status);
    case "forsenade":
      return pastDue && !isHandled(status);
    case "klara":
      return status === "DONE";
    case "ej-aktuella":
      return status === "NOT_APPLICABLE";
  }
}

/** The details of a status event written by Ångra: an Ångra is not undone in turn. */
export const UNDO_DETAILS = { undo: true } as const;

/**
 * Whether a task's last status change can be undone by the actor: it was theirs and not itself an Ångra, the task
 * still has the status it set, and the status before needs nothing more (ej aktuell needs a reason).
 */
export function isUndoable(
  last: { actorId: string | null; fromStatus: TaskStatus | null; toStatus: TaskStatus | null; details: unknown },
  actorId: string,
  current: TaskStatus,
): last is { actorId: string; fromStatus: TaskStatus; toStatus: TaskStatus; details: unknown } {
  const wasUndo = typeof last.details === "object" && last.details !== null && "undo" in last.details;
  return !wasUndo && last.actorId === actorId && last.toStatus === current && last.fromStatus !== null && last.fromStatus !== current && last.fromStatus !== "NOT_APPLICABLE";
}
