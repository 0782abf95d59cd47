import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import type { TaskStatus } from "../db/generated/enums.ts";
import type { Actor } from "../auth/permissions.ts";
import { homeOrganisationFor } from "../auth/scope.ts";
import { REVIEW_TASK_KEYS } from "../tasks/module-tasks.ts";
import { showsRoutine, wheelScopeFor, type WheelScope } from "./scope.ts";
import { activityPeriod, currentCycleYearOf, cycleStartMonth, isOpenCycleYear, utcDate } from "../dates/cycle.ts";
import { getCycleCalendar } from "../cycle-calendar.ts";
import { completionLevel, emptyCompletion, statusLevel, type Completion } from "./completion.ts";
import { activityNumbers, buildRoutines, mergeVersions, type ActivityRow, type WheelAction, type WheelUnit } from "./routines.ts";
import { Prisma } from "../db/generated/client.ts";
import * as clock from "../clock.ts";
import { getCycleProgress } from "../tasks/progress-queries.ts";
import { countProgress, emptyProgress } from "../tasks/progress.ts";
import { knownOrganisationName } from "../auth/organisation-name.ts";

export type { WheelAction, WheelActivity, WheelPhase, WheelRoutine, WheelUnit } from "./routines.ts";

export type WheelParams = { year?: number; unitId?: string; /** The unit picker's area (many units): a unit elsewhere is not chosen. */ areaId?: string };

/**
 * Up to this many units the wheel's unit picker lists them all; above it, one area's (WheelData.pickerArea), chosen
 * in an area picker beside it, so that every page does not carry every unit (issue 35, docs/decisions/013).
 */
export const WHEEL_UNIT_PICKER_LIMIT = 60;

function chooseCycle<T extends { year: number }>(cycles: T[], asked: number | undefined, currentYear: number): T | null {
  return cycles.find((c) => c.year === asked) ?? cycles.find((c) => c.year === currentYear) ?? cycles.find((c) => c.year < currentYear) ?? cycles.at(-1) ?? null;
}

/**
 * Everything the årshjul of one cycle year shows, in the actor's scope (lib/wheel/scope.ts): the activities of
 * every routine version the cycle uses, per routine and phase, with how far the units have come (or one unit's
 * status), Socialstyrelsen's survey period and the improvement actions due in the year. An enhetschef or
 * koordinator sees one of their own units at a time, a kommunikatör kommunikationsenhetens activities, the
 * review's roles the review's routine. A fixed number of queries whatever the number of units or activities.
 * Null without routine:read.
 */
/** Whether a day lies in the twelve months a cycle year's wheel draws: from its first month (in year − 1 unless January). */
export function isInWheelYear(day: Date, year: number, firstMonth: number): boolean {
  const start = utcDate(firstMonth > 1 ? year - 1 : year, firstMonth, 1);
  const end = utcDate(start.getUTCFullYear() + 1, firstMonth, 1);
  return day >= start && day < end;
}

type UnitRow = { id: string; name: string; areaId: string; areaName: string; areaPosition: number };

/**
 * The verksamhet's active units with their areas in one statement (Prisma reads a relation with a second one). The
 * same filter as activeUnitWhere (lib/active-units.ts): an active unit of an area of the organisation.
 */
function readActiveUnits(db: DbClient, organisationId: string): Promise<UnitRow[]> {
  return db.$queryRaw<UnitRow[]>`
    SELECT u."id", u."name", a."id" AS "areaId", a."name" AS "areaName", a."position" AS "areaPosition"
    FROM "Unit" u JOIN "Area" a ON a."id" = u."areaId"
    WHERE u."active" AND a."organisationId" = ${organisationId}`;
}

type FlatActivityRow = Omit<ActivityRow, "phase" | "routineVersion"> & {
  phaseKey: string; phaseName: string; phasePosition: number; version: number;
  routineId: string; routineKey: string; routineTitle: string; routineColour: string; routineStartMonth: number;
};

