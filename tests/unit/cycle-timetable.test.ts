import { describe, expect, it } from "vitest";
import { getSurveyTimetable, validateTimetable, type TimetableDates } from "@/lib/cycles/timetable";
import { startCycleSchema } from "@/lib/cycles/schemas";
import { utcDate } from "@/lib/dates/cycle";

const dates = (over: Partial<TimetableDates> = {}): TimetableDates => ({
  surveyDispatchOn: utcDate(2027, 3, 15),
  surveyReminderOn: utcDate(2027, 4, 12),
  surveyLastAnswerOn: utcDate(2027, 5, 26),
  resultsPublishedOn: utcDate(2027, 10, 1),
  ...over,
});

describe("Socialstyrelsen's timetable", () => {
  it("gives the wheel the four milestones in order with their months", () => {
    const timetable = getSurveyTimetable({ year: 2027, ...dates({ resultsPublishedOn: null }) });
    expect(timetable.milestones.map((m) => [m.shortLabel, m.month])).toEqual([["Utskick", 3], ["Påminnelse", 4], ["Sista svarsdag", 5], ["Resultat", null]]);
    expect(timetable.complete).toBe(false);
    expect(getSurveyTimetable({ year: 2027, ...dates() }).complete).toBe(true);
  });

  it("accepts dates in order, and unknown dates", () => {
    expect(validateTimetable(2027, dates())).toEqual({});
    expect(validateTimetable(2027, dates({ surveyReminderOn: null, surveyLastAnswerOn: null }))).toEqual({});
    // 2022's survey ran January–March with results in June, and a December dispatch the year before is possible.
    expect(validateTimetable(2022, dates({ surveyDispatchOn: utcDate(2021, 12, 1), surveyReminderOn: utcDate(2022, 2, 1), surveyLastAnswerOn: utcDate(2022, 3, 31), resultsPublishedOn: utcDate(2022, 6, 15) }))).toEqual({});
  });

  it("refuses dates out of order, also across an unknown date", () => {
    expect(validateTimetable(2027, dates({ surveyReminderOn: utcDate(2027, 3, 15) }))).toEqual({ surveyReminderOn: ["Påminnelsen måste komma efter utskicket."] });
    expect(validateTimetable(2027, dates({ surveyLastAnswerOn: null, resultsPublishedOn: utcDate(2027, 4, 1) }))).toEqual({ resultsPublishedOn: ["Resultatet kan inte publiceras före sista svarsdagen."] });
  });

  it("refuses dates far from the cycle year", () => {
    expect(validateTimetable(2027, dates({ surveyDispatchOn: utcDate(2025, 12, 31) }))).toEqual({ surveyDispatchOn: ["Datumet ska ligga under 2027 eller året före eller efter."] });
    expect(validateTimetable(2027, dates({ resultsPublishedOn: utcDate(2029, 1, 1) }))).toEqual({ resultsPublishedOn: ["Datumet ska ligga under 2027 eller året före eller efter."] });
  });

  it("reads the year of a new cycle from the form", () => {
    expect(startCycleSchema.parse({ year: "2027" })).toEqual({ year: 2027 });
    expect(startCycleSchema.safeParse({ year: "2027.5" }).error?.issues[0]?.message).toBe("Ange året med fyra siffror.");
    expect(startCycleSchema.safeParse({ year: "" }).error?.issues[0]?.message).toBe("Ange ett år mellan 2020 och 2100.");
  });
});
