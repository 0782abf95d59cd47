import type { DbClient } from "../db/index.ts";
import { planTasks, withoutCovered } from "./plan.ts";
import { getCycleStartMonth } from "../cycle-calendar.ts";
import { ROUTINE_ACTIVITY } from "../tasks/local.ts";
import { activeUnitWhere } from "../active-units.ts";

/**
 * Creates the tasks a cycle is missing, from the organisation's active routine versions and active units.
 * Idempotent: the unique (cycle, activity, assignee) key makes a second run create nothing, and an activity
 * whose key already has a task for the assignee (kept on an earlier version of its routine) is skipped.
 * Returns how many tasks were created now. With `unitIds`, only those units' tasks; with `fromDay`, only tasks due
 * that day or later (a unit created or reopened during a cycle gets its tasks from the current month on).
 */
export async function ensureCycleTasks(db: DbClient, cycleId: string, options: { unitIds?: string[]; fromDay?: Date } = {}): Promise<number> {
  const cycle = await db.cycle.findUniqueOrThrow({ where: { id: cycleId } });
  const [activities, units, existing] = await Promise.all([
    db.activityTemplate.findMany({
      where: { ...ROUTINE_ACTIVITY, routineVersion: { status: "ACTIVE", routine: { organisationId: cycle.organisationId } } },
      select: { id: true, key: true, scope: true, startMonth: true, endMonth: true, routineVersion: { select: { routineId: true } } },
    }),
    options.unitIds ? options.unitIds.map((id) => ({ id })) : db.unit.findMany({ where: activeUnitWhere(cycle.organisationId), select: { id: true } }),
    db.task.findMany({
      where: { cycleId },
      select: { assigneeKey: true, activity: { select: { key: true, routineVersion: { select: { routineId: true } } } } },
    }),
  ]);
  const cycleStartMonth = await getCycleStartMonth(db, cycle.organisationId);
  const identityOf = new Map(activities.map((a) => [a.id, `${a.routineVersion.routineId}/${a.key}`]));
  const covered = new Set(existing.map((t) => `${t.activity.routineVersion.routineId}/${t.activity.key}/${t.assigneeKey}`));
  const all = withoutCovered(planTasks(cycle.year, activities.map((a) => ({ ...a, cycleStartMonth })), units.map((u) => u.id)), identityOf, covered);
  const { unitIds, fromDay } = options;
  const planned = all.filter((t) => (!unitIds || t.unitId !== null) && (!fromDay || t.dueOn === null || t.dueOn >= fromDay));
  const result = await db.task.createMany({
    data: planned.map((t) => ({ ...t, cycleId })),
    skipDuplicates: true,
  });
  return result.count;
}
