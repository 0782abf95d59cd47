import "server-only";
import { cache } from "react";
import { getDb, type DbClient } from "../db/index.ts";
import { Prisma } from "../db/generated/client.ts";
import { can, type Actor } from "../auth/permissions.ts";
import { organisationsOf } from "../auth/scope.ts";
import type { ChecklistFilter, ChecklistParams, OverdueListParams } from "./schemas.ts";
import { CHECKLIST_FILTERS } from "./schemas.ts";
import { taskWhereFor } from "./scope.ts";
import { isCurrent, isHandled, isOverdue, isPastDue, isUndoable, matchesFilter } from "./status.ts";
import { countProgress, type ProgressFigures } from "./progress.ts";
import { letterState, taskModuleOf, type LetterState, type TaskModule } from "./module-tasks.ts";
import type { TaskStatus } from "../db/generated/enums.ts";
import * as clock from "../clock.ts";
import { currentCycleYearOf, cycleSpanNote, describeCycleYear, isOpenCycleYear, openCycleYears } from "../dates/cycle.ts";
import { openCycleCheck, openCycleWhere, openCyclesOn } from "../cycle-calendar.ts";
import { overdueHref } from "./overdue-href.ts";
import { getCyclePlanningSummary, PLANNING_STEP_KEY, type PlanningSummary } from "./plan-queries.ts";

/** The pseudo-units of the unit switch for tasks without a unit. */
export const VERKSAMHET = "verksamhet";
export const KOMMUNIKATION = "kommunikation";
const KEY_OF_ASSIGNEE: Record<string, string> = { ORGANISATION: VERKSAMHET, COMMUNICATIONS: KOMMUNIKATION };
const ASSIGNEE_OF_KEY: Record<string, string> = { [VERKSAMHET]: "ORGANISATION", [KOMMUNIKATION]: "COMMUNICATIONS" };

export type ChecklistGroup = { key: string; label: string; areaName: string | null; areaPosition: number; editable: boolean };

const taskSelect = {
  id: true,
  status: true,
  version: true,
  startsOn: true,
  dueOn: true,
  comment: true,
  notApplicableReason: true,
  completedAt: true,
  doneOn: true,
  plannedOn: true,
  plannedTime: true,
  plannedPlace: true,
  plannedLead: true,
  unitId: true,
  assigneeKey: true,
  completedBy: { select: { name: true } },
  cycleId: true,
  cycle: { select: { organisationId: true, year: true } },
  activity: {
    select: {
      key: true,
      title: true,
      description: true,
      responsibleRole: true,
      kind: true,
      timing: true,
      templateRef: true,
      letterNumber: true,
      position: true,
      ownerUnitId: true,
      phase: { select: { key: true, name: true, position: true } },
      routineVersion: { select: { routineId: true, routine: { select: { title: true } } } },
    },
  },
  letterDispatches: { select: { sentOn: true } },
} satisfies Prisma.TaskSelect;

type TaskRow = Prisma.TaskGetPayload<{ select: typeof taskSelect }>;

/** taskSelect's own columns: what withTaskRelations adds the completer's name and the activity to. */
const taskColumns = {
  id: true, status: true, version: true, startsOn: true, dueOn: true, comment: true, notApplicableReason: true, completedAt: true, doneOn: true,
  plannedOn: true, plannedTime: true, plannedPlace: true, plannedLead: true, unitId: true, assigneeKey: true, cycleId: true,
} satisfies Prisma.TaskSelect;
type TaskRelations = Pick<TaskRow, "completedBy" | "activity">;
type RelationRow = {
  id: string; completedByName: string | null; key: string; title: string; description: string | null; responsibleRole: TaskRow["activity"]["responsibleRole"];
  kind: TaskRow["activity"]["kind"]; timing: TaskRow["activity"]["timing"]; templateRef: string | null; letterNumber: number | null; position: number;
  ownerUnitId: string | null; phaseKey: string; phaseName: string; phasePosition: number; routineId: string; routineTitle: string;
};

