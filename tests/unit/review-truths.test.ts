import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import { interviewSchema, NOT_RECEIVED_IS_DEVIATION } from "@/lib/review/schemas";
import { summaryStatusText } from "@/lib/review/summary";

// Issue 32, item 6: the review's summary says "Sammanställd" only when it is, and contradictory answers are refused.
describe("the review summary's status line", () => {
  const today = utcDate(2026, 12, 6);
  it("is preliminary while interviews remain, with how many are done", () => {
    const text = summaryStatusText({ summarisedOn: null, summary: { sampled: 20, interviewed: 3 } }, today);
    expect(text).toBe("Preliminär: 3 av 20 i urvalet är intervjuade. Utskrift 6 december 2026.");
    expect(text).not.toContain("Sammanställd");
  });
  it("does not say Sammanställd when every interview is done but the summary is not declared complete", () => {
    expect(summaryStatusText({ summarisedOn: null, summary: { sampled: 20, interviewed: 20 } }, today)).not.toContain("Sammanställd");
  });
  it("says Sammanställd with the day it was declared complete", () => {
    expect(summaryStatusText({ summarisedOn: utcDate(2026, 6, 15), summary: { sampled: 20, interviewed: 20 } }, today)).toBe("Sammanställd 15 juni 2026.");
  });
});

describe("an interview's answers", () => {
  const base = { caseId: "c1", interviewedOn: "2026-04-02", plannedTogether: "NO", arrivesOnTime: "NO", version: "0" };
  it("refuses Nej/Nej/Nej with 'Nej, ingen avvikelse' in Swedish", () => {
    const result = interviewSchema.safeParse({ ...base, receivesGranted: "NO", deviation: "nej" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["deviation", NOT_RECEIVED_IS_DEVIATION]]);
  });
  it("refuses Delvis on the services with no deviation, and accepts either with a deviation and a cause", () => {
    expect(interviewSchema.safeParse({ ...base, receivesGranted: "PARTLY", deviation: "nej" }).success).toBe(false);
    expect(interviewSchema.safeParse({ ...base, receivesGranted: "NO", deviation: "ja", deviationCauses: ["NOT_PERFORMED"] }).success).toBe(true);
  });
  it("accepts Ja on the services with no deviation, whatever the other answers", () => {
    expect(interviewSchema.safeParse({ ...base, receivesGranted: "YES", deviation: "nej" }).success).toBe(true);
  });
});
