import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import type { TaskStatus } from "../db/generated/enums.ts";
import type { Actor } from "../auth/permissions.ts";
import { organisationFilter } from "../auth/scope.ts";
import { TIMETABLE_ACTIVITY_KEY } from "./timetable.ts";
import { getCycleProgress } from "../tasks/progress-queries.ts";
import * as clock from "../clock.ts";
import { ROUTINE_ACTIVITY } from "../tasks/local.ts";
import { getCycleCalendars } from "../cycle-calendar.ts";
import { currentCycleYearOf, cycleSpanNote, isOpenCycleYear } from "../dates/cycle.ts";
import { activeUnitWhere } from "../active-units.ts";

export { getSurveyTimetable, SURVEY_MILESTONES, TIMETABLE_ACTIVITY_KEY, type SurveyTimetable } from "./timetable.ts";

type StatusCounts = Record<TaskStatus, number>;
const emptyCounts = (): StatusCounts => ({ NOT_STARTED: 0, IN_PROGRESS: 0, DONE: 0, NOT_APPLICABLE: 0 });

/**
 * The cycles the actor manages, newest first, with their task counts per status, their shares done today, the months
 * each spans and whether it is open (today within its span), and the verksamhet's current cycle year.
 */
export async function getManagedCycles(actor: Actor, db: DbClient = getDb(), today: Date = clock.today()) {
  const cycles = await db.cycle.findMany({
    where: { organisationId: organisationFilter(actor, "cycle:manage") },
    orderBy: { year: "desc" },
  });
  const organisationIds = organisationFilter(actor, "cycle:manage").in as string[];
  const [groups, progress, calendars] = await Promise.all([
    db.task.groupBy({ by: ["cycleId", "status"], where: { cycleId: { in: cycles.map((c) => c.id) } }, _count: { _all: true } }),
    getCycleProgress(db, cycles.map((c) => ({ cycleId: c.id, date: today }))),
    getCycleCalendars(db, organisationIds),
  ]);
  const calendarOf = (organisationId: string) => calendars.get(organisationId) ?? [];
  return Object.assign(
    cycles.map((cycle, i) => {
      const counts = emptyCounts();
      for (const g of groups) if (g.cycleId === cycle.id) counts[g.status] = g._count._all;
      const calendar = calendarOf(cycle.organisationId);
      return { ...cycle, counts, total: Object.values(counts).reduce((a, b) => a + b, 0), progress: progress[i]!, spanNote: cycleSpanNote(cycle.year, calendar), open: isOpenCycleYear(cycle.year, today, calendar) };
    }),
    { currentYear: currentCycleYearOf(today, calendarOf(organisationIds[0] ?? "")) },
  );
}
export type ManagedCycle = Awaited<ReturnType<typeof getManagedCycles>>[number];

/** One managed cycle by year with counts, how many units have tasks, and the task that watches the timetable. */
export async function getManagedCycle(actor: Actor, year: number, db: DbClient = getDb()) {
  // A year from the address: 99999999999999999999 is an integer to JavaScript but no Int to the database (a 500).
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return null;
  const cycle = await db.cycle.findFirst({ where: { year, organisationId: organisationFilter(actor, "cycle:manage") } });
  if (!cycle) return null;
  const [groups, unitsWithTasks, closedUnitsWithTasks, activeUnits, watchTask, byRoutine] = await Promise.all([
    db.task.groupBy({ by: ["status"], where: { cycleId: cycle.id }, _count: { _all: true } }),
    db.task.findMany({ where: { cycleId: cycle.id, unit: activeUnitWhere(cycle.organisationId) }, distinct: ["unitId"], select: { unitId: true } }),
    db.unit.count({ where: { area: { organisationId: cycle.organisationId }, active: false, tasks: { some: { cycleId: cycle.id } } } }),
    db.unit.count({ where: activeUnitWhere(cycle.organisationId) }),
    db.task.findFirst({ where: { cycleId: cycle.id, activity: { key: TIMETABLE_ACTIVITY_KEY } }, select: { status: true, dueOn: true, activity: { select: { title: true } } } }),
    db.routineVersion.findMany({
      where: { activities: { some: { tasks: { some: { cycleId: cycle.id } } } } },
      select: { version: true, status: true, title: true, routine: { select: { key: true, colour: true } }, _count: { select: { activities: { where: ROUTINE_ACTIVITY } } } },
      orderBy: [{ routine: { title: "asc" } }, { version: "asc" }],
    }),
  ]);
  const counts = emptyCounts();
  for (const g of groups) counts[g.status] = g._count._all;
  return { ...cycle, counts, total: Object.values(counts).reduce((a, b) => a + b, 0), unitsWithTasks: unitsWithTasks.length, closedUnitsWithTasks, activeUnits, watchTask, versions: byRoutine };
}
export type ManagedCycleDetail = NonNullable<Awaited<ReturnType<typeof getManagedCycle>>>;
