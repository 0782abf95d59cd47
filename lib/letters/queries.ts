import "server-only";
import { areasOf } from "../dashboard/coverage.ts";
import { getDb, type DbClient, type Prisma } from "../db/index.ts";
import { can, grantsFor, type Action, type Actor } from "../auth/permissions.ts";
import { isOverdue } from "../tasks/status.ts";
import { LETTER_NUMBERS } from "./schemas.ts";
import { letterState, type LetterState } from "../tasks/module-tasks.ts";
import * as clock from "../clock.ts";
import { currentCycleYearOf, isOpenCycleYear } from "../dates/cycle.ts";
import { getCycleCalendar, openCyclesOn } from "../cycle-calendar.ts";
import { activeUnitWhere } from "../active-units.ts";

const dispatchSelect = {
  id: true,
  letterNumber: true,
  sentOn: true,
  count: true,
  method: true,
  methodOther: true,
  note: true,
  version: true,
  updatedAt: true,
  recordedBy: { select: { name: true } },
} satisfies Prisma.LetterDispatchSelect;

export type LetterDispatchRow = Prisma.LetterDispatchGetPayload<{ select: typeof dispatchSelect }>;

const letterTaskSelect = {
  id: true,
  unitId: true,
  status: true,
  version: true,
  startsOn: true,
  dueOn: true,
  notApplicableReason: true,
  activity: { select: { title: true, description: true, letterNumber: true, templateRef: true, startMonth: true, endMonth: true } },
  letterDispatches: { select: dispatchSelect },
} satisfies Prisma.TaskSelect;

type LetterTaskRow = Prisma.TaskGetPayload<{ select: typeof letterTaskSelect }>;

export { letterState, type LetterState } from "../tasks/module-tasks.ts";

export type Letter = {
  number: number;
  task: LetterTaskRow | null;
  dispatch: LetterDispatchRow | null;
  state: LetterState;
};

function lettersOf(tasks: LetterTaskRow[], today: Date): Letter[] {
  return LETTER_NUMBERS.map((number) => {
    const task = tasks.find((t) => t.activity.letterNumber === number) ?? null;
    const dispatch = task?.letterDispatches[0] ?? null;
    return { number, task, dispatch, state: letterState(task, dispatch, today) };
  });
}

/** The units in which the actor holds an action, in area and name order. */
async function unitsFor(actor: Actor, action: Action, db: DbClient) {
  const grants = grantsFor(actor, action);
  if (grants.length === 0) return [];
  const orgIds = [...new Set(grants.map((g) => g.assignment.organisationId))];
  const allOf = grants.filter((g) => g.assignment.unitId === null).map((g) => g.assignment.organisationId);
  const units = await db.unit.findMany({
    where: activeUnitWhere({ in: orgIds }),
    select: { id: true, name: true, area: { select: { id: true, name: true, position: true, organisationId: true } } },
    orderBy: [{ area: { position: "asc" } }, { name: "asc" }],
  });
  return units.filter((u) => allOf.includes(u.area.organisationId) || can(actor, action, { organisationId: u.area.organisationId, unitId: u.id }));
}

/**
 * The Brukarbrev page: the units whose letters the actor may read (the koordinator's, where they record, first),
 * the chosen unit's four letters in the chosen cycle (`year`, default the current one: an ending cycle that is still
 * open can be chosen and its letters registered, docs/decisions/020), whether the actor may record them, and the
 * koordinator's other routine tasks there. `cycles` are the open cycles, for the page's cycle switch. An enhetschef reads their units' letters without changing them. Null when the
 * actor may read letters nowhere.
 */
