import type { ActivityScope } from "../db/generated/enums.ts";
import { activityPeriod } from "../dates/cycle.ts";

export type PlannableActivity = {
  id: string;
  scope: ActivityScope;
  startMonth: number | null;
  endMonth: number | null;
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
    const period = activityPeriod(year, activity);
    if (activity.scope === "UNIT") {
      return unitIds.map((unitId) => ({ activityId: activity.id, unitId, assigneeKey: unitId, ...period }));
    }
    return [{ activityId: activity.id, unitId: null, assigneeKey: activity.scope, ...period }];
  });
}