/**
 * The activities the wheel draws, with their phases and routines, in one statement (Prisma sent four, issue 35): the
 * activities of every routine version the cycle's tasks use (without a cycle: the active versions), the verksamhet's
 * and, with a unit chosen, that unit's own (issue 21).
 */
async function readActivities(db: DbClient, organisationId: string, cycleId: string | null, unitId: string | null): Promise<ActivityRow[]> {
  const versions = cycleId
    ? Prisma.sql`EXISTS (SELECT 1 FROM "ActivityTemplate" va JOIN "Task" t ON t."activityId" = va."id" WHERE va."routineVersionId" = v."id" AND t."cycleId" = ${cycleId})`
    : Prisma.sql`v."status" = 'ACTIVE'`;
  const rows = await db.$queryRaw<FlatActivityRow[]>`
    SELECT a."id", a."key", a."position", a."title", a."shortName", a."description", a."kind"::text AS "kind", a."timing"::text AS "timing",
      a."startMonth", a."endMonth", a."responsibleRole"::text AS "responsibleRole", a."scope"::text AS "scope", a."ownerUnitId",
      p."key" AS "phaseKey", p."name" AS "phaseName", p."position" AS "phasePosition", v."version",
      r."id" AS "routineId", r."key" AS "routineKey", r."title" AS "routineTitle", r."colour" AS "routineColour", r."startMonth" AS "routineStartMonth"
    FROM "ActivityTemplate" a
      JOIN "Phase" p ON p."id" = a."phaseId"
      JOIN "RoutineVersion" v ON v."id" = a."routineVersionId"
      JOIN "Routine" r ON r."id" = v."routineId"
    WHERE r."organisationId" = ${organisationId}
      AND (a."ownerUnitId" IS NULL${unitId ? Prisma.sql` OR a."ownerUnitId" = ${unitId}` : Prisma.empty})
      AND ${versions}`;
  return rows.map(({ phaseKey, phaseName, phasePosition, version, routineId, routineKey, routineTitle, routineColour, routineStartMonth, ...a }) => ({
    ...a,
    phase: { key: phaseKey, name: phaseName, position: phasePosition },
    routineVersion: { version, routine: { id: routineId, key: routineKey, title: routineTitle, colour: routineColour, startMonth: routineStartMonth } },
  }));
}

