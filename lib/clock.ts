/**
 * The one place that reads the current date for domain purposes: today in Europe/Stockholm, the current
 * cycle year and "now" for what is done, due and overdue. Everything else asks this module or takes
 * `today` as an argument, so the same code can run as of any date.
 *
 * ARSHJULET_TODAY=YYYY-MM-DD fixes today for a demo or a test server (see .env.example). Wall-clock
 * stamps that only record when something was written (createdAt, audit time, sign-in attempts) stay real.
 */
import { cycleYearOf, daysBetween, parseIsoDate, stockholmDate } from "./dates/cycle.ts";
import { getEnv } from "./env.ts";

function fixedToday(): Date | null {
  const fixed = getEnv().ARSHJULET_TODAY;
  return fixed ? parseIsoDate(fixed) : null;
}

/** Today's calendar date in Sweden, as a date-only value (UTC midnight). */
export function today(): Date {
  return fixedToday() ?? stockholmDate(new Date());
}

/**
 * The calendar year today: the current cycle of a routine whose year starts in January (the quality review). A
 * verksamhet's current cycle depends on its routines' start months: lib/cycle-calendar.ts getCurrentCycleYear.
 */
export function currentCycleYear(): number {
  return cycleYearOf(today());
}

/**
 * The current instant for domain records (a task's done time, a draw, a publication). With a fixed
 * today it is moved by whole days onto that day, keeping the time of day.
 */
export function now(): Date {
  const real = new Date();
  const fixed = fixedToday();
  if (!fixed) return real;
  return new Date(real.getTime() + daysBetween(stockholmDate(real), fixed) * 86_400_000);
}
