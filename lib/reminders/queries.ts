import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import type { Actor } from "../auth/permissions.ts";
import { taskWhereFor } from "../tasks/scope.ts";
import { organisationFilter } from "../auth/scope.ts";
import { openCycleWhere } from "../cycle-calendar.ts";
import { ROUTINE_ACTIVITY } from "../tasks/local.ts";

export const SOON_DAYS = 14;
const OPEN = { in: ["NOT_STARTED" as const, "IN_PROGRESS" as const] };
/** Only an open cycle can be changed (lib/tasks/mutations.ts), so only their tasks are asked for: in December both. */
const thisCycle = (today: Date) => ({ cycle: openCycleWhere(today) });

export async function getEmailPreference(actor: Actor, db: DbClient = getDb()) {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { emailPreference: true } });
  return user?.emailPreference ?? "ALL";
}

/** "Att göra snart": open tasks of the open cycles the actor may update, overdue or due within SOON_DAYS days, soonest first. */
export async function getUpcomingTasks(actor: Actor, today: Date, db: DbClient = getDb(), limit = 10) {
  const where = { AND: [taskWhereFor(actor, "task:update"), thisCycle(today), { status: OPEN, dueOn: { not: null, lte: new Date(today.getTime() + SOON_DAYS * 86_400_000) } }] };
  const [tasks, total] = await Promise.all([
    db.task.findMany({
      where,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true, dueOn: true, status: true, assigneeKey: true, unit: { select: { name: true } }, activity: { select: { title: true } } },
    }),
    db.task.count({ where }),
  ]);
  return { tasks, total };
}

/** The menu's count of försenade tasks lives with the checklist, which counts them the same way. */
export { countOverdueTasks } from "../tasks/queries.ts";

/** The active routine versions the actor manages, with each activity's reminder days, for the reminder-rules page. */
export async function getReminderRules(actor: Actor, db: DbClient = getDb()) {
  return db.routineVersion.findMany({
    where: { status: "ACTIVE", routine: { organisationId: organisationFilter(actor, "routine:manage") } },
    orderBy: [{ routine: { title: "asc" } }],
    select: {
      id: true,
      title: true,
      version: true,
      activities: {
        where: ROUTINE_ACTIVITY,
        orderBy: [{ startMonth: "asc" }, { position: "asc" }],
        select: { id: true, title: true, responsibleRole: true, startMonth: true, endMonth: true, reminderOffsets: true },
      },
    },
  });
}
export type ReminderRuleVersion = Awaited<ReturnType<typeof getReminderRules>>[number];
