import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import { Prisma } from "../db/generated/client.ts";
import type { Role, TaskStatus } from "../db/generated/enums.ts";
import { can, type Actor } from "../auth/permissions.ts";
import { taskWhereFor } from "../tasks/scope.ts";
import { organisationFilter, organisationsOf } from "../auth/scope.ts";
import { openCycleCheck, openCycleWhere, openCyclesOn } from "../cycle-calendar.ts";
import { lastDayOfMonth, utcDate } from "../dates/cycle.ts";
import { orderToDoNow, toDoTier } from "../tasks/to-do-now.ts";
import { ROUTINE_ACTIVITY } from "../tasks/local.ts";
import { countOverdueTasks } from "../tasks/queries.ts";

const OPEN = { in: ["NOT_STARTED" as const, "IN_PROGRESS" as const] };
/** Only an open cycle can be changed (lib/tasks/mutations.ts), so only their tasks are asked for: in December both. */
const thisCycle = async (db: DbClient, today: Date, actor: Actor) => ({ cycle: await openCycleWhere(db, today, organisationsOf(actor)) });

export async function getEmailPreference(actor: Actor, db: DbClient = getDb()) {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { emailPreference: true } });
  return user?.emailPreference ?? "ALL";
}

type ToDoRow = {
  id: string; version: number; dueOn: Date | null; status: TaskStatus; assigneeKey: string; unitId: string | null;
  unitName: string | null; organisationId: string; year: number; title: string; responsibleRole: Role | null;
};

/**
 * The tasks Att göra nu lists, with their unit's name, cycle and activity, in one statement (Prisma reads each
 * relation with a statement of its own: four, issue 35). The ids come from the scoped query above.
 */
async function readToDoRows(db: DbClient, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<ToDoRow[]>`
    SELECT t."id", t."version", t."dueOn", t."status"::text AS "status", t."assigneeKey", t."unitId", u."name" AS "unitName",
      c."organisationId", c."year", a."title", a."responsibleRole"::text AS "responsibleRole"
    FROM "Task" t
      JOIN "Cycle" c ON c."id" = t."cycleId"
      JOIN "ActivityTemplate" a ON a."id" = t."activityId"
      LEFT JOIN "Unit" u ON u."id" = t."unitId"
    WHERE t."id" IN (${Prisma.join(ids)})`;
  return rows.map(({ unitName, organisationId, year, title, responsibleRole, ...t }) => ({
    ...t,
    unit: unitName === null ? null : { name: unitName },
    cycle: { organisationId, year },
    activity: { title, responsibleRole },
  }));
}

/**
 * "Att göra nu" beside the start page's wheel: open tasks of this year's cycle the actor may read that are overdue
 * or fall in this month, in the order of orderToDoNow (the actor's own first, overdue first). With `unitId` (the
 * unit the wheel shows) other units' tasks are left out; the verksamhet's and kommunikationsenhetens stay, and
 * `total` still counts them all, so the panel can say "visar N av M". Each task names its cycle (two are open in a
 * new cycle's first months, docs/decisions/020). `overdue` is the menu's count (countOverdueTasks), so the panel and
 * the badge never disagree, and both lead to the same list (overdueHref).
 */
export async function getTasksToDoNow(actor: Actor, today: Date, options: { unitId?: string | null; limit?: number } = {}, db: DbClient = getDb()) {
  const { unitId = null, limit = 8 } = options;
  const monthStart = utcDate(today.getUTCFullYear(), today.getUTCMonth() + 1, 1);
  const monthEnd = lastDayOfMonth(today.getUTCFullYear(), today.getUTCMonth() + 1);
  const open = await thisCycle(db, today, actor);
  // The menu's count (the same, counted once per render: countOverdueTasks), beside the list's own query.
  const [ids, overdue] = await Promise.all([db.task.findMany({
    where: {
      AND: [
        taskWhereFor(actor, "task:read"),
        open,
        { status: OPEN, OR: [{ dueOn: { lt: today } }, { startsOn: { lte: monthEnd }, dueOn: { gte: monthStart } }] },
      ],
    },
    select: { id: true },
  }), countOverdueTasks(actor, today, db)]);
  const rows = await readToDoRows(db, ids.map((t) => t.id));
  const cycles = openCyclesOn(today, (await openCycleCheck(db, organisationsOf(actor), today)).calendar);
  const roles = new Set(actor.assignments.map((a) => a.role));
  const tasks = orderToDoNow(
    rows.map((t) => ({ ...t, title: t.activity.title, responsibleRole: t.activity.responsibleRole })),
    (t) => toDoTier(t, can(actor, "task:update", { organisationId: t.cycle.organisationId, unitId: t.unitId, assigneeKey: t.assigneeKey, responsibleRole: t.responsibleRole }), roles),
    today,
  );
  const shown = unitId ? tasks.filter((t) => t.unitId === unitId || t.unitId === null) : tasks;
  return {
    tasks: shown.slice(0, limit).map((t) => ({ ...t, cycleState: cycles.find((c) => c.year === t.cycle.year)?.state ?? ("current" as const) })),
    total: tasks.length,
    overdue,
  };
}
export type ToDoNowTask = Awaited<ReturnType<typeof getTasksToDoNow>>["tasks"][number];

/** The menu's count of försenade tasks lives with the checklist, which counts them the same way. */
export { countOverdueTasks };

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
