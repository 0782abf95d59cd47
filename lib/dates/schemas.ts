import { z } from "zod";
import { MIN_YEAR, parseIsoDate } from "./cycle.ts";

export const DATE_MISSING = "Ange ett datum.";

/** A string written ÅÅÅÅ-MM-DD (format only); an empty or absent field says that the date is missing. */
export const isoDateText = (message = "Datumet ska skrivas ÅÅÅÅ-MM-DD.") =>
  // Piped, so that an empty field gets only the missing-date message and not the format's as well.
  z.string({ error: DATE_MISSING }).trim().min(1, DATE_MISSING).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, message));

/** A real calendar date written ÅÅÅÅ-MM-DD (2027-02-30 is refused). */
export const calendarDate = isoDateText()
  .refine((value) => !/^\d{4}-/.test(value) || Number(value.slice(0, 4)) >= MIN_YEAR, `Året måste vara ${MIN_YEAR} eller senare.`)
  .refine(
    // A wrong format or year is left to its own message, which already says what is wrong.
    (value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number(value.slice(0, 4)) < MIN_YEAR || parseIsoDate(value) !== null,
    "Datumet finns inte i kalendern.",
  );

/** An optional calendar date from a form: an empty field (or null) means none. */
export const optionalCalendarDate = z.preprocess((v) => (v === "" || v === null ? undefined : v), calendarDate.optional());
