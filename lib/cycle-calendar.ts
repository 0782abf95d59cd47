import type { DbClient, Prisma } from "./db/index.ts";
import { currentCycleYearOf, isOpenCycleYear, openCycleYears, type CycleCalendar } from "./dates/cycle.ts";

/**
 * How a verksamhet's cycles are measured: the start months of its routines (docs/decisions/014-routine-start-month.md).
 * Every routine counts, whatever the state of its versions, so that a cycle's span never changes with a publication.
 * Not marked server-only: the seed loads it (docs/decisions/007-server-only-outside-next.md).
 */
export async function getCycleCalendar(db: DbClient, organisationId: string): Promise<CycleCalendar> {
  const routines = await db.routine.findMany({ where: { organisationId }, distinct: ["startMonth"], select: { startMonth: true } });
  return routines.map((r) => r.startMonth).sort((a, b) => a - b);
}

/** The cycle calendars of several verksamheter, by organisation id (a verksamhet without routines gets none: calendar years). */
export async function getCycleCalendars(db: DbClient, organisationIds: string[]): Promise<Map<string, CycleCalendar>> {
  const rows = await db.routine.findMany({ where: { organisationId: { in: [...new Set(organisationIds)] } }, distinct: ["organisationId", "startMonth"], select: { organisationId: true, startMonth: true } });
  const calendars = new Map<string, number[]>(organisationIds.map((id) => [id, []]));
  for (const r of rows) calendars.get(r.organisationId)?.push(r.startMonth);
  return calendars;
}

/** Whether cycles of given verksamheter are open on `today`: one lookup for a page's many tasks. */
export async function openCycleCheck(db: DbClient, organisationIds: string[], today: Date) {
  const calendars = await getCycleCalendars(db, organisationIds);
  return {
    /** The calendar of the first of the given verksamheter (users belong to one, docs/decisions/010). */
    calendar: calendars.get(organisationIds[0] ?? "") ?? [],
    isOpen: (cycle: { organisationId: string; year: number }) => isOpenCycleYear(cycle.year, today, calendars.get(cycle.organisationId) ?? []),
    currentYearOf: (organisationId: string) => currentCycleYearOf(today, calendars.get(organisationId) ?? []),
    openYearsOf: (organisationId: string) => openCycleYears(today, calendars.get(organisationId) ?? []),
  };
}

/**
 * The cycles open on `today` (today within their span), for the where clause of a query across verksamheter. In
 * calendar year C and month M, a routine starting in s opens cycle C + 1 when 1 < s ≤ M and cycle C otherwise; a
 * cycle is open when some routine of its verksamhet opens it. A verksamhet without routines has none open.
 */
export function openCycleWhere(today: Date): Prisma.CycleWhereInput {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  return {
    OR: [
      { year, organisation: { routines: { some: { OR: [{ startMonth: { lte: 1 } }, { startMonth: { gt: month } }] } } } },
      { year: year + 1, organisation: { routines: { some: { startMonth: { gt: 1, lte: month } } } } },
    ],
  };
}

/** The current cycle of a verksamhet on `today`: the newest that has begun (lib/dates/cycle.ts currentCycleYearOf). */
export async function getCurrentCycleYear(db: DbClient, organisationId: string, today: Date): Promise<number> {
  return currentCycleYearOf(today, await getCycleCalendar(db, organisationId));
}
