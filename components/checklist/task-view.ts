import { formatDateLong, formatMonthSpan, formatWeek, stockholmDate } from "@/lib/dates/cycle";
import type { TaskStatus } from "@/lib/db/generated/enums";
import { ROLE_LABELS } from "@/lib/routines/labels";
import { LETTER_DONE_VIA_RECORD, moduleRuleText, STATE_LABELS } from "@/lib/tasks/module-tasks";
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
  /** A task done in a module (a brukarbrev, a step of the review): klar only there, so no status buttons. */
  module: ModuleView | null;
  /** Just changed by the user and kept in view although it left the filter: what happened, and what Ångra restores. */
  justChanged: { message: string; undoLabel: string | null } | null;
};

/** What the checklist says about a module-driven task instead of offering to tick it. */
export type ModuleView = {
  /** "Brukarbrevet: Skickat 20 juni 2026", or null for a review step (its status says it). */
  state: string | null;
  rule: string;
  href: string | null;
  linkText: string;
  /** Whether it may be set aside as ej aktuell: only while the module has recorded nothing for it. */
  mayBeNotApplicable: boolean;
};

function toModuleView(task: ChecklistTask): ModuleView | null {
  if (!task.module) return null;
  const { module, letterState, href } = task.module;
  if (module.kind === "letter") {
    const sentOn = task.letterDispatches[0]?.sentOn;
    const state = letterState ? `${STATE_LABELS[letterState]}${sentOn ? ` ${formatDateLong(sentOn)}` : ""}` : null;
    const mayBeNotApplicable = !sentOn && task.status !== "NOT_APPLICABLE";
    return { state: state && `Brukarbrevet: ${state}`, rule: LETTER_DONE_VIA_RECORD, href, linkText: "Öppna Brukarbrev", mayBeNotApplicable };
  }
  return { state: null, rule: moduleRuleText(module), href, linkText: `Öppna Kvalitetsgranskning ${task.cycle.year}`, mayBeNotApplicable: task.status === "NOT_STARTED" };
}

/** "Klar 20 juni 2026 av Kim (registrerat 1 december 2026)": the done date, and the recording day when it differs. */
export function completedText(task: Pick<ChecklistTask, "status" | "doneOn" | "completedAt" | "completedBy">): string | null {
  if (task.status !== "DONE") return null;
  const doneOn = task.doneOn ?? (task.completedAt ? stockholmDate(task.completedAt) : null);
  if (!doneOn) return null;
  const recordedOn = task.completedAt ? stockholmDate(task.completedAt) : null;
  const by = task.completedBy ? ` av ${task.completedBy.name}` : "";
  const recorded = recordedOn && recordedOn.getTime() !== doneOn.getTime() ? ` (registrerat ${formatDateLong(recordedOn)})` : "";
  return `Klar ${formatDateLong(doneOn)}${by}${recorded}`;
}

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
    completed: completedText(task),
    canUpdate: task.canUpdate,
    module: toModuleView(task),
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
