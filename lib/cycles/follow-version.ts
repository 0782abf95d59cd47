import "server-only";
import type { DbClient } from "../db/index.ts";
import type { ActivityScope, TaskStatus } from "../db/generated/enums.ts";
import { activityPeriod } from "../dates/cycle.ts";
import { getCycleStartMonth } from "../cycle-calendar.ts";
import { ensureCycleTasks } from "./instantiate.ts";
import { planTasks, withoutCovered, type PlannedTask } from "./plan.ts";
import * as clock from "../clock.ts";
import { ROUTINE_ACTIVITY } from "../tasks/local.ts";
import { activeUnitWhere } from "../active-units.ts";

export type FollowTask = {
  id: string;
  activityId: string;
  key: string;
  scope: ActivityScope;
  assigneeKey: string;
  status: TaskStatus;
  /** Anything beyond creation: status changes, comments, letters. */
  hasHistory: boolean;
  title: string;
  unitName: string | null;
  /** The task's deadline now, so that the plan can say which deadlines move. */
  dueOn?: Date | null;
};
export type FollowActivity = { id: string; key: string; scope: ActivityScope; startMonth: number | null; endMonth: number | null; cycleStartMonth?: number };
export type KeptTask = { taskId: string; title: string; unitName: string | null; reason: "in-progress" | "history" };

export type FollowPlan = {
  repoint: { taskId: string; fromActivityId: string; toActivityId: string; startsOn: Date | null; dueOn: Date | null; fromDueOn: Date | null }[];
  remove: string[];
  keep: KeptTask[];
  /** Klar or ej aktuell: never touched. */
  untouched: number;
  /** How many tasks the new version adds (activities or assignees that have no task yet). */
  create: number;
  /** The tasks it adds, with their dates (what ensureCycleTasks will create). */
  created: PlannedTask[];
};

const FINISHED: TaskStatus[] = ["DONE", "NOT_APPLICABLE"];

/**
 * How a cycle's tasks of a routine follow a new version of it. Pure; applyFollowVersion carries it out.
 * - klar / ej aktuell: untouched;
 * - the activity's key (with the same scope) is in the new version: re-pointed, dates recomputed;
 * - otherwise (removed, or now for another assignee): removed when not started and without history,
 *   else kept and reported;
 * - keys and assignees without a task get new tasks.
 */
export function planFollowVersion(year: number, tasks: FollowTask[], activities: FollowActivity[], unitIds: string[]): FollowPlan {
  const byKey = new Map(activities.map((a) => [a.key, a]));
  const plan: FollowPlan = { repoint: [], remove: [], keep: [], untouched: 0, create: 0, created: [] };
  for (const task of tasks) {
    if (FINISHED.includes(task.status)) {
      plan.untouched++;
      continue;
    }
    const target = byKey.get(task.key);
    if (target && target.scope === task.scope) {
      if (target.id !== task.activityId) {
        plan.repoint.push({ taskId: task.id, fromActivityId: task.activityId, toActivityId: target.id, ...activityPeriod(year, target, target.cycleStartMonth), fromDueOn: task.dueOn ?? null });
      }
    } else if (task.status === "NOT_STARTED" && !task.hasHistory) {
      plan.remove.push(task.id);
    } else {
      plan.keep.push({ taskId: task.id, title: task.title, unitName: task.unitName, reason: task.status === "IN_PROGRESS" ? "in-progress" : "history" });
    }
  }
  const removed = new Set(plan.remove);
  const identityOf = new Map(activities.map((a) => [a.id, a.key]));
  const covered = new Set(tasks.filter((t) => !removed.has(t.id)).map((t) => `${t.key}/${t.assigneeKey}`));
  plan.created = withoutCovered(planTasks(year, activities, unitIds), identityOf, covered);
  plan.create = plan.created.length;
  return plan;
}