/**
 * taskSelect's relations (who completed each task, its activity with phase and routine) for tasks read with
 * taskColumns, in one statement: Prisma reads each relation with a statement of its own (six for a list, issue 35).
 */
async function withTaskRelations<T extends { id: string }>(db: DbClient, tasks: T[]): Promise<(T & TaskRelations)[]> {
  if (tasks.length === 0) return [];
  const rows = await db.$queryRaw<RelationRow[]>`
    SELECT t."id", u."name" AS "completedByName", a."key", a."title", a."description", a."responsibleRole"::text AS "responsibleRole",
      a."kind"::text AS "kind", a."timing"::text AS "timing", a."templateRef", a."letterNumber", a."position", a."ownerUnitId",
      p."key" AS "phaseKey", p."name" AS "phaseName", p."position" AS "phasePosition", v."routineId", r."title" AS "routineTitle"
    FROM "Task" t
      JOIN "ActivityTemplate" a ON a."id" = t."activityId"
      JOIN "Phase" p ON p."id" = a."phaseId"
      JOIN "RoutineVersion" v ON v."id" = a."routineVersionId"
      JOIN "Routine" r ON r."id" = v."routineId"
      LEFT JOIN "User" u ON u."id" = t."completedById"
    WHERE t."id" IN (${Prisma.join(tasks.map((t) => t.id))})`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return tasks.map((t) => {
    const r = byId.get(t.id)!;
    return {
      ...t,
      completedBy: r.completedByName === null ? null : { name: r.completedByName },
      activity: {
        key: r.key, title: r.title, description: r.description, responsibleRole: r.responsibleRole, kind: r.kind, timing: r.timing,
        templateRef: r.templateRef, letterNumber: r.letterNumber, position: r.position, ownerUnitId: r.ownerUnitId,
        phase: { key: r.phaseKey, name: r.phaseName, position: r.phasePosition },
        routineVersion: { routineId: r.routineId, routine: { title: r.routineTitle } },
      },
    };
  });
}
/** A module-driven task's module, and for a brukarbrev its state as the Brukarbrev page shows it. */
export type TaskModuleView = { module: TaskModule; letterState: LetterState | null; href: string | null };
/** kept: shown although it no longer matches the filter, because the user just changed it (undoTo: what Ångra restores). */
export type ChecklistTask = TaskRow & { overdue: boolean; pastDue: boolean; current: boolean; canUpdate: boolean; module: TaskModuleView | null; kept: boolean; undoTo: TaskStatus | null; planning?: PlanningSummary };

/** A brukarbrev's card on the Brukarbrev page of its cycle, with its form open (three clicks from the badge, issue 32). */
function letterHref(unitId: string, year: number, letterNumber: number | null) {
  return letterNumber ? `/brukarbrev?enhet=${unitId}&ar=${year}&brev=${letterNumber}#brukarbrev-${letterNumber}` : `/brukarbrev?enhet=${unitId}&ar=${year}`;
}

/** The module a task is done in, with a link there when the actor may open it. */
function moduleView(actor: Actor, task: Pick<TaskRow, "status" | "dueOn" | "unitId" | "cycle" | "activity" | "letterDispatches">, today: Date): TaskModuleView | null {
  const driver = taskModuleOf(task.activity);
  if (!driver) return null;
  if (driver.kind === "letter") {
    const readable = task.unitId !== null && can(actor, "letter:read", { organisationId: task.cycle.organisationId, unitId: task.unitId });
    return { module: driver, letterState: letterState(task, task.letterDispatches[0] ?? null, today), href: readable ? letterHref(task.unitId!, task.cycle.year, task.activity.letterNumber) : null };
  }
  const readable = can(actor, "review:read", { organisationId: task.cycle.organisationId });
  const path = `/kvalitetsgranskning/${task.cycle.year}${driver.step === "summary" ? "/sammanstallning" : ""}`;
  return { module: driver, letterState: null, href: readable ? path : null };
}
/** A phase's key in the checklist: the routine and the phase (two routines can have a phase of the same key). */
export const phaseKeyOf = (task: { activity: { phase: { key: string }; routineVersion: { routineId: string } } }) => `${task.activity.routineVersion.routineId}/${task.activity.phase.key}`;

