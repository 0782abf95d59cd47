import type { TaskStatus } from "../db/generated/enums.ts";

/** How the tasks of one activity in a cycle stand: one per unit (or one for the verksamhet). */
export type Completion = { total: number; done: number; notApplicable: number; inProgress: number; notStarted: number; overdue: number };

export const emptyCompletion = (): Completion => ({ total: 0, done: 0, notApplicable: 0, inProgress: 0, notStarted: 0, overdue: 0 });

/**
 * The colour class of an activity in the wheel. Each has a fill and a pattern (see components/wheel/levels.ts),
 * so the class never rests on colour alone.
 */
export const COMPLETION_LEVELS = ["all", "most", "some", "none", "upcoming", "na", "empty"] as const;
export type CompletionLevel = (typeof COMPLETION_LEVELS)[number];

/** Klar and ej aktuell both count as handled, as in the checklist's progress. */
export function handledShare(c: Completion): number {
  return c.total === 0 ? 0 : (c.done + c.notApplicable) / c.total;
}

/**
 * The level of an activity across units: all handled, half or more, some, none yet; an activity whose period
 * has not begun and where nothing has happened is "upcoming" rather than "none".
 */
export function completionLevel(c: Completion, startsOn: Date | null, today: Date): CompletionLevel {
  if (c.total === 0) return "empty";
  const handled = c.done + c.notApplicable;
  if (handled === c.total) return c.done === 0 ? "na" : "all";
  if (handled === 0 && c.inProgress === 0 && startsOn !== null && startsOn.getTime() > today.getTime()) return "upcoming";
  if (handled * 2 >= c.total) return "most";
  return handled > 0 || c.inProgress > 0 ? "some" : "none";
}

/** The level of one unit's task: klar, pågår, ej påbörjad (or kommande before its period), ej aktuell. */
export function statusLevel(status: TaskStatus | null, startsOn: Date | null, today: Date): CompletionLevel {
  switch (status) {
    case null:
      return "empty";
    case "DONE":
      return "all";
    case "NOT_APPLICABLE":
      return "na";
    case "IN_PROGRESS":
      return "some";
    case "NOT_STARTED":
      return startsOn !== null && startsOn.getTime() > today.getTime() ? "upcoming" : "none";
  }
}

/** "11 av 14 enheter klara, 1 ej aktuell, 2 pågår, 1 försenad" – the completion in words for labels and the table. */
export function describeCompletion(c: Completion, perUnit: boolean): string {
  if (c.total === 0) return "Inga uppgifter i cykeln";
  const parts = [perUnit ? `${c.done} av ${c.total} ${c.total === 1 ? "enhet klar" : "enheter klara"}` : c.done === c.total ? "Klar" : c.notApplicable === c.total ? "Ej aktuell" : c.inProgress > 0 ? "Pågår" : "Ej påbörjad"];
  if (perUnit && c.notApplicable > 0) parts.push(`${c.notApplicable} ej aktuell${c.notApplicable === 1 ? "" : "a"}`);
  if (perUnit && c.inProgress > 0) parts.push(`${c.inProgress} pågår`);
  if (c.overdue > 0) parts.push(perUnit ? `${c.overdue} försenad${c.overdue === 1 ? "" : "e"}` : "försenad");
  return parts.join(", ");
}
