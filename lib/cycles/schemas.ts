import { z } from "zod";
import { optionalCalendarDate } from "../dates/schemas.ts";

export const FIRST_CYCLE_YEAR = 2020;
export const LAST_CYCLE_YEAR = 2100;

export const startCycleSchema = z.object({
  year: z.coerce
    .number({ error: "Ange året med fyra siffror." })
    .int("Ange året med fyra siffror.")
    .min(FIRST_CYCLE_YEAR, `Ange ett år mellan ${FIRST_CYCLE_YEAR} och ${LAST_CYCLE_YEAR}.`)
    .max(LAST_CYCLE_YEAR, `Ange ett år mellan ${FIRST_CYCLE_YEAR} och ${LAST_CYCLE_YEAR}.`),
});

export const planAgainSchema = z.object({ cycleId: z.string().min(1, "Cykeln saknas.") });

// An empty field means "not yet known".

export const timetableSchema = z.object({
  cycleId: z.string().min(1, "Cykeln saknas."),
  surveyDispatchOn: optionalCalendarDate,
  surveyReminderOn: optionalCalendarDate,
  surveyLastAnswerOn: optionalCalendarDate,
  resultsPublishedOn: optionalCalendarDate,
});
