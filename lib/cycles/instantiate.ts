import type { DbClient } from "../db/index.ts";
import { planTasks } from "./plan.ts";

/**
 * Creates the tasks a cycle is missing, from the organisation's active routine versions and active units.
 * Idempotent: the unique (cycle, activity, assignee) key makes a second run create nothing.
 * Returns how many tasks were created now.
 */
export async function ensureCycleTasks(db: DbClient, cycleId: string): Promise<number> {
  const cycle = await db.cycle.findUniqueOrThrow({ where: { id: cycleId } });
  const [activities, units] = await Promise.all([
    db.activityTemplate.findMany({
      where: { routineVersion: { status: "ACTIVE", routine: { organisationId: cycle.organisationId } } },
      select: { id: true, scope: true, startMonth: true, endMonth: true },
    }),
    db.unit.findMany({ where: { active: true, area: { organisationId: cycle.organisationId } }, select: { id: true } }),
  ]);
  const planned = planTasks(cycle.year, activities, units.map((u) => u.id));
  const result = await db.task.createMany({
    data: planned.map((t) => ({ ...t, cycleId })),
    skipDuplicates: true,
  });
  return result.count;
}