export type ChecklistPhase = { key: string; name: string; routineTitle: string; total: number; handled: number; progress: ProgressFigures; tasks: ChecklistTask[] };

type TaskPlace = Pick<TaskRow, "unitId" | "assigneeKey" | "cycle" | "activity">;

/** Whether the actor's roles may change the task in any year: "mine" in the permission table's words. */
function isMine(actor: Actor, task: TaskPlace) {
  return can(actor, "task:update", { organisationId: task.cycle.organisationId, unitId: task.unitId, assigneeKey: task.assigneeKey, responsibleRole: task.activity.responsibleRole });
}

type OpenCheck = (cycle: { organisationId: string; year: number }) => boolean;

/** Mine, in a cycle that is open today (docs/decisions/014-routine-start-month.md). */
function canUpdateTask(actor: Actor, task: TaskPlace, isOpen: OpenCheck) {
  return isOpen(task.cycle) && isMine(actor, task);
}


/**
 * How many tasks of the open cycles the actor may change are försenade (isOverdue): the menu's badge. The
 * checklist counts its "Försenade" filter with the same isOverdue over the same tasks (its default "mina" view).
 */
export async function countOverdueTasks(actor: Actor, today: Date, db: DbClient = getDb()): Promise<number> {
  return countOverdueOnce(actor, today.getTime(), db);
}
/** The menu's badge and the start page's Att göra nu ask for the same count: counted once per server render (React's cache()). */
const countOverdueOnce = cache(async function countOverdueOnce(actor: Actor, day: number, db: DbClient): Promise<number> {
  return [...(await countOverdueTasksByCycle(actor, new Date(day), db)).values()].reduce((sum, n) => sum + n, 0);
});

/**
 * The badge's count per open cycle year (`only`: of one list): in December the ending cycle's försenade are not in the
 * new cycle's checklist, which names them.
 */
export async function countOverdueTasksByCycle(actor: Actor, today: Date, db: DbClient = getDb(), only: Prisma.TaskWhereInput = {}, action: "task:update" | "task:read" = "task:update"): Promise<Map<number, number>> {
  // One statement: the open cycles with their overdue tasks counted (a relation count is a subquery of the same query).
  const [where, open] = await Promise.all([overdueWhere(actor, today, db, action, only), openCycleWhere(db, today, organisationsOf(actor))]);
  const cycles = await db.cycle.findMany({ where: open, select: { year: true, _count: { select: { tasks: { where } } } } });
  const counts = new Map<number, number>();
  for (const c of cycles) if (c._count.tasks > 0) counts.set(c.year, (counts.get(c.year) ?? 0) + c._count.tasks);
  return counts;
}

/**
 * The försenade of the open cycles (isOverdue, in SQL) that the actor may change ("task:update": the badge's) or
 * read ("task:read": the overview's). Every count of försenade and the list its link leads to use this one clause.
 */
export async function overdueWhere(actor: Actor, today: Date, db: DbClient, action: "task:update" | "task:read", only: Prisma.TaskWhereInput = {}): Promise<Prisma.TaskWhereInput> {
  return { AND: [taskWhereFor(actor, action), { cycle: await openCycleWhere(db, today, organisationsOf(actor)) }, { dueOn: { lt: today }, status: { in: ["NOT_STARTED", "IN_PROGRESS"] } }, only] };
}

export type OverdueCycle = { year: number; label: string; state: "current" | "ending"; openUntil: Date; tasks: (ChecklistTask & { unitName: string })[] };

export type OverdueElsewhere = { year: number; label: string; state: "current" | "ending"; openUntil: Date; count: number; href: string };

/**
 * The försenade of the open cycles other than the one a page shows (docs/decisions/020): the ending cycle's beside the
 * new one, or the new one's beside an older one chosen. "task:read" counts what the actor may see (the overview, the
 * wheel), "task:update" what they may do; `href` lists exactly those tasks.
 */
