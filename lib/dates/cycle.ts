import { format } from "date-fns";
import { sv } from "date-fns/locale";

import { calendarYearOfMonth, lastDayOfMonth, MONTH_NAMES, routineCycleSpan, utcDate, type MonthSpan } from "./months.ts";

// The date-fns-free part (months, their names, a routine's span) lives in months.ts, for client components.
export { calendarYearOfMonth, cycleMonths, formatMonthSpan, lastDayOfMonth, MONTH_NAMES, routineCycleSpan, utcDate, type MonthSpan } from "./months.ts";

/** The earliest year a date of the app may have (issue 30, H10: years before it are refused). */
export const MIN_YEAR = 1900;

/**
 * When an activity happens in cycle `year` of a verksamhet whose cycles begin in `cycleStart` (cycleStartMonth):
 * the smallest window inside the cycle that holds every month of the activity's span (docs/decisions/020-one-cycle-
 * twelve-months.md). Months are read in the cycle's order, so with a December start "januari–mars" is January to
 * March and "december" the December before. A span that runs past the cycle's last month back into its first
 * ("januari–december" of a December cycle, "november–februari" of a January one) covers the cycle's end and its
 * beginning, so its window is the whole cycle: december–november. No window ever leaves its cycle.
 */
export function activityPeriod(year: number, span: MonthSpan, cycleStart = 1): { startsOn: Date | null; dueOn: Date | null } {
  if (span.startMonth === null || span.endMonth === null) return { startsOn: null, dueOn: null };
  const position = (month: number) => (month - cycleStart + 12) % 12;
  const monthAt = (p: number) => ((cycleStart - 1 + p) % 12) + 1;
  let [first, last] = [position(span.startMonth), position(span.endMonth)];
  if (last < first) [first, last] = [0, 11];
  const [startMonth, endMonth] = [monthAt(first), monthAt(last)];
  return {
    startsOn: utcDate(calendarYearOfMonth(year, startMonth, cycleStart), startMonth, 1),
    dueOn: lastDayOfMonth(calendarYearOfMonth(year, endMonth, cycleStart), endMonth),
  };
}

// Made once: a new Intl.DateTimeFormat costs tens of µs, and clock.today() asks for the date many times a request
// (issue 35's profile: 4–5 % of the start page's and the checklist's CPU time).
const STOCKHOLM_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });
const STOCKHOLM_MINUTE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

/** The calendar date in Sweden at an instant, as a date-only value (today itself comes from lib/clock). */
export function stockholmDate(instant: Date): Date {
  const parts = STOCKHOLM_DAY
    .format(instant)
    .split("-")
    .map(Number);
  return utcDate(parts[0]!, parts[1]!, parts[2]!);
}

/** The instant of a Swedish wall-clock time ("14:00") on a date-only day, across summer and winter time. */
export function stockholmInstant(day: Date, time: string): Date {
  const [hour, minute] = time.split(":").map(Number);
  const wall = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour!, minute!);
  const offsetAt = (instant: number) => {
    const p = STOCKHOLM_MINUTE.formatToParts(instant);
    const part = (type: string) => Number(p.find((x) => x.type === type)!.value);
    return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute")) - instant;
  };
  // The offset at the guess, then again at the corrected instant (the two differ only next to a change of clocks).
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

/**
 * The cycle year a date belongs to for a routine whose year starts in `startMonth` (default January: the calendar
 * year). With a December start, 15 December 2026 belongs to the 2027 cycle.
 */
export function cycleYearOf(date: Date, startMonth = 1): number {
  const year = date.getUTCFullYear();
  return startMonth > 1 && date.getUTCMonth() + 1 >= startMonth ? year + 1 : year;
}

/** The start months of a verksamhet's routines, as its cycles are measured; none is read as [1] (calendar years). */
export type CycleCalendar = readonly number[];

/**
 * The month a verksamhet's cycles begin: the earliest-beginning of its routines' start months. A start s > 1 begins
 * cycle Y in month s of Y − 1, before any January start, so with a December and a January routine cycles begin in
 * December. One month for every routine, so that a cycle is twelve months and two cycles never share a month
 * (docs/decisions/020-one-cycle-twelve-months.md).
 */
export function cycleStartMonth(calendar: CycleCalendar): number {
  const later = calendar.filter((s) => s > 1);
  return later.length > 0 ? Math.min(...later) : 1;
}

/** A cycle's span: twelve months from the verksamhet's cycle start month. */
export function cycleSpan(year: number, calendar: CycleCalendar): { startsOn: Date; endsOn: Date } {
  return routineCycleSpan(year, cycleStartMonth(calendar));
}

/**
 * How long an ending cycle stays open after its last day, in months of the new cycle: its unfinished work can be done
 * and registered until the end of the new cycle's second month (31 January for a December start). See
 * docs/decisions/020-one-cycle-twelve-months.md.
 */
export const ENDING_CYCLE_OPEN_MONTHS = 2;

