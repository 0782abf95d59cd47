import type { TaskStatus } from "@/lib/db/generated/enums";
import { emptyProgress, type ProgressFigures } from "@/lib/tasks/progress";
import { isHandled, statusMatchesFilter, type TaskFilterKey } from "@/lib/tasks/status";

/**
 * What the checklist's counts need of a task, compactly (one per task of the list, whatever the filter): its id and
 * version (to follow a change made in this browser), its status, its phase's index and the flags below.
 */
export type TaskFact = [id: string, version: number, status: TaskStatus, phase: number, flags: number];
/** The due date has passed (försenad while not handled). */
export const FACT_PAST_DUE = 1;
/** This month's (lib/tasks/status isCurrent). */
export const FACT_CURRENT = 2;
/** Due on or before today (lib/tasks/progress). */
export const FACT_DUE = 4;
/** Klar on or before today (lib/tasks/progress). */
export const FACT_DONE_BY_TODAY = 8;

/** A task of the facts as it is now: the status changed in this browser when it has a newer version. */
export type FactNow = { status: TaskStatus; phase: number; flags: number; changed: boolean };

/** The facts with the browser's changes (by id: the newer status and version) applied. */
export function factsNow(facts: TaskFact[], changed: (task: { id: string; status: TaskStatus; version: number }) => TaskStatus): FactNow[] {
  return facts.map(([id, version, status, phase, flags]) => {
    const now = changed({ id, status, version });
    return { status: now, phase, flags, changed: now !== status };
  });
}

/** countProgress (lib/tasks/progress.ts) of the facts: a task changed to klar in this browser was klar today. */
export function factsProgress(tasks: FactNow[]): ProgressFigures {
  const figures = emptyProgress();
  for (const t of tasks) {
    if (t.status === "NOT_APPLICABLE") {
      figures.notApplicable += 1;
      continue;
    }
    const done = t.status === "DONE" && (t.changed || (t.flags & FACT_DONE_BY_TODAY) !== 0);
    const due = (t.flags & FACT_DUE) !== 0;
    figures.total += 1;
    if (done) figures.done += 1;
    if (due) figures.due += 1;
    if (due && done) figures.dueDone += 1;
  }
  return figures;
}

/** How many of the facts a filter has (statusMatchesFilter), or "current": this month's not yet handled. */
export function factsCount(tasks: FactNow[], filter: TaskFilterKey | "current"): number {
  return filter === "current"
    ? tasks.filter((t) => (t.flags & FACT_CURRENT) !== 0 && !isHandled(t.status)).length
    : tasks.filter((t) => statusMatchesFilter(t.status, (t.flags & FACT_PAST_DUE) !== 0, filter)).length;
}