export async function getOverdueElsewhere(actor: Actor, shownYear: number | null, action: "task:update" | "task:read", db: DbClient = getDb(), today: Date = clock.today()): Promise<OverdueElsewhere[]> {
  const open = await openCycleCheck(db, organisationsOf(actor), today);
  const others = openCyclesOn(today, open.calendar).filter((c) => c.year !== shownYear);
  if (others.length === 0) return [];
  const counts = await countOverdueTasksByCycle(actor, today, db, { cycle: { year: { in: others.map((c) => c.year) } } }, action);
  return others
    .map((c) => ({ year: c.year, label: c.label, state: c.state, openUntil: c.openUntil, count: counts.get(c.year) ?? 0, href: overdueHref({ year: c.year, all: action === "task:read" }) }))
    .filter((c) => c.count > 0);
}

/**
 * The list every försenade count links to (/checklista/forsenade): the overdue tasks of the open cycles, newest cycle
 * first, each cycle labelled and each task with the checklist's actions. "mina": those the actor may change (the
 * badge, Att göra nu, the checklist's notice); "alla": those the actor may read (the overview, the wheel).
 */
export async function getOverdueList(actor: Actor, params: OverdueListParams, db: DbClient = getDb(), today: Date = clock.today()): Promise<OverdueCycle[]> {
  const organisations = organisationsOf(actor);
  const [open, rows] = await Promise.all([
    openCycleCheck(db, organisations, today),
    db.task.findMany({
      where: await overdueWhere(actor, today, db, params.visa === "alla" ? "task:read" : "task:update", params.ar ? { cycle: { year: params.ar } } : {}),
      orderBy: [{ dueOn: "asc" }, { activity: { position: "asc" } }, { id: "asc" }],
      select: { ...taskSelect, unit: { select: { name: true } } },
    }),
  ]);
  const cycles = openCyclesOn(today, open.calendar);
  return cycles
    .map((c) => ({
      year: c.year,
      label: c.label,
      state: c.state,
      openUntil: c.openUntil,
      tasks: rows
        .filter((t) => t.cycle.year === c.year)
        .map((t) => ({
          ...t,
          unitName: t.unit?.name ?? (t.assigneeKey === "COMMUNICATIONS" ? "Kommunikationsenheten" : "Hela verksamheten"),
          overdue: true,
          pastDue: true,
          current: isCurrent(t, today),
          canUpdate: canUpdateTask(actor, t, open.isOpen),
          module: moduleView(actor, t, today),
          kept: false,
          undoTo: null,
        })),
    }))
    .filter((c) => c.tasks.length > 0);
}

/** What Ångra restores on a task the actor just changed: the status before the actor's own last status change. */
async function undoTarget(actor: Actor, task: { id: string; status: TaskStatus }, db: DbClient): Promise<TaskStatus | null> {
  const last = await db.taskEvent.findFirst({ where: { taskId: task.id, type: "STATUS_CHANGED" }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { actorId: true, fromStatus: true, toStatus: true, details: true } });
  return last && isUndoable(last, actor.id, task.status) ? last.fromStatus : null;
}

/**
 * The tasks of one list in one year, as taskSelect gives them but with two lookups fewer: their cycle from the cycles
 * already read (getReadableCycles), and a brukarbrev's dispatches only when the list has a brukarbrev.
 */
async function getGroupTasks(actor: Actor, db: DbClient, year: number, key: string, cycleOf: Map<string, { organisationId: string; year: number }>): Promise<TaskRow[]> {
  const rows = await db.task.findMany({
    where: { AND: [taskWhereFor(actor, "task:read"), { cycle: { year } }, groupWhere(key)] },
    orderBy: [{ startsOn: { sort: "asc", nulls: "last" } }, { dueOn: { sort: "asc", nulls: "last" } }, { activity: { position: "asc" } }],
    select: taskColumns,
  }).then((tasks) => withTaskRelations(db, tasks));
  const letters = rows.filter((t) => t.activity.kind === "LETTER").map((t) => t.id);
  const dispatches = letters.length > 0 ? await db.letterDispatch.findMany({ where: { taskId: { in: letters } }, select: { taskId: true, sentOn: true } }) : [];
  return rows.map((t) => ({
    ...t,
    cycle: cycleOf.get(t.cycleId)!,
    letterDispatches: dispatches.filter((d) => d.taskId === t.id).map((d) => ({ sentOn: d.sentOn })),
  }));
}

