// Without date-fns, for client components (issue 35: date-fns and its English default locale were 8 kB gzip of every
// page that showed a month's name); lib/dates/cycle.ts re-exports all of it.

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

/**
 * The calendar year that month `month` (1–12) of cycle `cycleYear` falls in, for a routine whose year starts in
 * `startMonth` (docs/decisions/014-routine-start-month.md): a cycle is named after the year it leads to, so with a
 * December start the December of the 2027 cycle is December 2026.
 */
export function calendarYearOfMonth(cycleYear: number, month: number, startMonth = 1): number {
  return startMonth > 1 && month >= startMonth ? cycleYear - 1 : cycleYear;
}

/** The twelve months of a cycle `year` that begins in `startMonth`: from that month to the day before it comes round again. */
export function routineCycleSpan(year: number, startMonth = 1): { startsOn: Date; endsOn: Date } {
  if (startMonth <= 1) return { startsOn: utcDate(year, 1, 1), endsOn: lastDayOfMonth(year, 12) };
  return { startsOn: utcDate(year - 1, startMonth, 1), endsOn: lastDayOfMonth(year, startMonth - 1) };
}

/** The months of a routine's cycle in order, from its start month: [12, 1, 2, …, 11] for December. */
export function cycleMonths(startMonth = 1): number[] {
  return Array.from({ length: 12 }, (_, i) => ((startMonth - 1 + i) % 12) + 1);
}

/** The months' Swedish names, as date-fns writes them with `sv` ("LLLL"; tests/unit/dates.test.ts compares). */
export const MONTH_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** "februari", "april–maj"; null months give null. */
export function formatMonthSpan(span: MonthSpan): string | null {
  if (span.startMonth === null || span.endMonth === null) return null;
  const start = MONTH_NAMES[span.startMonth - 1];
  return span.startMonth === span.endMonth ? start! : `${start}–${MONTH_NAMES[span.endMonth - 1]}`;
}
