import { utcDate } from "../../lib/dates/cycle.ts";

/**
 * The day the integration tests' demo data is seeded for, and the app's "today" in those tests
 * (vitest.config.ts sets ARSHJULET_TODAY to it). A late-November day: most of the year is behind,
 * December's tasks are not yet due.
 */
export const SEEDED_TODAY_ISO = "2026-11-23";
export const SEEDED_TODAY = utcDate(2026, 11, 23);
