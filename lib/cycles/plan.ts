import type { ActivityScope } from "../db/generated/enums.ts";
import { activityPeriod } from "../dates/cycle.ts";

export type PlannableActivity = {
  id: string;
  scope: ActivityScope;
  startMonth: number | null;
  endMonth: number | null;
  /** The month the verksamhet's cycles begin (cycleStartMonth); default January. */
  cycleStartMonth?: number;
};

export type PlannedTask = {
  activityId: string;
  unitId: string | null;
  assigneeKey: string;
  startsOn: Date | null;
  dueOn: Date | null;
};

/**
 * The tasks a cycle year should have: one per active unit for unit activities, one for the verksamhet
 * or kommunikationsenheten otherwise. Pure; the caller inserts with skipDuplicates so that planning
 * again (a second start, a unit added mid-year) creates nothing twice.
 */
export function planTasks(year: number, activities: PlannableActivity[], unitIds: string[]): PlannedTask[] {
  return activities.flatMap((activity): PlannedTask[] => {
    const period = activityPeriod(year, activity, activity.cycleStartMonth);
    if (activity.scope === "UNIT") {
      return unitIds.map((unitId) => ({ activityId: activity.id, unitId, assigneeKey: unitId, ...period }));
    }
    return [{ activityId: activity.id, unitId: null, assigneeKey: activity.scope, ...period }];
  });
}

/**
 * Drops planned tasks whose activity already has a task for the same assignee in the cycle, counting an
 * activity as "the same" across versions of its routine (identity = routine and activity key). A cycle
 * that kept tasks on an earlier version therefore never gets a second task for the same thing.
 */
export function withoutCovered(planned: PlannedTask[], identityOf: Map<string, string>, covered: Set<string>): PlannedTask[] {
  return planned.filter((t) => !covered.has(`${identityOf.get(t.activityId) ?? t.activityId}/${t.assigneeKey}`));
}
