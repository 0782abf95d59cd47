import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import { demoStatus, typicalSurveyTimetable } from "@/prisma/seed/seed";
import { DEMO_ORGANISATION, DEMO_USERS } from "@/prisma/seed/demo-organisation";

describe("demo data", () => {
  it("has 4 områden with 3–4 enheter each and a demo user for every role", () => {
    expect(DEMO_ORGANISATION.areas).toHaveLength(4);
    for (const area of DEMO_ORGANISATION.areas) expect(area.units.length).toBeGreaterThanOrEqual(3);
    const roles = new Set(DEMO_USERS.flatMap((u) => u.roles.map((r) => r.role)));
    expect([...roles].sort()).toEqual([
      "ADMIN", "BISTANDSHANDLAGGARE", "ENHETSCHEF", "KOMMUNIKATOR", "KOORDINATOR", "KVALITETSHANDLAGGARE", "VERKSAMHETSCHEF", "VERKSAMHETSUTVECKLARE",
    ]);
  });

  it("never marks a future task as started", () => {
    const today = utcDate(2026, 3, 15);
    for (let i = 0; i < 200; i++) {
      expect(demoStatus(`k${i}`, utcDate(2026, 6, 1), utcDate(2026, 6, 30), today)).toBe("NOT_STARTED");
    }
  });

  it("mixes done, overdue and in-progress tasks in the past", () => {
    const today = utcDate(2026, 11, 23);
    const statuses = Array.from({ length: 400 }, (_, i) => demoStatus(`k${i}`, utcDate(2026, 2, 1), utcDate(2026, 2, 28), today));
    const share = (s: string) => statuses.filter((x) => x === s).length / statuses.length;
    expect(share("DONE")).toBeGreaterThan(0.6);
    expect(share("NOT_STARTED") + share("IN_PROGRESS")).toBeGreaterThan(0.05);
    expect(share("NOT_APPLICABLE")).toBeGreaterThan(0);
  });

  it("gives a task the status its stable key decides, in every run and every database", () => {
    // Pinned: the seed keys a task by year, unit name and activity key, so these never change with generated ids.
    const today = utcDate(2026, 11, 23);
    const february = (key: string) => demoStatus(key, utcDate(2026, 2, 1), utcDate(2026, 2, 28), today);
    const november = (key: string) => demoStatus(key, utcDate(2026, 11, 1), utcDate(2026, 11, 30), today);
    expect(february("2026:Lärkan:brukarbrev-1")).toBe("DONE");
    expect(february("2026:Ekdungen:apt-brukarundersokning")).toBe("IN_PROGRESS");
    expect(november("2026:Lärkan:brukarbrev-1")).toBe("IN_PROGRESS");
    expect(november("2026:Ekdungen:apt-brukarundersokning")).toBe("NOT_STARTED");
    expect(november("2026:Hagen:brukarbrev-2")).toBe("DONE");
  });

  it("uses Socialstyrelsen's usual timetable: week 11, a reminder in April, 26 May, results in October", () => {
    const t = typicalSurveyTimetable(2026);
    expect(t.surveyDispatchOn.toISOString().slice(0, 10)).toBe("2026-03-09");
    expect(t.surveyReminderOn.getUTCMonth() + 1).toBe(4);
    expect(t.surveyLastAnswerOn.toISOString().slice(0, 10)).toBe("2026-05-26");
    expect(t.resultsPublishedOn.getUTCMonth() + 1).toBe(10);
  });
});
