import type { TaskStatus } from "../db/generated/enums.ts";
import { daysBetween } from "../dates/cycle.ts";

/**
 * Which reminders are due on a date: pure rules, no database.
 * A reminder falls due on dueOn + offset. If the job did not run that day (a stopped server, a holiday), it is
 * still sent for CATCH_UP_DAYS days, after which it lapses so that a long outage does not flood anyone.
 */
export const CATCH_UP_DAYS = 7;

export type ReminderTask = { id: string; status: TaskStatus; dueOn: Date | null; reminderOffsets: readonly number[] };

const DAY = 86_400_000;
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);

/** Done and "ej aktuell" tasks get no reminders. */
export function isOpen(status: TaskStatus): boolean {
  return status === "NOT_STARTED" || status === "IN_PROGRESS";
}

/** The offset whose reminder is due today (the latest that has fallen due and not lapsed), or null. */
export function dueReminderOffset(task: ReminderTask, today: Date): number | null {
  if (!isOpen(task.status) || !task.dueOn) return null;
  let due: number | null = null;
  for (const offset of task.reminderOffsets) {
    const late = daysBetween(addDays(task.dueOn, offset), today);
    if (late >= 0 && late < CATCH_UP_DAYS && (due === null || offset > due)) due = offset;
  }
  return due;
}

/** The delivery key of one task reminder: one per task and offset. */
export function taskPeriodKey(taskId: string, offset: number): string {
  return `${taskId}:${offset}`;
}

/** Monday and Sunday of the ISO week of a date-only value. */
export function isoWeekBounds(today: Date): { monday: Date; sunday: Date } {
  const monday = addDays(today, -((today.getUTCDay() + 6) % 7));
  return { monday, sunday: addDays(monday, 6) };
}

/** "2026-W48": the ISO week (years start with the week holding 4 January), the digest's delivery key. */
export function isoWeekKey(today: Date): string {
  const thursday = addDays(isoWeekBounds(today).monday, 3);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor(daysBetween(new Date(Date.UTC(year, 0, 1)), thursday) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Whether an open task belongs in the weekly digest: overdue, or due before the week ends. */
export function inWeeklyDigest(task: Pick<ReminderTask, "status" | "dueOn">, today: Date): boolean {
  return isOpen(task.status) && task.dueOn !== null && task.dueOn <= isoWeekBounds(today).sunday;
}

export function isOverdue(task: Pick<ReminderTask, "status" | "dueOn">, today: Date): boolean {
  return isOpen(task.status) && task.dueOn !== null && task.dueOn < today;
}
