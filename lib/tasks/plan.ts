import type { ActivityKind, TaskStatus, Timing } from "../db/generated/enums.ts";
import { formatDateLong, formatMonthSpan } from "../dates/cycle.ts";

/**
 * A task's plan (issue 21): the day it happens, with an optional start time, place and who leads it. Pure rules,
 * no database: the window check, the text the checklist, history and calendar show, and the planning check.
 */
export type TaskPlan = { plannedOn: Date | null; plannedTime: string | null; plannedPlace: string | null; plannedLead: string | null };

/** The activity's window in its cycle: from its first day (startsOn) to its last (dueOn); null bounds: no window. */
export type PlanWindow = { startsOn: Date | null; dueOn: Date | null };

/** Whether a planned day falls in the activity's window (a task without a window accepts any day). */
export function isInWindow(plannedOn: Date, window: PlanWindow): boolean {
  if (!window.startsOn || !window.dueOn) return true;
  return plannedOn.getTime() >= window.startsOn.getTime() && plannedOn.getTime() <= window.dueOn.getTime();
}

/** "februari 2027", "mars–maj 2027": the window as the warning names it. */
export function windowText(window: PlanWindow): string | null {
  if (!window.startsOn || !window.dueOn) return null;
  const months = formatMonthSpan({ startMonth: window.startsOn.getUTCMonth() + 1, endMonth: window.dueOn.getUTCMonth() + 1 });
  return `${months} ${window.dueOn.getUTCFullYear()}`;
}

/** The warning for a plan outside the window, or null when the day is inside it. The plan is saved either way. */
export function outsideWindowWarning(plannedOn: Date, window: PlanWindow): string | null {
  if (isInWindow(plannedOn, window)) return null;
  return `${formatDateLong(plannedOn)} ligger utanför aktivitetens tid (${windowText(window)}).`;
}

/** "12 februari 2027 kl. 14:00, Dagcentralen, leds av Kim": the plan in one line; null when nothing is planned. */
export function planText(plan: TaskPlan): string | null {
  if (!plan.plannedOn) return null;
  const parts = [`${formatDateLong(plan.plannedOn)}${plan.plannedTime ? ` kl. ${plan.plannedTime}` : ""}`];
  if (plan.plannedPlace) parts.push(plan.plannedPlace);
  if (plan.plannedLead) parts.push(`leds av ${plan.plannedLead}`);
  return parts.join(", ");
}

/** The day reminders and the calendar count from: the planned day when there is one, else the last day. */
export function effectiveDay(task: { plannedOn: Date | null; dueOn: Date | null }): Date | null {
  return task.plannedOn ?? task.dueOn;
}

/** The routine steps that happen on a day (a meeting, an APT, a workshop, a brukarfika, a letter): they need a planned date. */
export const DAY_BOUND_KINDS: readonly ActivityKind[] = ["MEETING", "APT", "WORKSHOP", "USER_CAFE", "LETTER"];

/** A day-bound kind, unless the activity goes on all along (raising the survey at every meeting has no one day). */
export const isDayBound = (activity: { kind: ActivityKind; timing: Timing }): boolean => DAY_BOUND_KINDS.includes(activity.kind) && activity.timing !== "CONTINUOUS";

export type PlanCheckTask = PlanWindow & { id: string; title: string; kind: ActivityKind; timing: Timing; status: TaskStatus; plannedOn: Date | null; local: boolean };

export type UnitPlanCheck = {
  /** Day-bound steps that count (not ej aktuella). */
  dayBound: number;
  planned: number;
  /** Share planned (0–1, shown with formatShare like the shares done), or null when the unit has no day-bound step. */
  plannedShare: number | null;
  unplanned: PlanCheckTask[];
  outsideWindow: PlanCheckTask[];
};

/**
 * The planning check of one unit: which day-bound steps are not planned, and which plans fall outside their
 * window. A step that is done counts as planned (it happened); an ej aktuell step is not counted at all, as in
 * the shares done. Local activities are counted like the routine's steps when they are day-bound.
 */
export function checkUnitPlanning(tasks: readonly PlanCheckTask[]): UnitPlanCheck {
  const counted = tasks.filter((t) => isDayBound(t) && t.status !== "NOT_APPLICABLE");
  const unplanned = counted.filter((t) => !t.plannedOn && t.status !== "DONE");
  const outsideWindow = tasks.filter((t) => t.plannedOn && !isInWindow(t.plannedOn, t));
  const planned = counted.length - unplanned.length;
  return {
    dayBound: counted.length,
    planned,
    plannedShare: counted.length === 0 ? null : planned / counted.length,
    unplanned,
    outsideWindow,
  };
}
