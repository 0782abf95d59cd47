import { format } from "date-fns";
import { sv } from "date-fns/locale";

/**
 * Calendar dates in Årshjulet are date-only values stored as UTC midnight (Prisma @db.Date).
 * These helpers keep all date maths on that footing so the server's time zone never shifts a day.
 */
export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** The last day of a month (1–12) of a year, as a date-only value. */
export function lastDayOfMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 0));
}

export type MonthSpan = { startMonth: number | null; endMonth: number | null };

/** When an activity happens in a cycle year: from the first day of its start month to the last day of its end month. */
export function activityPeriod(year: number, span: MonthSpan): { startsOn: Date | null; dueOn: Date | null } {
  if (span.startMonth === null || span.endMonth === null) return { startsOn: null, dueOn: null };
  return { startsOn: utcDate(year, span.startMonth, 1), dueOn: lastDayOfMonth(year, span.endMonth) };
}

/** The calendar date in Sweden at an instant, as a date-only value (today itself comes from lib/clock). */
export function stockholmDate(instant: Date): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" })
    .format(instant)
    .split("-")
    .map(Number);
  return utcDate(parts[0]!, parts[1]!, parts[2]!);
}

/** The cycle year a date belongs to: the calendar year of the date. */
export function cycleYearOf(date: Date): number {
  return date.getUTCFullYear();
}

/** Only the current cycle can be changed: earlier years are history, later ones have not begun. */
export function isCurrentCycleYear(year: number, today: Date): boolean {
  return year === cycleYearOf(today);
}

/** Parses "YYYY-MM-DD" into a date-only value; null when it is not a real calendar date. */
export function parseIsoDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
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

export const MONTH_NAMES = Array.from({ length: 12 }, (_, i) => format(new Date(2026, i, 1), "LLLL", { locale: sv }));

/** "februari", "april–maj"; null months give null. */
export function formatMonthSpan(span: MonthSpan): string | null {
  if (span.startMonth === null || span.endMonth === null) return null;
  const start = MONTH_NAMES[span.startMonth - 1];
  return span.startMonth === span.endMonth ? start! : `${start}–${MONTH_NAMES[span.endMonth - 1]}`;
}