function groupWhere(key: string): Prisma.TaskWhereInput {
  const assigneeKey = ASSIGNEE_OF_KEY[key];
  return assigneeKey ? { unitId: null, assigneeKey } : { unitId: key };
}

/** The units (and verksamhet-wide lists) of a year the actor may read; those with something to tick first. */
async function getGroups(actor: Actor, year: number, db: DbClient): Promise<ChecklistGroup[]> {
  const inYear = { cycle: { year } };
  const [readable, writable] = await Promise.all([
    db.task.findMany({
      where: { AND: [taskWhereFor(actor, "task:read"), inYear] },
      distinct: ["assigneeKey"],
      select: { assigneeKey: true, unitId: true },
    }),
    db.task.findMany({ where: { AND: [taskWhereFor(actor, "task:update"), inYear] }, distinct: ["assigneeKey"], select: { assigneeKey: true } }),
  ]);
  // The units with their areas in one statement (Prisma's relations took two, issue 35).
  const unitIds = readable.flatMap((t) => (t.unitId ? [t.unitId] : []));
  const units = new Map(
    (unitIds.length > 0
      ? await db.$queryRaw<{ id: string; name: string; areaName: string; areaPosition: number }[]>`
          SELECT u."id", u."name", a."name" AS "areaName", a."position" AS "areaPosition" FROM "Unit" u JOIN "Area" a ON a."id" = u."areaId"
          WHERE u."id" IN (${Prisma.join(unitIds)})`
      : []
    ).map((u) => [u.id, u]),
  );
  const editable = new Set(writable.map((t) => t.assigneeKey));
  const groups = readable.map((t) => {
    const unit = t.unitId ? units.get(t.unitId) : undefined;
    return {
      key: t.unitId ?? KEY_OF_ASSIGNEE[t.assigneeKey] ?? t.assigneeKey,
      label: unit?.name ?? (t.assigneeKey === "COMMUNICATIONS" ? "Kommunikationsenheten" : "Hela verksamheten"),
      areaName: unit?.areaName ?? null,
      areaPosition: unit?.areaPosition ?? -1,
      editable: editable.has(t.assigneeKey),
    };
  });
  return groups.sort(
    (a, b) => Number(b.editable) - Number(a.editable) || a.areaPosition - b.areaPosition || a.label.localeCompare(b.label, "sv"),
  );
}

/** The cycles in which the actor may read some task, newest first (with their ids, so that a list's tasks need not ask). */
async function getReadableCycles(actor: Actor, db: DbClient) {
  return db.cycle.findMany({ where: { tasks: { some: taskWhereFor(actor, "task:read") } }, select: { id: true, year: true, organisationId: true }, orderBy: { year: "desc" } });
}

function chooseYear(years: number[], asked: number | undefined, currentYear: number) {
  if (asked !== undefined && years.includes(asked)) return asked;
  if (years.includes(currentYear)) return currentYear;
  return years.find((y) => y < currentYear) ?? years.at(-1) ?? currentYear;
}

/**
 * The checklist of one unit (or verksamhet-wide list) for one cycle year, as the actor may read it: tasks
 * grouped by phase in date order, with overdue, this month's and what the actor may change marked. In the
 * default "mina" view of a list the actor may change, only the tasks their roles may change; "enhet" shows all.
 * keep: a task the actor just changed (without JavaScript), shown with what happened and what Ångra restores, even if it
 * has left the filter.
 */
