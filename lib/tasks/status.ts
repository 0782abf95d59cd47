import type { TaskStatus } from "../db/generated/enums.ts";

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  NOT_STARTED: "Ej påbörjad",
  IN_PROGRESS: "Pågår",
  DONE: "Klar",
  NOT_APPLICABLE: "Ej aktuell",
};

export const REASON_MAX_LENGTH = 1000;

export type TransitionResult = { ok: true } | { ok: false; message: string };

/** Whether a task may move from one status to another; ej aktuell needs a reason. */
export function checkTransition(from: TaskStatus, to: TaskStatus, reason?: string | null): TransitionResult {
  if (from === to) return { ok: false, message: `Uppgiften har redan status ${TASK_STATUS_LABELS[to].toLowerCase()}.` };
  if (to === "NOT_APPLICABLE") {
    const text = reason?.trim() ?? "";
    if (!text) return { ok: false, message: "Ange varför uppgiften inte är aktuell." };
    if (text.length > REASON_MAX_LENGTH) return { ok: false, message: `Motiveringen får vara högst ${REASON_MAX_LENGTH} tecken.` };
  }
  return { ok: true };
}

/** The completion fields a status implies: set when a task becomes klar, cleared when it leaves klar. */
export function completionFields(to: TaskStatus, actorId: string | null, now: Date) {
  return to === "DONE"
    ? { completedById: actorId, completedAt: now, notApplicableReason: null }
    : { completedById: null, completedAt: null };
}

/** A task is overdue the day after its due date while it is neither klar nor ej aktuell. */
export function isOverdue(task: { status: TaskStatus; dueOn: Date | null }, today: Date): boolean {
  if (!task.dueOn || task.status === "DONE" || task.status === "NOT_APPLICABLE") return false;
  return task.dueOn.getTime() < today.getTime();
}
