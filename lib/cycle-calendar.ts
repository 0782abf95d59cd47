import { cache } from "react";
import type { DbClient, Prisma } from "./db/index.ts";
import { currentCycleYearOf, cycleOpenUntil, cycleSpan, cycleStartMonth, formatCycleLabel, isOpenCycleYear, openCycleYears, type CycleCalendar } from "./dates/cycle.ts";

/**
 * Every verksamhet's calendar (its routines' start months, ascending) in one statement, read once per server render:
 * a page's header, wheel, Att göra nu and checklist all measure cycles with it (issue 35). React's cache() keeps it for
 * the render only (a new request reads it again); outside a render, as in a server action, a script or the seed, it is
 * read on every call.
 */
const readCalendars = cache(async function readCalendars(db: DbClient): Promise<Map<string, CycleCalendar>> {
  const rows = await db.routine.findMany({ distinct: ["organisationId", "startMonth"], select: { organisationId: true, startMonth: true } });
  const calendars = new Map<string, number[]>();
  for (const r of rows) calendars.set(r.organisationId, [...(calendars.get(r.organisationId) ?? []), r.startMonth]);
  for (const calendar of calendars.values()) calendar.sort((a, b) => a - b);
  return calendars;
});

/**
 * Calendars read already in this server render through `db`, by organisation id: the session's query reads the
 * signed-in user's (lib/auth/session-user.ts, rememberCycleCalendar), so that a page of one verksamhet needs no
 * statement of its own for it (issue 35). Per client, as readCalendars: a transaction reads its own. Empty outside a
 * render, where React's cache() keeps nothing.
 */
const renderCalendars = cache((db: DbClient): Map<string, CycleCalendar> => (void db, new Map()));

/** Keeps a verksamhet's calendar, read through `db` with the session, for the rest of this render (see renderCalendars). */
export function rememberCycleCalendar(db: DbClient, organisationId: string, calendar: CycleCalendar): void {
  renderCalendars(db).set(organisationId, [...calendar]);
}

/**
 * How a verksamhet's cycles are measured: the start months of its routines (docs/decisions/014-routine-start-month.md).
 * Every routine counts, whatever the state of its versions, so that a cycle's span never changes with a publication.
 * Not marked server-only: the seed loads it (docs/decisions/007-server-only-outside-next.md).
 */
export async function getCycleCalendar(db: DbClient, organisationId: string): Promise<CycleCalendar> {
  return [...((await getCycleCalendars(db, [organisationId])).get(organisationId) ?? [])];
}

/** The cycle calendars of several verksamheter, by organisation id (a verksamhet without routines gets none: calendar years). */
export async function getCycleCalendars(db: DbClient, organisationIds: string[]): Promise<Map<string, CycleCalendar>> {
  const known = renderCalendars(db);
  const all = organisationIds.every((id) => known.has(id)) ? known : await readCalendars(db);
  return new Map(organisationIds.map((id) => [id, [...(all.get(id) ?? [])]]));
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
 * The cycles open on `today` (openCycleYears: the current one and, in the first months of a cycle, the ending one), for
 * the where clause of a query across verksamheter: every one, or those of `organisationIds` (an actor's: their
 * tasks are only there). A verksamhet without routines has none open.
 */
export async function openCycleWhere(db: DbClient, today: Date, organisationIds?: string[]): Promise<Prisma.CycleWhereInput> {
  const calendars = organisationIds ? await getCycleCalendars(db, organisationIds) : await readCalendars(db);
  const open = [...calendars].map(([organisationId, calendar]) => ({ organisationId, year: { in: openCycleYears(today, calendar) } }));
  return open.length > 0 ? { OR: open } : { id: { in: [] } };
}

export type OpenCycle = {
  year: number;
  /** "current": today lies in it; "ending": it has ended but its unfinished work can still be done until `openUntil`. */
  state: "current" | "ending";
  startsOn: Date;
  endsOn: Date;
  /** The last day its tasks can be changed: its end for the current cycle, ENDING_CYCLE_OPEN_MONTHS later for the ending one. */
  openUntil: Date;
  /** "Cykel 2026 (december 2025 – november 2026)" */
  label: string;
};

/**
 * The open cycles of a verksamhet on `today`, the current first: the one model of docs/decisions/020 that pages,
 * badges, exports and reminders follow. Pure; getOpenCycles reads the calendar.
 */
export function openCyclesOn(today: Date, calendar: CycleCalendar): OpenCycle[] {
  return openCycleYears(today, calendar).map((year, i) => {
    const { startsOn, endsOn } = cycleSpan(year, calendar);
    return { year, state: i === 0 ? "current" : "ending", startsOn, endsOn, openUntil: i === 0 ? endsOn : cycleOpenUntil(year, calendar), label: formatCycleLabel(year, calendar) };
  });
}

/** openCyclesOn for a verksamhet read from the database. */
export async function getOpenCycles(db: DbClient, organisationId: string, today: Date): Promise<OpenCycle[]> {
  return openCyclesOn(today, await getCycleCalendar(db, organisationId));
}

/** The month a verksamhet's cycles begin (cycleStartMonth), for placing its activities in a cycle (activityPeriod). */
export async function getCycleStartMonth(db: DbClient, organisationId: string): Promise<number> {
  return cycleStartMonth(await getCycleCalendar(db, organisationId));
}

/** The current cycle of a verksamhet on `today`: the newest that has begun (lib/dates/cycle.ts currentCycleYearOf). */
export async function getCurrentCycleYear(db: DbClient, organisationId: string, today: Date): Promise<number> {
  return currentCycleYearOf(today, await getCycleCalendar(db, organisationId));
}