/** The inputs of planFollowVersion for one cycle and routine, read from the database. */
export async function loadFollowInput(db: DbClient, cycle: { id: string; year: number; organisationId: string }, newVersionId: string) {
  const version = await db.routineVersion.findUniqueOrThrow({ where: { id: newVersionId }, select: { routineId: true } });
  const [rows, activities, units] = await Promise.all([
    db.task.findMany({
      where: { cycleId: cycle.id, activity: { ...ROUTINE_ACTIVITY, routineVersion: { routineId: version.routineId, id: { not: newVersionId } } } },
      include: {
        activity: { select: { key: true, scope: true, title: true } },
        unit: { select: { name: true } },
        _count: { select: { events: { where: { type: { not: "CREATED" } } }, letterDispatches: true } },
      },
    }),
    db.activityTemplate.findMany({
      where: { routineVersionId: newVersionId, ...ROUTINE_ACTIVITY },
      select: { id: true, key: true, scope: true, startMonth: true, endMonth: true, title: true },
    }),
    db.unit.findMany({ where: activeUnitWhere(cycle.organisationId), select: { id: true, name: true } }),
  ]);
  const tasks: FollowTask[] = rows.map((t) => ({
    id: t.id,
    activityId: t.activityId,
    key: t.activity.key,
    scope: t.activity.scope,
    assigneeKey: t.assigneeKey,
    status: t.status,
    hasHistory: t._count.events > 0 || t._count.letterDispatches > 0 || t.comment !== null,
    title: t.activity.title,
    unitName: t.unit?.name ?? null,
    dueOn: t.dueOn,
  }));
  const cycleStartMonth = await getCycleStartMonth(db, cycle.organisationId);
  return { tasks, activities: activities.map((a) => ({ ...a, cycleStartMonth })), unitIds: units.map((u) => u.id), unitNames: new Map(units.map((u) => [u.id, u.name])) };
}

export type FollowSummary = { year: number; repointed: number; created: number; removed: number; kept: KeptTask[]; untouched: number };

/**
 * Lets a cycle's remaining tasks of a routine follow its newly published version. Call inside the
 * publishing transaction. Every re-pointed task gets an ACTIVITY_CHANGED event; klar and ej aktuell
 * tasks are never touched, even if one is ticked off while this runs (the updates re-check the status).
 */
export async function applyFollowVersion(
  db: DbClient,
  cycle: { id: string; year: number; organisationId: string },
  newVersionId: string,
  actorId: string | null,
): Promise<FollowSummary> {
  const input = await loadFollowInput(db, cycle, newVersionId);
  const plan = planFollowVersion(cycle.year, input.tasks, input.activities, input.unitIds);
  let repointed = 0;
  const events: { taskId: string; actorId: string | null; at: Date; type: "ACTIVITY_CHANGED"; details: object }[] = [];
  for (const move of plan.repoint) {
    const updated = await db.task.updateMany({
      where: { id: move.taskId, activityId: move.fromActivityId, status: { notIn: FINISHED } },
      data: { activityId: move.toActivityId, startsOn: move.startsOn, dueOn: move.dueOn, version: { increment: 1 } },
    });
    if (updated.count === 0) continue;
    repointed++;
    events.push({
      taskId: move.taskId,
      actorId,
      at: clock.now(),
      type: "ACTIVITY_CHANGED",
      details: { fromActivityId: move.fromActivityId, toActivityId: move.toActivityId, routineVersionId: newVersionId, startsOn: move.startsOn, dueOn: move.dueOn },
    });
  }
  if (events.length > 0) await db.taskEvent.createMany({ data: events });

  // Only tasks that are still untouched go; their creation event goes with them.
  const removable = await db.task.findMany({
    where: { id: { in: plan.remove }, status: "NOT_STARTED", comment: null, events: { none: { type: { not: "CREATED" } } }, letterDispatches: { none: {} } },
    select: { id: true },
  });
  const removeIds = removable.map((t) => t.id);
  if (removeIds.length > 0) {
    await db.taskEvent.deleteMany({ where: { taskId: { in: removeIds }, type: "CREATED" } });
    await db.task.deleteMany({ where: { id: { in: removeIds } } });
  }
  const keptIds = new Set(removeIds);
  const kept = [...plan.keep, ...plan.remove.filter((id) => !keptIds.has(id)).map((id) => {
    const task = input.tasks.find((t) => t.id === id)!;
    return { taskId: id, title: task.title, unitName: task.unitName, reason: "history" as const };
  })];
  const created = await ensureCycleTasks(db, cycle.id);
  return { year: cycle.year, repointed, created, removed: removeIds.length, kept, untouched: plan.untouched };
}