/** The last day an ending cycle `year` can still be changed: ENDING_CYCLE_OPEN_MONTHS after its end. */
export function cycleOpenUntil(year: number, calendar: CycleCalendar): Date {
  const { endsOn } = cycleSpan(year, calendar);
  return lastDayOfMonth(endsOn.getUTCFullYear(), endsOn.getUTCMonth() + 1 + ENDING_CYCLE_OPEN_MONTHS);
}

/**
 * The cycle years open on `today`, newest first: the cycle today lies in and, for ENDING_CYCLE_OPEN_MONTHS after
 * its end, the one before it, whose unfinished work can still be done. In December 2026 and January 2027, 2027 and
 * 2026 for a December start.
 */
export function openCycleYears(today: Date, calendar: CycleCalendar): number[] {
  const current = cycleYearOf(today, cycleStartMonth(calendar));
  return today.getTime() <= cycleOpenUntil(current - 1, calendar).getTime() ? [current, current - 1] : [current];
}

/** "The current cycle": the one today lies in, the one pages show unless another is chosen. */
export function currentCycleYearOf(today: Date, calendar: CycleCalendar): number {
  return openCycleYears(today, calendar)[0]!;
}

/** A cycle can be changed while it is open (openCycleYears): earlier cycles are history, later ones have not begun. */
export function isOpenCycleYear(year: number, today: Date, calendar: CycleCalendar): boolean {
  return openCycleYears(today, calendar).includes(year);
}

/** The ending cycle that is still open on `today` beside the current one, or null. */
export function endingCycleYearOf(today: Date, calendar: CycleCalendar): number | null {
  return openCycleYears(today, calendar)[1] ?? null;
}

/** "december 2026 – november 2027": the months a cycle spans. */
export function formatCycleSpan(year: number, calendar: CycleCalendar): string {
  const { startsOn, endsOn } = cycleSpan(year, calendar);
  return `${MONTH_NAMES[startsOn.getUTCMonth()]} ${startsOn.getUTCFullYear()} – ${MONTH_NAMES[endsOn.getUTCMonth()]} ${endsOn.getUTCFullYear()}`;
}

/**
 * What a year picker says after a cycle year: " (pågår)" for the current cycle, " (efterarbete)" for the ending one
 * still open (docs/decisions/020), " (avslutad)", " (kommande)". Short, so that the picker fits a narrow screen; the page says the months (cycleSpanNote).
 */
export function describeCycleYear(year: number, today: Date, calendar: CycleCalendar): string {
  const current = currentCycleYearOf(today, calendar);
  if (year === current) return " (pågår)";
  if (isOpenCycleYear(year, today, calendar)) return " (efterarbete)";
  return year < current ? " (avslutad)" : " (kommande)";
}

/** " (december 2026 – november 2027)" after a cycle's year; nothing for a calendar-year cycle. */
export function cycleSpanNote(year: number, calendar: CycleCalendar): string {
  const { startsOn, endsOn } = cycleSpan(year, calendar);
  const calendarYear = startsOn.getUTCMonth() === 0 && endsOn.getUTCMonth() === 11 && startsOn.getUTCFullYear() === year;
  return calendarYear ? "" : ` (${formatCycleSpan(year, calendar)})`;
}

/** "Cykel 2027 (december 2026 – november 2027)"; a calendar-year cycle is just "Cykel 2026". */
export function formatCycleLabel(year: number, calendar: CycleCalendar): string {
  return `Cykel ${year}${cycleSpanNote(year, calendar)}`;
}

/** Parses "YYYY-MM-DD" into a date-only value; null when it is not a real calendar date. */
export function parseIsoDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC reads the years 0–99 as 1900–1999 ("0026-06-01" became 1926), and no routine of ours is that old.
  if (year < MIN_YEAR) return null;
  const date = utcDate(year, month, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/**
 * "YYYY-MM-DD" text that a schema has already checked, as a date-only value. A day past the month's end rolls over
 * (as Date.UTC does); use parseIsoDate to refuse such text.
 */
export function dateFromIso(text: string): Date {
  const [year, month, day] = text.split("-").map(Number);
  return utcDate(year!, month!, day!);
}

/**
 * The instant a Swedish calendar day begins (00:00 in Europe/Stockholm), for a date-only value: 23:00 UTC the day
 * before in winter, 22:00 in summer. Midnight is never skipped or repeated here (the clocks change at 02:00/03:00).
 */
export function stockholmDayStart(date: Date): Date {
  for (const offsetHours of [2, 1]) {
    const instant = new Date(date.getTime() - offsetHours * 3_600_000);
    if (stockholmDate(instant).getTime() === date.getTime()) return instant;
  }
  throw new Error("Europe/Stockholm is neither one nor two hours ahead of UTC.");
}

/** Whole days from a to b (b − a) between two date-only values. */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}

// date-fns formats in the process's local zone; rebuild the calendar date locally so no zone shifts it.
function local(d: Date): Date {
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** "12 februari 2027" */
export function formatDateLong(d: Date): string {
  return format(local(d), "d MMMM yyyy", { locale: sv });
}

/** "2027-02-12" */
export function formatDateIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** "v. 7" (ISO week, as Swedish calendars number them). */
export function formatWeek(d: Date): string {
  return `v. ${format(local(d), "I", { locale: sv })}`;
}