export async function getWheelData(actor: Actor, params: WheelParams, db: DbClient = getDb(), today: Date = clock.today()) {
  const organisationId = homeOrganisationFor(actor, "routine:read");
  if (!organisationId) return null;
  const scope: WheelScope = wheelScopeFor(actor);
  const [organisation, cycles, unitRows, calendar] = await Promise.all([
    knownOrganisationName(actor, organisationId) ?? db.organisation.findUnique({ where: { id: organisationId }, select: { name: true } }),
    // Only the columns the wheel uses (issue 35: every column costs parsing, in pg and in Prisma).
    db.cycle.findMany({
      where: { organisationId },
      orderBy: { year: "desc" },
      select: { id: true, year: true, surveyDispatchOn: true, surveyReminderOn: true, surveyLastAnswerOn: true, resultsPublishedOn: true },
    }),
    readActiveUnits(db, organisationId),
    getCycleCalendar(db, organisationId),
  ]);
  const currentYear = currentCycleYearOf(today, calendar);
  const allowed = scope.kind === "units" && scope.unitIds !== "all" ? new Set(scope.unitIds) : null;
  const units: WheelUnit[] = unitRows
    .filter((u) => (scope.kind === "verksamhet" || scope.kind === "units") && (!allowed || allowed.has(u.id)))
    .sort((a, b) => a.areaPosition - b.areaPosition || a.name.localeCompare(b.name, "sv"))
    .map((u) => ({ id: u.id, name: u.name, areaId: u.areaId, areaName: u.areaName }));
  const cycle = chooseCycle(cycles, params.year, currentYear);
  const year = cycle?.year ?? currentYear;
  // A unit's own people always see one of their units; the verksamhet's managers all units unless they pick one.
  // With many units the picker shows one area's: a unit outside the area asked for (the area was changed) is not chosen.
  const askedArea = units.length > WHEEL_UNIT_PICKER_LIMIT && units.some((u) => u.areaId === params.areaId) ? params.areaId : undefined;
  const inArea = (u: WheelUnit) => askedArea === undefined || u.areaId === askedArea;
  const unit = units.find((u) => u.id === params.unitId && inArea(u)) ?? (scope.kind === "units" ? (units.find(inArea) ?? null) : null);
  const pickerArea = units.length > WHEEL_UNIT_PICKER_LIMIT ? (unit?.areaId ?? askedArea ?? null) : null;
  const cycleId = cycle?.id ?? "";
  const open = { in: ["NOT_STARTED", "IN_PROGRESS"] as TaskStatus[] };
  // The list of tasks the scope's own people work in (the checklist's group): the chosen unit's for a unit's people,
  // kommunikationsenhetens, the verksamhet's review steps. The start page's panel offers these tasks' forms.
  const ownList: { unitId: string } | { unitId: null; assigneeKey: string } | null =
    scope.kind === "units" && unit ? { unitId: unit.id } : scope.kind === "communications" ? { unitId: null, assigneeKey: "COMMUNICATIONS" } : scope.kind === "review" ? { unitId: null, assigneeKey: "ORGANISATION" } : null;
  const taskWhere = unit ? { OR: [{ unitId: unit.id }, { unitId: null }] } : ownList;
  // With a unit chosen, a unit's activity shows that unit's status (unitTasks), so the counts across units are read only
  // for the verksamhet's own tasks: not every unit's tasks of the cycle (issue 35, the enhetschef's start page).
  const countedWhere = unit ? { cycleId, unitId: null } : { cycleId };

  // With a unit chosen, the unit's and the verksamhet's tasks of the cycle are one small list: the counts, the
  // overdue and the unit's progress are taken from it here instead of three more statements (issue 35).
  const taskSelect = { activityId: true, status: true, id: true, version: true, plannedOn: true, plannedTime: true, plannedPlace: true, plannedLead: true, unitId: true, assigneeKey: true, dueOn: true, doneOn: true } as const;
  const [rows, unitTasks, countedRows, actionRows] = await Promise.all([
    readActivities(db, organisationId, cycle ? cycleId : null, unit?.id ?? null),
    // The task's plan (issue 21): a planned step is drawn at its day.
    taskWhere ? db.task.findMany({ where: { cycleId, ...taskWhere }, select: taskSelect }) : Promise.resolve([]),
    unit
      ? null
      : Promise.all([
          db.task.groupBy({ by: ["activityId", "status"], where: countedWhere, _count: { _all: true } }),
          db.task.findMany({ where: { ...countedWhere, status: open, dueOn: { lt: today } }, select: { id: true, activityId: true, unitId: true } }),
          // The shares done, counted as on every page (lib/tasks/progress.ts): the whole cycle.
          cycle ? getCycleProgress(db, [{ cycleId: cycle.id, date: today }]).then((p) => p[0]!) : Promise.resolve(emptyProgress()),
        ]),
    db.improvementAction.findMany({
      where: {
        organisationId,
        AND: [
          // The wheel's twelve months start in year − 1 when its first month is not January: read both years, keep the wheel's below.
          { OR: [...(cycle ? [{ cycleId: cycle.id }] : []), { dueOn: { gte: utcDate(year - 1, 1, 1), lte: utcDate(year, 12, 31) } }] },
          ...(unit ? [{ OR: [{ unitId: unit.id }, { unitId: null }] }] : []),
        ],
      },
      orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { title: "asc" }],
      select: { id: true, cycleId: true, title: true, status: true, dueOn: true, ownerName: true, unitId: true, indicatorId: true },
    }),
  ]);
  let byStatus: { activityId: string; status: TaskStatus; _count: { _all: number } }[];
  let overdue: { id: string; activityId: string; unitId: string | null }[];
  let progress: ReturnType<typeof emptyProgress>;
  if (countedRows) [byStatus, overdue, progress] = countedRows;
  else {
    // The same figures as the queries above, from the list: the verksamhet's own tasks counted, the unit's progress.
    const own = unitTasks.filter((t) => t.unitId === null);
    const grouped = new Map<string, { activityId: string; status: TaskStatus; _count: { _all: number } }>();
    for (const t of own) {
      const key = `${t.activityId}|${t.status}`;
      const g = grouped.get(key) ?? grouped.set(key, { activityId: t.activityId, status: t.status, _count: { _all: 0 } }).get(key)!;
      g._count._all += 1;
    }
    byStatus = [...grouped.values()];
    overdue = own.filter((t) => open.in.includes(t.status) && t.dueOn !== null && t.dueOn < today).map((t) => ({ id: t.id, activityId: t.activityId, unitId: t.unitId }));
    progress = cycle ? countProgress(unitTasks.filter((t) => t.unitId === unit!.id), today) : emptyProgress();
  }
  // An action's indicator only when one has it (Prisma reads a relation with a statement of its own, even for none).
  const indicatorIds = [...new Set(actionRows.flatMap((a) => (a.indicatorId ? [a.indicatorId] : [])))];
  const indicatorName = new Map(
    (indicatorIds.length > 0 ? await db.indicator.findMany({ where: { id: { in: indicatorIds } }, select: { id: true, name: true } }) : []).map((i) => [i.id, i.name]),
  );

  const counts = new Map<string, Completion>();
  const countOf = (id: string) => counts.get(id) ?? counts.set(id, emptyCompletion()).get(id)!;
  const field: Record<TaskStatus, Exclude<keyof Completion, "total" | "overdue">> = { DONE: "done", NOT_APPLICABLE: "notApplicable", IN_PROGRESS: "inProgress", NOT_STARTED: "notStarted" };
  for (const g of byStatus) {
    const c = countOf(g.activityId);
    c[field[g.status]] += g._count._all;
    c.total += g._count._all;
  }
  // activity id → unit id → that unit's overdue task
  const overdueUnitIds = new Map<string, Map<string, string>>();
  for (const t of overdue) {
    countOf(t.activityId).overdue += 1;
    if (t.unitId) overdueUnitIds.set(t.activityId, (overdueUnitIds.get(t.activityId) ?? new Map<string, string>()).set(t.unitId, t.id));
  }
  const unitStatus = new Map(unitTasks.map((t) => [t.activityId, t.status]));
  const unitTaskOf = new Map(unitTasks.map((t) => [t.activityId, { id: t.id, version: t.version, plannedOn: t.plannedOn, plannedTime: t.plannedTime, plannedPlace: t.plannedPlace, plannedLead: t.plannedLead }]));
  const inOwnList = (t: (typeof unitTasks)[number]) => ownList !== null && t.unitId === ownList.unitId && (ownList.unitId !== null || t.assigneeKey === ownList.assigneeKey);
  const ownTaskOf = new Map(unitTasks.filter(inOwnList).map((t) => [t.activityId, t.id]));
  /** Wheel activity id → the own list's task of it. */
  const ownTasks: Record<string, string> = {};

  // The scope's routines and, for the kommunikatör, only kommunikationsenhetens activities.
  const reviewRoutines = new Set(rows.filter((r) => REVIEW_TASK_KEYS.includes(r.key)).map((r) => r.routineVersion.routine.id));
  const shown = rows.filter((r) => showsRoutine(scope, reviewRoutines.has(r.routineVersion.routine.id)) && (scope.kind !== "communications" || r.scope === "COMMUNICATIONS"));
  const routines = buildRoutines(mergeVersions(shown), shown, (id, row, ids) => {
    const completion = emptyCompletion();
    for (const c of ids.map((i) => counts.get(i)).filter((c) => c !== undefined)) {
      for (const k of Object.keys(completion) as (keyof Completion)[]) completion[k] += c[k];
    }
    const { startsOn, dueOn } = activityPeriod(year, row, cycleStartMonth(calendar));
    const late = new Map(ids.flatMap((i) => [...(overdueUnitIds.get(i) ?? [])]));
    const overdueUnits = scope.kind === "verksamhet" && !unit ? units.filter((u) => late.has(u.id)).map((u) => ({ id: u.id, name: u.name, taskId: late.get(u.id)! })) : [];
    const ownTask = ids.map((i) => ownTaskOf.get(i)).find((t) => t !== undefined);
    if (ownTask) ownTasks[id] = ownTask;
    const base = { id, key: row.key, title: row.title, shortName: row.shortName, description: row.description, kind: row.kind, timing: row.timing, startMonth: row.startMonth, endMonth: row.endMonth, responsibleRole: row.responsibleRole, scope: row.scope, local: row.ownerUnitId !== null, startsOn, dueOn, completion, overdueUnits };
    if (!unit) return { ...base, level: completionLevel(completion, startsOn, today) };
    const status = ids.map((i) => unitStatus.get(i)).find((s) => s !== undefined) ?? null;
    const unitTask = ids.map((i) => unitTaskOf.get(i)).find((t) => t !== undefined) ?? null;
    return { ...base, unitStatus: status, unitTask, level: statusLevel(status, startsOn, today) };
    // Numbered over every routine activity of the cycle, not the scope's: the kommunikatör's "31" is everyone's "31".
  }, activityNumbers(rows));

  // Twelve o'clock is the cycle's first month: December when the brukarundersökning is one of the verksamhet's routines.
  const firstMonth = cycleStartMonth(calendar);
  // An action's unit by its own record, whatever the scope's units are (the handläggare's wheel has none).
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  const unknown = [...new Set(actionRows.flatMap((a) => (a.unitId && !unitName.has(a.unitId) ? [a.unitId] : [])))];
  const actionUnits = unknown.length > 0 ? await db.unit.findMany({ where: { id: { in: unknown } }, select: { id: true, name: true, active: true } }) : [];
  for (const u of actionUnits) unitName.set(u.id, u.active ? u.name : `${u.name} (inte längre aktiv)`);
  const actions: WheelAction[] = actionRows.filter((a) => a.cycleId === cycle?.id || (a.dueOn !== null && isInWheelYear(a.dueOn, year, firstMonth))).map((a) => ({
    id: a.id,
    title: a.title,
    status: a.status,
    dueOn: a.dueOn,
    ownerName: a.ownerName,
    unitName: a.unitId ? (unitName.get(a.unitId) ?? "Enhet som inte längre finns") : null,
    indicatorName: (a.indicatorId && indicatorName.get(a.indicatorId)) ?? null,
    // Drawn in the sector of its month only when that sector is this month of this wheel (issue 32: not December a year early).
    inYear: a.dueOn !== null && isInWheelYear(a.dueOn, year, firstMonth),
  }));
  return {
    organisationName: organisation?.name ?? "",
    years: cycles.map((c) => c.year),
    firstMonth,
    year,
    /** Whether the cycle shown is open (docs/decisions/020): then its försenade are listed at overdueHref. */
    open: isOpenCycleYear(year, today, calendar),
    hasCycle: cycle !== null,
    survey: cycle
      ? { dispatchOn: cycle.surveyDispatchOn, reminderOn: cycle.surveyReminderOn, lastAnswerOn: cycle.surveyLastAnswerOn, resultsPublishedOn: cycle.resultsPublishedOn }
      : null,
    today,
    scope: scope.kind,
    units,
    unit,
    /** Above WHEEL_UNIT_PICKER_LIMIT units: the area whose units the picker lists (the chosen unit's, or the one asked for). */
    pickerArea,
    routines,
    actions,
    progress,
    /**
     * The scope's own task of each activity that has one (wheel activity id → task id): the start page's panel fetches
     * that task with its forms when it opens (docs/decisions/032). Empty for a scope without a list of its own.
     */
    ownTasks,
  };
}
export type WheelData = NonNullable<Awaited<ReturnType<typeof getWheelData>>>;
