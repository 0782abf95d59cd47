import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getWheelData } from "@/lib/wheel/data";
import { getTasksToDoNow } from "@/lib/reminders/queries";
import { getChecklist } from "@/lib/tasks/queries";
import { changeTaskStatus } from "@/lib/tasks/mutations";
import { checklistParamsSchema } from "@/lib/tasks/schemas";
import { REVIEW_TASK_KEYS } from "@/lib/tasks/module-tasks";
import type { SessionUser } from "@/lib/auth/session-user";
import { DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { createTestDatabaseAs } from "./helpers/actors";
import { countingStatements } from "./helpers/counting-statements";
import { SEEDED_TODAY } from "../support/today";

/**
 * Issue 35: the SQL statements of the enhetschef's start page, checklist and tick-off, counted as the server sends
 * them (npm run bench). Outside a server render React's cache() does not keep the cycle calendar, so it is read once
 * per function here. Adding a statement fails a test; so does removing one (then lower the figure).
 */
describe.each(DATABASE_KINDS)("SQL statements per request on %s", (kind) => {
  let t: TestDatabase;
  let chief: SessionUser;
  let counted: ReturnType<typeof countingStatements>;
  beforeAll(async () => {
    ({ t, actor: chief } = await createTestDatabaseAs(kind, "enhetschef@arshjulet.example"));
    counted = countingStatements(t);
  });
  afterAll(async () => {
    await counted?.close();
    await t?.close();
  });

  const statements = async (run: () => Promise<unknown>) => {
    const before = counted.counter.n;
    await run();
    return counted.counter.n - before;
  };

  it("reads the start page's wheel of the enhetschef's unit in seven statements and Att göra nu in seven", async () => {
    const data = (await getWheelData(chief, {}, counted.client, SEEDED_TODAY))!;
    expect(data.unit).not.toBeNull();
    // The calendar, the cycles, the units, the activities, the tasks, the improvement actions and their indicators.
    expect(await statements(() => getWheelData(chief, {}, counted.client, SEEDED_TODAY))).toBe(7);
    // The scoped ids, the tasks with their unit, cycle and activity, the badge's count and, not kept here, the calendar
    // four times (in the server's render: once for the page, so the page's ten statements).
    expect(await statements(() => getTasksToDoNow(chief, SEEDED_TODAY, { unitId: data.unit!.id }, counted.client))).toBe(7);
  });

  it("reads the enhetschef's checklist in eight statements", async () => {
    // The cycles, the calendar, the groups (readable, writable, their units), the tasks with their relations (two) and
    // the brukarbrev's dispatches (the badge's count of the other open cycle only in a cycle's first months).
    expect(await statements(() => getChecklist(chief, checklistParamsSchema.parse({}), counted.client, SEEDED_TODAY))).toBe(8);
  });

  it("ticks a task off in seven statements, with its event and audit entry", async () => {
    const unitIds = chief.assignments.flatMap((a) => (a.unitId ? [a.unitId] : []));
    const task = await t.db.task.findFirstOrThrow({
      where: { unitId: { in: unitIds }, cycle: { year: 2026 }, status: "NOT_STARTED", activity: { responsibleRole: "ENHETSCHEF", kind: { not: "LETTER" }, key: { notIn: REVIEW_TASK_KEYS } } },
      select: { id: true, version: true },
    });
    let result: Awaited<ReturnType<typeof changeTaskStatus>> | undefined;
    // BEGIN, the scoped lookup, its context (cycle, activity, calendar, names), the update, the event, the audit, COMMIT.
    expect(await statements(async () => (result = await changeTaskStatus(chief, { taskId: task.id, version: task.version, status: "DONE" }, counted.client, { today: SEEDED_TODAY })))).toBe(7);
    expect(result).toMatchObject({ ok: true, task: { status: "DONE", completedBy: { name: chief.name } } });
    expect(await t.db.auditEntry.count({ where: { entityId: task.id, action: "task.status" } })).toBe(1);
    expect(await t.db.taskEvent.count({ where: { taskId: task.id, type: "STATUS_CHANGED" } })).toBe(1);
  });
});