export async function getChecklist(actor: Actor, params: ChecklistParams, db: DbClient = getDb(), today: Date = clock.today(), keep?: string) {
  const [cycles, open] = await Promise.all([getReadableCycles(actor, db), openCycleCheck(db, organisationsOf(actor), today)]);
  const years = [...new Set(cycles.map((c) => c.year))];
  const cycleOf = new Map(cycles.map((c) => [c.id, { organisationId: c.organisationId, year: c.year }]));
  // Users belong to one verksamhet (docs/decisions/010), so its calendar measures the years shown.
  const calendar = open.calendar;
  const currentYear = currentCycleYearOf(today, calendar);
  const year = chooseYear(years, params.ar, currentYear);
  const groups = years.length > 0 ? await getGroups(actor, year, db) : [];
  const group = groups.find((g) => g.key === params.enhet) ?? groups[0] ?? null;
  const [rows, overdueByYear] = await Promise.all([
    group ? getGroupTasks(actor, db, year, group.key, cycleOf) : [],
    // Only while another cycle is open too (December) can this list have försenade elsewhere.
    group && openCycleYears(today, calendar).some((y) => y !== year) ? countOverdueTasksByCycle(actor, today, db, groupWhere(group.key)) : new Map<number, number>(),
  ]);
  const mineOnly = Boolean(group?.editable) && params.visa === "mina";
  const mineCount = rows.filter((t) => isMine(actor, t)).length;
  const shown = mineOnly ? rows.filter((t) => isMine(actor, t)) : rows;
  // Kept (also within the filter, where the task then says what happened: a post without JavaScript has no other answer).
  const keptRow = keep ? shown.find((t) => t.id === keep) : undefined;
  const undoTo = keptRow && canUpdateTask(actor, keptRow, open.isOpen) ? await undoTarget(actor, keptRow, db) : null;
  // The routine's planning step shows the planning check of every unit (issue 21).
  const step = shown.find((t) => t.unitId === null && t.activity.key === PLANNING_STEP_KEY);
  const planning = step ? await getCyclePlanningSummary(db, step.cycleId, step.cycle.organisationId) : undefined;
  const tasks: ChecklistTask[] = shown.map((t) => ({
    ...t,
    overdue: isOverdue(t, today),
    pastDue: isPastDue(t, today),
    current: isCurrent(t, today),
    canUpdate: canUpdateTask(actor, t, open.isOpen),
    module: moduleView(actor, t, today),
    kept: t === keptRow,
    undoTo: t === keptRow ? undoTo : null,
    ...(t === step ? { planning } : {}),
  }));

  const phases = new Map<string, Omit<ChecklistPhase, "progress"> & { order: [string, number] }>();
  for (const task of tasks) {
    const { phase, routineVersion } = task.activity;
    const key = phaseKeyOf(task);
    const entry = phases.get(key) ?? { key, name: phase.name, routineTitle: routineVersion.routine.title, total: 0, handled: 0, tasks: [], order: [routineVersion.routine.title, phase.position] };
    entry.total += 1;
    if (isHandled(task.status)) entry.handled += 1;
    if (matchesFilter(task, params.filter, today) || task.kept) entry.tasks.push(task);
    phases.set(key, entry);
  }
  const orderedPhases: ChecklistPhase[] = [...phases.values()]
    .sort((a, b) => a.order[0].localeCompare(b.order[0], "sv") || a.order[1] - b.order[1])
    .map(({ key, name, routineTitle, total, handled, tasks: list }) => ({
      key, name, routineTitle, total, handled, tasks: list,
      progress: countProgress(tasks.filter((t) => phaseKeyOf(t) === key), today),
    }));

  const counts = Object.fromEntries(CHECKLIST_FILTERS.map((f) => [f, tasks.filter((t) => matchesFilter(t, f, today)).length])) as Record<ChecklistFilter, number>;
  return {
    years,
    year,
    currentYear,
    /** Only a cycle that is open today can be changed; in December two can be (the new one and the one ending). */
    readOnlyYear: !isOpenCycleYear(year, today, calendar),
    /** " (december 2026 – november 2027)" after the shown cycle's year; nothing for a calendar year. */
    spanNote: cycleSpanNote(year, calendar),
    /** What the year picker says after each year. */
    yearNotes: Object.fromEntries(years.map((y) => [y, describeCycleYear(y, today, calendar)])) as Record<number, string>,
    /** This list's försenade (that the actor may change) in the other open cycle (December), as the menu badge counts them. */
    overdueElsewhere: [...overdueByYear].filter(([y, n]) => y !== year && n > 0).map(([y, n]) => ({ year: y, count: n })).sort((a, b) => a.year - b.year),
    groups,
    group,
    filter: params.filter,
    /** The view shown, and how many tasks each view has (null: the list has nothing the actor may change). */
    view: mineOnly ? ("mina" as const) : ("enhet" as const),
    viewCounts: group?.editable ? { mina: mineCount, enhet: rows.length } : null,
    phases: orderedPhases,
    /** Every task of the view, whatever the filter (what the counts count). */
    tasks,
    counts,
    summary: {
      total: tasks.length,
      handled: tasks.filter((t) => isHandled(t.status)).length,
      /** The shares done, counted as on every page (lib/tasks/progress.ts). */
      progress: countProgress(tasks, today),
      current: tasks.filter((t) => t.current && !isHandled(t.status)).length,
      editable: tasks.filter((t) => t.canUpdate).length,
      routineCount: new Set(tasks.map((t) => t.activity.routineVersion.routineId)).size,
    },
  };
}
export type Checklist = Awaited<ReturnType<typeof getChecklist>>;

