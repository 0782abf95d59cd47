import { formatDateLong, formatMonthSpan, formatWeek, stockholmDate } from "@/lib/dates/cycle";
import type { TaskStatus } from "@/lib/db/generated/enums";
import { ROLE_LABELS } from "@/lib/routines/labels";
import type { ChecklistTask } from "@/lib/tasks/queries";
import { STATUS_MESSAGES, TASK_STATUS_LABELS } from "@/lib/tasks/status";

/** A task as the client component shows it: plain strings, formatted on the server in Swedish. */
export type TaskView = {
  id: string;
  version: number;
  status: TaskStatus;
  title: string;
  description: string | null;
  responsible: string;
  when: string | null;
  overdue: boolean;
  current: boolean;
  comment: string | null;
  reason: string | null;
  completed: string | null;
  canUpdate: boolean;
  /** A brukarbrev: klar only through its dispatch record on the Brukarbrev page. */
  letter: boolean;
  /** Just changed by the user and kept in view although it left the filter: what happened, and what Ångra restores. */
  justChanged: { message: string; undoLabel: string | null } | null;
};

/** "mars–maj 2026, senast 31 maj 2026 (v. 22)": when a task happens, from its dates in the cycle year. */
export function periodText(startsOn: Date | null, dueOn: Date | null): string | null {
  if (!startsOn || !dueOn) return null;
  const months = formatMonthSpan({ startMonth: startsOn.getUTCMonth() + 1, endMonth: dueOn.getUTCMonth() + 1 });
  return `${months} ${dueOn.getUTCFullYear()}, senast ${formatDateLong(dueOn)} (${formatWeek(dueOn)})`;
}

export function toTaskView(task: ChecklistTask): TaskView {
  const role = task.activity.responsibleRole;
  return {
    id: task.id,
    version: task.version,
    status: task.status,
    title: task.activity.title,
    description: task.activity.description,
    responsible: role ? ROLE_LABELS[role] : "Ingen angiven",
    when: periodText(task.startsOn, task.dueOn),
    overdue: task.overdue,
    current: task.current,
    comment: task.comment,
    reason: task.status === "NOT_APPLICABLE" ? task.notApplicableReason : null,
    completed:
      task.status === "DONE" && task.completedAt
        ? `Klar ${formatDateLong(stockholmDate(task.completedAt))}${task.completedBy ? ` av ${task.completedBy.name}` : ""}`
        : null,
    canUpdate: task.canUpdate,
    letter: task.activity.kind === "LETTER",
    justChanged: task.kept
      ? { message: `”${task.activity.title}” ${STATUS_MESSAGES[task.status]}.`, undoLabel: task.undoTo ? TASK_STATUS_LABELS[task.undoTo].toLowerCase() : null }
      : null,
  };
}

/** "23 november 2026 kl. 14:05" in Swedish time. */
export function formatTimestamp(at: Date): string {
  const time = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" }).format(at);
  return `${formatDateLong(stockholmDate(at))} kl. ${time}`;
}
