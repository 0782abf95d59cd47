import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import { checkTransition, completionFields, isOverdue, REASON_MAX_LENGTH } from "@/lib/tasks/status";
import type { TaskStatus } from "@/lib/db";

const STATUSES: TaskStatus[] = ["NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"];

describe("checkTransition", () => {
  it.each(STATUSES.flatMap((from) => STATUSES.filter((to) => to !== from && to !== "NOT_APPLICABLE").map((to) => [from, to])))(
    "allows %s → %s",
    (from, to) => expect(checkTransition(from, to)).toEqual({ ok: true }),
  );

  it.each(STATUSES)("refuses staying in %s", (status) => {
    expect(checkTransition(status, status, "skäl")).toMatchObject({ ok: false });
  });

  it("requires a reason for ej aktuell", () => {
    expect(checkTransition("NOT_STARTED", "NOT_APPLICABLE")).toEqual({ ok: false, message: "Ange varför uppgiften inte är aktuell." });
    expect(checkTransition("NOT_STARTED", "NOT_APPLICABLE", "   ")).toMatchObject({ ok: false });
    expect(checkTransition("NOT_STARTED", "NOT_APPLICABLE", "Ingen dagverksamhet i enheten")).toEqual({ ok: true });
  });

  it("limits the length of the reason", () => {
    expect(checkTransition("DONE", "NOT_APPLICABLE", "x".repeat(REASON_MAX_LENGTH))).toEqual({ ok: true });
    expect(checkTransition("DONE", "NOT_APPLICABLE", "x".repeat(REASON_MAX_LENGTH + 1))).toMatchObject({ ok: false });
  });
});

describe("completionFields", () => {
  const now = new Date("2026-12-01T09:00:00Z");
  const sentOn = new Date("2026-06-20T00:00:00Z");
  it("records who, when it was recorded and the day it was done on klar", () => {
    expect(completionFields("DONE", "user-1", now, sentOn)).toEqual({ completedById: "user-1", completedAt: now, doneOn: sentOn, notApplicableReason: null });
  });
  it("clears them when a task leaves klar", () => {
    expect(completionFields("NOT_STARTED", "user-1", now, sentOn)).toEqual({ completedById: null, completedAt: null, doneOn: null });
  });
});

describe("isOverdue", () => {
  const due = utcDate(2026, 2, 28);
  it("is not overdue on the due date itself", () => {
    expect(isOverdue({ status: "NOT_STARTED", dueOn: due }, utcDate(2026, 2, 28))).toBe(false);
  });
  it("is overdue the day after when not done", () => {
    expect(isOverdue({ status: "NOT_STARTED", dueOn: due }, utcDate(2026, 3, 1))).toBe(true);
    expect(isOverdue({ status: "IN_PROGRESS", dueOn: due }, utcDate(2026, 3, 1))).toBe(true);
  });
  it("is never overdue when klar, ej aktuell or undated", () => {
    expect(isOverdue({ status: "DONE", dueOn: due }, utcDate(2026, 6, 1))).toBe(false);
    expect(isOverdue({ status: "NOT_APPLICABLE", dueOn: due }, utcDate(2026, 6, 1))).toBe(false);
    expect(isOverdue({ status: "NOT_STARTED", dueOn: null }, utcDate(2026, 6, 1))).toBe(false);
  });
});
