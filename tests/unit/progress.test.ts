import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import { reviewStepStatus, taskModuleOf, type ReviewFacts } from "@/lib/tasks/module-tasks";
import { countProgress, formatShare, shareDueDone, shareOfYear } from "@/lib/tasks/progress";

describe("countProgress (issue 19, item 5)", () => {
  const date = utcDate(2026, 6, 30);
  const tasks = [
    { status: "DONE" as const, dueOn: utcDate(2026, 6, 1), doneOn: utcDate(2026, 6, 20) },
    // Sent 20 June, recorded 1 December: klar i tid on its own day (item 7); done after the date: not yet.
    { status: "DONE" as const, dueOn: utcDate(2026, 6, 30), doneOn: utcDate(2026, 7, 2) },
    { status: "IN_PROGRESS" as const, dueOn: utcDate(2026, 5, 31), doneOn: null },
    { status: "NOT_APPLICABLE" as const, dueOn: utcDate(2026, 3, 31), doneOn: null },
    { status: "DONE" as const, dueOn: utcDate(2026, 12, 31), doneOn: utcDate(2026, 6, 1) },
    { status: "NOT_STARTED" as const, dueOn: null, doneOn: null },
  ];

  it("leaves ej aktuell out of every figure and counts klar on the day the work was done", () => {
    expect(countProgress(tasks, date)).toEqual({ total: 5, notApplicable: 1, done: 2, due: 3, dueDone: 1 });
    expect(countProgress(tasks, utcDate(2026, 12, 31))).toEqual({ total: 5, notApplicable: 1, done: 3, due: 4, dueDone: 3 });
  });

  it("gives the two shares, none when nothing counts", () => {
    const f = countProgress(tasks, date);
    expect(shareDueDone(f)).toBeCloseTo(1 / 3);
    expect(shareOfYear(f)).toBeCloseTo(2 / 5);
    expect(formatShare(shareDueDone(countProgress([], date)))).toBe("–");
  });
});

describe("review steps follow the review (issue 19, item 2)", () => {
  const facts: ReviewFacts = { importedOn: utcDate(2026, 3, 2), drawnOn: null, sampled: 0, interviewed: 0, lastInterviewOn: null, summarisedOn: null };

  it("knows which tasks are done in a module", () => {
    expect(taskModuleOf({ kind: "LETTER", key: "brukarbrev-1" })).toEqual({ kind: "letter" });
    expect(taskModuleOf({ kind: "CHECKLIST", key: "dra-urval" })).toEqual({ kind: "review", step: "draw" });
    expect(taskModuleOf({ kind: "CHECKLIST", key: "atgarda-avvikelser" })).toBeNull();
  });

  it("has nothing done before the import, and the import done on its day", () => {
    for (const step of ["import", "draw", "interviews", "summary"] as const) expect(reviewStepStatus(step, null)).toEqual({ status: "NOT_STARTED", doneOn: null });
    expect(reviewStepStatus("import", facts)).toEqual({ status: "DONE", doneOn: utcDate(2026, 3, 2) });
    expect(reviewStepStatus("draw", facts).status).toBe("NOT_STARTED");
  });

  it("has the interviews pågår from the first and klar on the day of the last, when all in the sample are interviewed", () => {
    const drawn = { ...facts, drawnOn: utcDate(2026, 3, 3), sampled: 20 };
    expect(reviewStepStatus("draw", drawn)).toEqual({ status: "DONE", doneOn: utcDate(2026, 3, 3) });
    expect(reviewStepStatus("interviews", drawn).status).toBe("NOT_STARTED");
    expect(reviewStepStatus("interviews", { ...drawn, interviewed: 19, lastInterviewOn: utcDate(2026, 5, 2) })).toEqual({ status: "IN_PROGRESS", doneOn: null });
    expect(reviewStepStatus("interviews", { ...drawn, interviewed: 20, lastInterviewOn: utcDate(2026, 5, 9) })).toEqual({ status: "DONE", doneOn: utcDate(2026, 5, 9) });
    expect(reviewStepStatus("summary", { ...drawn, summarisedOn: utcDate(2026, 6, 10) })).toEqual({ status: "DONE", doneOn: utcDate(2026, 6, 10) });
  });
});