/** What one task read on its own shows besides its row: its dates' state and what the actor may do with it. */
function oneTaskState(actor: Actor, task: TaskRow, today: Date, isOpen: OpenCheck) {
  return {
    overdue: isOverdue(task, today),
    pastDue: isPastDue(task, today),
    current: isCurrent(task, today),
    canUpdate: canUpdateTask(actor, task, isOpen),
    module: moduleView(actor, task, today),
    kept: false,
    undoTo: null,
  };
}

/**
 * One task the actor may read, as the checklist shows it (with what the actor may do): the start page's activity
 * panel fetches it when the panel opens (docs/decisions/032). Null when unknown or out of scope.
 */
export async function getChecklistTask(actor: Actor, taskId: string, db: DbClient = getDb(), today: Date = clock.today()): Promise<ChecklistTask | null> {
  if (typeof taskId !== "string" || taskId.length === 0 || taskId.length > 100) return null;
  const found = await db.task.findFirst({ where: { AND: [{ id: taskId }, taskWhereFor(actor, "task:read")] }, select: { ...taskColumns, cycle: taskSelect.cycle, letterDispatches: taskSelect.letterDispatches } });
  if (!found) return null;
  const [task] = await withTaskRelations(db, [found]);
  if (!task) return null;
  const isPlanningStep = task.unitId === null && task.activity.key === PLANNING_STEP_KEY;
  const [open, planning] = await Promise.all([
    openCycleCheck(db, [task.cycle.organisationId], today),
    isPlanningStep ? getCyclePlanningSummary(db, task.cycleId, task.cycle.organisationId) : undefined,
  ]);
  return { ...task, ...oneTaskState(actor, task, today, open.isOpen), ...(planning ? { planning } : {}) };
}

/** One task the actor may read with its full history, newest first; null when unknown or out of scope. */
export async function getTaskHistory(actor: Actor, taskId: string, db: DbClient = getDb(), today: Date = clock.today()) {
  if (typeof taskId !== "string" || taskId.length === 0 || taskId.length > 100) return null;
  const task = await db.task.findFirst({
    where: { AND: [{ id: taskId }, taskWhereFor(actor, "task:read")] },
    select: {
      ...taskSelect,
      unit: { select: { name: true } },
      events: {
        orderBy: [{ at: "desc" }, { id: "desc" }],
        select: { id: true, at: true, type: true, fromStatus: true, toStatus: true, comment: true, reason: true, actor: { select: { name: true } } },
      },
    },
  });
  if (!task) return null;
  const open = await openCycleCheck(db, [task.cycle.organisationId], today);
  return { ...task, ...oneTaskState(actor, task, today, open.isOpen), groupKey: task.unitId ?? KEY_OF_ASSIGNEE[task.assigneeKey] ?? task.assigneeKey };
}
export type TaskHistory = NonNullable<Awaited<ReturnType<typeof getTaskHistory>>>;