export async function getLetterBoard(actor: Actor, params: { unitId?: string; year?: number }, db: DbClient = getDb(), today: Date = clock.today()) {
  const readable = await unitsFor(actor, "letter:read", db);
  if (readable.length === 0) return null;
  const canRecordIn = (u: (typeof readable)[number]) => can(actor, "letter:record", { organisationId: u.area.organisationId, unitId: u.id });
  const units = [...readable.filter(canRecordIn), ...readable.filter((u) => !canRecordIn(u))];
  const unit = units.find((u) => u.id === params.unitId) ?? units[0]!;
  const canRecord = canRecordIn(unit);
  const calendar = await getCycleCalendar(db, unit.area.organisationId);
  const cycles = openCyclesOn(today, calendar);
  const asked = params.year !== undefined ? await db.cycle.findUnique({ where: { organisationId_year: { organisationId: unit.area.organisationId, year: params.year } }, select: { id: true } }) : null;
  const year = asked ? params.year! : currentCycleYearOf(today, calendar);
  const open = isOpenCycleYear(year, today, calendar);
  const cycle = await db.cycle.findUnique({ where: { organisationId_year: { organisationId: unit.area.organisationId, year } }, select: { id: true, year: true } });
  if (!cycle) return { units, unit, year, cycles, open, canRecord, cycleExists: false as const, letters: lettersOf([], today), otherTasks: [] };

  const [letterTasks, otherTasks] = await Promise.all([
    db.task.findMany({ where: { cycleId: cycle.id, unitId: unit.id, activity: { kind: "LETTER" } }, select: letterTaskSelect }),
    db.task.findMany({
      where: { cycleId: cycle.id, unitId: unit.id, activity: { responsibleRole: "KOORDINATOR", kind: { not: "LETTER" } } },
      select: { id: true, status: true, startsOn: true, dueOn: true, activity: { select: { title: true } } },
      orderBy: [{ dueOn: "asc" }, { activity: { position: "asc" } }],
    }),
  ]);
  return {
    units,
    unit,
    year,
    cycles,
    /** Whether the cycle shown can be changed: letters of a closed cycle are read only. */
    open,
    canRecord: canRecord && open,
    cycleExists: true as const,
    letters: lettersOf(letterTasks, today),
    otherTasks: otherTasks.map((t) => ({ ...t, overdue: isOverdue(t, today) })),
  };
}

export type LetterBoard = NonNullable<Awaited<ReturnType<typeof getLetterBoard>>>;

/** Up to this many units the overview shows them all; above it one area at a time (?omrade=), the first by default. */
export const LETTER_OVERVIEW_UNIT_LIMIT = 60;

/**
 * Units × letters of a cycle year for the verksamhet overview and its CSV export (two queries whatever the size).
 * With byArea (the page) and more than LETTER_OVERVIEW_UNIT_LIMIT units, only the chosen area's (or the first
 * area's) units, so that the page does not grow with the verksamhet; the totals are of the units shown.
 */
export async function getLetterOverview(actor: Actor, params: { year?: number; area?: string; byArea?: boolean }, db: DbClient = getDb(), today: Date = clock.today()) {
  const readable = await unitsFor(actor, "dashboard:read", db);
  if (readable.length === 0) return null;
  const organisationId = readable[0]!.area.organisationId;
  const areas = areasOf(readable);
  const area = areas.find((a) => a.id === params.area) ?? (params.byArea && readable.length > LETTER_OVERVIEW_UNIT_LIMIT ? areas[0]! : null);
  const units = area ? readable.filter((u) => u.area.id === area.id) : readable;
  const cycles = await db.cycle.findMany({ where: { organisationId }, select: { id: true, year: true }, orderBy: { year: "desc" } });
  const currentYear = currentCycleYearOf(today, await getCycleCalendar(db, organisationId));
  const cycle = cycles.find((c) => c.year === params.year) ?? cycles.find((c) => c.year === currentYear) ?? cycles[0];
  const tasks = cycle
    ? await db.task.findMany({ where: { cycleId: cycle.id, unitId: { in: units.map((u) => u.id) }, activity: { kind: "LETTER" } }, select: letterTaskSelect })
    : [];
  const tasksOf = new Map<string | null, typeof tasks>();
  for (const t of tasks) tasksOf.set(t.unitId, [...(tasksOf.get(t.unitId) ?? []), t]);
  const rows = units.map((unit) => ({ unit, letters: lettersOf(tasksOf.get(unit.id) ?? [], today) }));
  const totals = LETTER_NUMBERS.map((number) => {
    const letters = rows.map((r) => r.letters[number - 1]!);
    return {
      number,
      sentUnits: letters.filter((l) => l.dispatch).length,
      missingUnits: letters.filter((l) => l.state === "missing").length,
      notApplicableUnits: letters.filter((l) => l.state === "not-applicable").length,
      count: letters.reduce((sum, l) => sum + (l.dispatch?.count ?? 0), 0),
    };
  });
  return { years: cycles.map((c) => c.year), year: cycle?.year ?? null, rows, totals, areas, area, allUnits: readable.length };
}

export type LetterOverview = NonNullable<Awaited<ReturnType<typeof getLetterOverview>>>;
