import { utcDate } from "../dates/months.ts";

/** Socialstyrelsen's four dates of a cycle, in the order they happen. */
export const SURVEY_MILESTONES = [
  { field: "surveyDispatchOn", label: "Enkäterna skickas ut", shortLabel: "Utskick" },
  { field: "surveyReminderOn", label: "Påminnelse till dem som inte svarat", shortLabel: "Påminnelse" },
  { field: "surveyLastAnswerOn", label: "Sista svarsdag", shortLabel: "Sista svarsdag" },
  { field: "resultsPublishedOn", label: "Resultatet publiceras", shortLabel: "Resultat" },
] as const;

export type TimetableField = (typeof SURVEY_MILESTONES)[number]["field"];
export type TimetableDates = Record<TimetableField, Date | null>;

/** The activity whose task is to watch Socialstyrelsen's timetable; its task can show the cycle's dates. */
export const TIMETABLE_ACTIVITY_KEY = "bevakning-tidsplan";

export type SurveyMilestone = { field: TimetableField; label: string; shortLabel: string; date: Date | null; month: number | null };
export type SurveyTimetable = { year: number; milestones: SurveyMilestone[]; complete: boolean };

/**
 * A cycle's Socialstyrelsen timetable for the wheel and the watch task: the four milestones in order,
 * each with its date (null while not yet known) and month (1–12).
 */
export function getSurveyTimetable(cycle: { year: number } & TimetableDates): SurveyTimetable {
  const milestones = SURVEY_MILESTONES.map((m) => {
    const date = cycle[m.field];
    return { ...m, date, month: date ? date.getUTCMonth() + 1 : null };
  });
  return { year: cycle.year, milestones, complete: milestones.every((m) => m.date !== null) };
}

const ORDER_MESSAGES: Record<TimetableField, string> = {
  surveyDispatchOn: "",
  surveyReminderOn: "Påminnelsen måste komma efter utskicket.",
  surveyLastAnswerOn: "Sista svarsdagen måste komma efter utskicket och påminnelsen.",
  resultsPublishedOn: "Resultatet kan inte publiceras före sista svarsdagen.",
};

/**
 * Checks a timetable against its cycle year: each date lies in the year or next to it (the year before
 * or after), and the dates that are known come in order. Returns Swedish messages per field.
 */
export function validateTimetable(year: number, dates: TimetableDates): Partial<Record<TimetableField, string[]>> {
  const errors: Partial<Record<TimetableField, string[]>> = {};
  const earliest = utcDate(year - 1, 1, 1);
  const latest = utcDate(year + 1, 12, 31);
  let previous: Date | null = null;
  for (const { field } of SURVEY_MILESTONES) {
    const date = dates[field];
    if (!date) continue;
    if (date < earliest || date > latest) {
      (errors[field] ??= []).push(`Datumet ska ligga under ${year} eller året före eller efter.`);
    } else if (previous && date <= previous) {
      (errors[field] ??= []).push(ORDER_MESSAGES[field]);
    }
    previous = date;
  }
  return errors;
}
