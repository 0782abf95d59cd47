import { formatDateLong, formatMonthSpan, formatWeek, stockholmDate } from "@/lib/dates/cycle";
import type { TaskStatus } from "@/lib/db/generated/enums";
import { ROLE_LABELS } from "@/lib/routines/labels";
import { LETTER_DONE_VIA_RECORD, moduleRuleText, STATE_LABELS } from "@/lib/tasks/module-tasks";
import { phaseKeyOf, type ChecklistTask } from "@/lib/tasks/queries";
import { FACT_CURRENT, FACT_DONE_BY_TODAY, FACT_DUE, FACT_PAST_DUE, type TaskFact } from "./task-facts";
import type { PlanningSummary } from "@/lib/tasks/plan-queries";
import { formatShare } from "@/lib/tasks/progress";
import { STATUS_MESSAGES, TASK_STATUS_LABELS } from "@/lib/tasks/status";
import { formatDateIso } from "@/lib/dates/cycle";
import { isDayBound, outsideWindowWarning, planText, windowText } from "@/lib/tasks/plan";
import type { ActivityKind, Timing } from "@/lib/db/generated/enums";
import type { PlanValues } from "@/components/planning/plan-form";
import type { TaskState } from "@/lib/tasks/mutations";
import type { TaskLiveState } from "./action-state";
import type { TaskWire } from "./task-wire";

/** A task as the client component shows it: plain strings, formatted on the server in Swedish. */
export type TaskView = {
  id: string;
  version: number;
  status: TaskStatus;
  title: string;
  description: string | null;
  responsible: string;
  when: string | null;
  /** The due date has passed (försenad unless klar or ej aktuell): what a status changed in the browser is counted with. */
  pastDue: boolean;
  current: boolean;
  comment: string | null;
  reason: string | null;
  completed: string | null;
  canUpdate: boolean;
  /** A task done in a module (a brukarbrev, a step of the review): klar only there, so no status buttons. */
  module: ModuleView | null;
  /** The plan (issue 21): its text, a warning when it lies outside the window, the window, and the form's values. */
  plan: { text: string | null; warning: string | null; window: string | null; values: PlanValues; dayBound: boolean };
  /** The unit's own activity, not the routine's. */
  local: boolean;
  /** For the routine's planning step: how much of the units' day-bound steps is planned, and where something is missing. */
  planning: { figure: string; missing: string[]; href: string } | null;
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

/** "Inplanerat i enheterna: 120 av 168 steg som sker en viss dag (71 %)", and per unit what is missing. */
function planningView(p: PlanningSummary, year: number): NonNullable<TaskView["planning"]> {
  const missing = p.units.map((u) => {
    const parts = [u.unplanned > 0 ? `${u.unplanned} inte planerade` : null, u.outsideWindow > 0 ? `${u.outsideWindow} planerade utanför sin tid` : null];
    return `${u.name}: ${parts.filter(Boolean).join(", ")}`;
  });
  return { href: `/oversikt?ar=${year}#planering`, figure: `Inplanerat i enheterna: ${p.planned} av ${p.dayBound} steg som sker en viss dag (${formatShare(p.plannedShare)}).`, missing };
}

/** The plan of a task as the checklist and the task's page show it. */
export function planView(task: Pick<ChecklistTask, "plannedOn" | "plannedTime" | "plannedPlace" | "plannedLead" | "startsOn" | "dueOn"> & { activity: { kind: ActivityKind; timing: Timing } }): TaskView["plan"] {
  return {
    dayBound: isDayBound(task.activity),
    text: planText(task),
    warning: task.plannedOn ? outsideWindowWarning(task.plannedOn, task) : null,
    window: windowText(task),
    values: {
      plannedOn: task.plannedOn ? formatDateIso(task.plannedOn) : "",
      plannedTime: task.plannedTime ?? "",
      plannedPlace: task.plannedPlace ?? "",
      plannedLead: task.plannedLead ?? "",
    },
  };
}

/** A task as the checklist sends it to the browser (task-wire.ts): what is null, false or empty is left out. */
export function toTaskView(task: ChecklistTask): TaskWire {
  const view = fullTaskView(task);
  return { ...dropEmpty(view), id: view.id, version: view.version, status: view.status, title: view.title, responsible: view.responsible, plan: { ...dropEmpty(view.plan), values: dropEmpty(view.plan.values) } } as TaskWire;
}

const dropEmpty = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== false && v !== "" && v !== undefined));

function fullTaskView(task: ChecklistTask): TaskView {
  const role = task.activity.responsibleRole;
  return {
    id: task.id,
    version: task.version,
    status: task.status,
    title: task.activity.title,
    description: task.activity.description,
    responsible: role ? ROLE_LABELS[role] : "Ingen angiven",
    when: periodText(task.startsOn, task.dueOn),
    pastDue: task.pastDue,
    current: task.current,
    comment: task.comment,
    reason: task.status === "NOT_APPLICABLE" ? task.notApplicableReason : null,
    completed: completedText(task),
    canUpdate: task.canUpdate,
    module: toModuleView(task),
    plan: planView(task),
    local: task.activity.ownerUnitId !== null,
    planning: task.planning ? planningView(task.planning, task.cycle.year) : null,
    justChanged: task.kept
      ? { message: `”${task.activity.title}” ${STATUS_MESSAGES[task.status]}.`, undoLabel: task.undoTo ? TASK_STATUS_LABELS[task.undoTo].toLowerCase() : null }
      : null,
  };
}

/** A task's state after a change (lib/tasks/mutations' TaskState) as the browser applies it (the tick-off's answer). */
export function toLiveState(task: TaskState, justChanged: TaskLiveState["justChanged"] = null): TaskLiveState {
  return {
    id: task.id,
    version: task.version,
    status: task.status,
    comment: task.comment,
    reason: task.status === "NOT_APPLICABLE" ? task.notApplicableReason : null,
    completed: completedText(task),
    justChanged,
  };
}

/** What the checklist says after the user's own status change: the action's message and what Ångra restores. */
export function justChangedOf(message: string, before: TaskStatus | undefined): NonNullable<TaskLiveState["justChanged"]> {
  // Ångra restores the status before unless that was ej aktuell (it needs a reason; lib/tasks/status isUndoable).
  return { message, undoLabel: before && before !== "NOT_APPLICABLE" ? TASK_STATUS_LABELS[before].toLowerCase() : null };
}

/** The checklist's tasks as the facts its counts follow in the browser (live-counts.tsx); phases by their index. */
export function checklistFacts(tasks: ChecklistTask[], phases: { key: string }[], today: Date): TaskFact[] {
  const index = new Map(phases.map((p, i) => [p.key, i]));
  const at = today.getTime();
  return tasks.map((t) => {
    const flags =
      (t.pastDue ? FACT_PAST_DUE : 0) |
      (t.current ? FACT_CURRENT : 0) |
      (t.dueOn && t.dueOn.getTime() <= at ? FACT_DUE : 0) |
      (t.status === "DONE" && t.doneOn && t.doneOn.getTime() <= at ? FACT_DONE_BY_TODAY : 0);
    return [t.id, t.version, t.status, index.get(phaseKeyOf(t)) ?? -1, flags];
  });
}

/** "23 november 2026 kl. 14:05" in Swedish time. */
export function formatTimestamp(at: Date): string {
  const time = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" }).format(at);
  return `${formatDateLong(stockholmDate(at))} kl. ${time}`;
}
