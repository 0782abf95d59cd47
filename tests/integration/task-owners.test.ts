import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTasksToDoNow } from "@/lib/reminders/queries";
import { changeTaskStatus, TASK_READ_ONLY } from "@/lib/tasks/mutations";
import { countOverdueTasks, getChecklist, VERKSAMHET } from "@/lib/tasks/queries";
import { checklistParamsSchema } from "@/lib/tasks/schemas";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { fingerprint } from "./helpers/fingerprint";
import { VERKSAMHETSCHEF } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";

// Issue 32, deliverable 5: each task is owned by the role that does it. The auditor's steps (socialkontoret's
// biståndshandläggare and kvalitetshandläggare) are read by the verksamhetschef but never changed by them.
const HANDLAGGARE = "handlaggare@arshjulet.example";
const opts = { today: SEEDED_TODAY };
const verksamhetList = checklistParamsSchema.parse({ enhet: VERKSAMHET, ar: "2026", filter: "alla", visa: "enhet" });

describe.each(DATABASE_KINDS)("the auditor's steps on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    // The seed has the handläggare's 2026 steps done; the year-long one is reopened so that it is theirs to do now.
    await t.db.task.updateMany({
      where: { cycle: { year: 2026 }, activity: { key: "kvalitetssakring-omprovningar" } },
      data: { status: "NOT_STARTED", completedAt: null, completedById: null, doneOn: null, version: { increment: 1 } },
    });
  });
  afterAll(() => t?.close());

  const auditorTasks = () =>
    t.db.task.findMany({
      where: { cycle: { year: 2026 }, activity: { responsibleRole: { in: ["BISTANDSHANDLAGGARE", "KVALITETSHANDLAGGARE"] } } },
      select: { id: true, version: true, status: true, activity: { select: { title: true, responsibleRole: true } } },
    });

  it("refuses the verksamhetschef's Klar and Ej aktuell on every one of them, and changes nothing", async () => {
    const chef = await actorFor(t.db, VERKSAMHETSCHEF);
    const tasks = await auditorTasks();
    expect(tasks.map((x) => x.activity.responsibleRole)).toEqual(expect.arrayContaining(["BISTANDSHANDLAGGARE", "KVALITETSHANDLAGGARE"]));
    const before = await fingerprint(t.db);
    for (const task of tasks) {
      for (const change of [{ status: "DONE" }, { status: "NOT_APPLICABLE", reason: "Görs inte i år" }, { status: "IN_PROGRESS" }]) {
        const result = await changeTaskStatus(chef, { taskId: task.id, version: task.version, ...change }, t.db, opts);
        expect(result, task.activity.title).toMatchObject({ ok: false, code: "READ_ONLY", message: TASK_READ_ONLY });
      }
    }
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it("shows the verksamhetschef the steps without buttons and leaves them out of the badge", async () => {
    const chef = await actorFor(t.db, VERKSAMHETSCHEF);
    const list = await getChecklist(chef, verksamhetList, t.db, SEEDED_TODAY);
    const ids = new Set((await auditorTasks()).map((x) => x.id));
    const shown = list.phases.flatMap((p) => p.tasks).filter((x) => ids.has(x.id));
    expect(shown.length).toBe(ids.size);
    expect(shown.filter((x) => x.canUpdate)).toEqual([]);
    // The badge counts only what the verksamhetschef may change: the same count without the auditor's tasks.
    const overdueMine = await t.db.task.count({
      where: { cycle: { year: 2026 }, unitId: null, assigneeKey: "ORGANISATION", dueOn: { lt: SEEDED_TODAY }, status: { in: ["NOT_STARTED", "IN_PROGRESS"] }, NOT: { activity: { responsibleRole: { in: ["BISTANDSHANDLAGGARE", "KVALITETSHANDLAGGARE"] } } } },
    });
    expect(await countOverdueTasks(chef, SEEDED_TODAY, t.db)).toBe(overdueMine);
  });

  it("gives the biståndshandläggare their own steps in the checklist, badge and Att göra nu, to be marked klar", async () => {
    const handlaggare = await actorFor(t.db, HANDLAGGARE);
    const own = (await auditorTasks()).filter((x) => x.activity.responsibleRole === "BISTANDSHANDLAGGARE");
    expect(own.length).toBeGreaterThan(0);
    const list = await getChecklist(handlaggare, { ...verksamhetList, visa: "mina" }, t.db, SEEDED_TODAY);
    expect(list.group?.editable).toBe(true);
    const listed = list.phases.flatMap((p) => p.tasks);
    expect(listed.map((x) => x.id).sort()).toEqual(own.map((x) => x.id).sort());
    expect(listed.every((x) => x.canUpdate)).toBe(true);
    const overdue = listed.filter((x) => x.overdue).length;
    expect(await countOverdueTasks(handlaggare, SEEDED_TODAY, t.db)).toBe(overdue);
    const toDo = await getTasksToDoNow(handlaggare, SEEDED_TODAY, {}, t.db);
    expect(toDo.overdue).toBe(overdue);
    expect(toDo.tasks.length).toBeGreaterThan(0);
    expect(toDo.tasks.every((x) => own.some((o) => o.id === x.id))).toBe(true);

    const open = own.find((x) => x.status === "NOT_STARTED")!;
    expect(toDo.tasks.map((x) => x.id)).toContain(open.id);
    expect(await changeTaskStatus(handlaggare, { taskId: open.id, version: open.version, status: "DONE" }, t.db, opts)).toMatchObject({ ok: true });
  });
});
