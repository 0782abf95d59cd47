import { describe, expect, it } from "vitest";
import { periodText } from "@/components/checklist/task-view";
import { utcDate } from "@/lib/dates/cycle";
import type { TaskStatus } from "@/lib/db";
import { addCommentSchema, changeStatusSchema, checklistParamsSchema } from "@/lib/tasks/schemas";
import { isCurrent, isHandled, matchesFilter } from "@/lib/tasks/status";

const TODAY = utcDate(2026, 11, 23);
const task = (status: TaskStatus, dueOn: Date | null = utcDate(2026, 10, 31)) => ({ status, dueOn });

describe("isHandled", () => {
  it("counts klar and ej aktuell as handled, nothing else", () => {
    expect((["NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"] as const).map(isHandled)).toEqual([false, false, true, true]);
  });
});

describe("isCurrent", () => {
  const november = { startsOn: utcDate(2026, 11, 1), dueOn: utcDate(2026, 11, 30) };
  it("marks the tasks whose months include today, first and last day included", () => {
    expect(isCurrent(november, TODAY)).toBe(true);
    expect(isCurrent(november, utcDate(2026, 11, 1))).toBe(true);
    expect(isCurrent(november, utcDate(2026, 11, 30))).toBe(true);
    expect(isCurrent({ startsOn: utcDate(2026, 1, 1), dueOn: utcDate(2026, 12, 31) }, TODAY)).toBe(true);
  });
  it("leaves out earlier, later and undated tasks", () => {
    expect(isCurrent(november, utcDate(2026, 12, 1))).toBe(false);
    expect(isCurrent(november, utcDate(2026, 10, 31))).toBe(false);
    expect(isCurrent(november, utcDate(2025, 11, 23))).toBe(false);
    expect(isCurrent({ startsOn: null, dueOn: null }, TODAY)).toBe(false);
  });
});

describe("matchesFilter", () => {
  it.each([
    ["alla", ["NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"]],
    ["att-gora", ["NOT_STARTED", "IN_PROGRESS"]],
    ["forsenade", ["NOT_STARTED", "IN_PROGRESS"]],
    ["klara", ["DONE"]],
    ["ej-aktuella", ["NOT_APPLICABLE"]],
  ] as const)("%s lets through %j of an overdue task", (filter, expected) => {
    const statuses: TaskStatus[] = ["NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"];
    expect(statuses.filter((s) => matchesFilter(task(s), filter, TODAY))).toEqual(expected);
  });
  it("shows a task as försenad only after its due date", () => {
    expect(matchesFilter(task("NOT_STARTED", utcDate(2026, 11, 23)), "forsenade", TODAY)).toBe(false);
    expect(matchesFilter(task("NOT_STARTED", utcDate(2026, 11, 22)), "forsenade", TODAY)).toBe(true);
    expect(matchesFilter(task("NOT_STARTED", null), "forsenade", TODAY)).toBe(false);
  });
});

describe("changeStatusSchema", () => {
  const base = { taskId: "t1", version: "3" };
  it("reads a form post: version as a number, reason trimmed", () => {
    expect(changeStatusSchema.parse({ ...base, status: "NOT_APPLICABLE", reason: "  Ingen dagverksamhet  " })).toEqual({ taskId: "t1", version: 3, status: "NOT_APPLICABLE", reason: "Ingen dagverksamhet" });
    expect(changeStatusSchema.parse({ ...base, status: "DONE", reason: "" })).toEqual({ taskId: "t1", version: 3, status: "DONE", reason: undefined });
  });
  it("needs a reason for ej aktuell, at most 1000 characters", () => {
    const missing = changeStatusSchema.safeParse({ ...base, status: "NOT_APPLICABLE", reason: "   " });
    expect(missing.error?.issues).toEqual([expect.objectContaining({ path: ["reason"], message: "Ange varför uppgiften inte är aktuell." })]);
    expect(changeStatusSchema.safeParse({ ...base, status: "NOT_APPLICABLE", reason: "x".repeat(1000) }).success).toBe(true);
    expect(changeStatusSchema.safeParse({ ...base, status: "NOT_APPLICABLE", reason: "x".repeat(1001) }).error?.issues[0]?.message).toBe("Motiveringen får vara högst 1000 tecken.");
  });
  it("refuses an unknown status, a missing task and a missing version", () => {
    expect(changeStatusSchema.safeParse({ ...base, status: "KLAR" }).error?.issues[0]?.message).toBe("Välj en giltig status.");
    expect(changeStatusSchema.safeParse({ version: 1, status: "DONE" }).error?.issues[0]?.message).toBe("Uppgiften saknas.");
    expect(changeStatusSchema.safeParse({ taskId: "t1", version: "", status: "DONE" }).success).toBe(false);
    expect(changeStatusSchema.safeParse({ taskId: "t1", version: "abc", status: "DONE" }).success).toBe(false);
  });
});

describe("addCommentSchema", () => {
  it("accepts up to 2000 characters and refuses empty or longer comments", () => {
    expect(addCommentSchema.parse({ taskId: "t1", version: 1, comment: " Bokat 3/12 " }).comment).toBe("Bokat 3/12");
    expect(addCommentSchema.safeParse({ taskId: "t1", version: 1, comment: "x".repeat(2000) }).success).toBe(true);
    expect(addCommentSchema.safeParse({ taskId: "t1", version: 1, comment: "x".repeat(2001) }).error?.issues[0]?.message).toBe("Kommentaren får vara högst 2000 tecken.");
    expect(addCommentSchema.safeParse({ taskId: "t1", version: 1, comment: " " }).error?.issues[0]?.message).toBe("Skriv en kommentar.");
  });
});

describe("checklistParamsSchema", () => {
  it("reads the address and falls back to defaults for anything odd", () => {
    expect(checklistParamsSchema.parse({ enhet: "u1", ar: "2025", filter: "klara", visa: "enhet" })).toEqual({ enhet: "u1", ar: 2025, filter: "klara", visa: "enhet" });
    expect(checklistParamsSchema.parse({ enhet: ["a", "b"], ar: "tjugo", filter: "allt", visa: "alla" })).toEqual({ enhet: undefined, ar: undefined, filter: "alla", visa: "mina" });
    // The user's own tasks unless the whole list is asked for.
    expect(checklistParamsSchema.parse({})).toEqual({ enhet: undefined, ar: undefined, filter: "alla", visa: "mina" });
  });
});

describe("periodText", () => {
  it("names the months, the due date and its ISO week in Swedish", () => {
    expect(periodText(utcDate(2026, 3, 1), utcDate(2026, 5, 31))).toBe("mars–maj 2026, senast 31 maj 2026 (v. 22)");
    expect(periodText(utcDate(2026, 2, 1), utcDate(2026, 2, 28))).toBe("februari 2026, senast 28 februari 2026 (v. 9)");
    expect(periodText(null, null)).toBeNull();
  });
});
