import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import { countOverdueTasks, getTasksToDoNow } from "@/lib/reminders/queries";
import { DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor, createTestDatabaseAs } from "./helpers/actors";
import type { SessionUser } from "@/lib/auth/session-user";
import { SEEDED_TODAY } from "../support/today";

const OPEN = { in: ["NOT_STARTED" as const, "IN_PROGRESS" as const] };

describe.each(DATABASE_KINDS)("Att göra nu on %s", (kind) => {
  let t: TestDatabase;
  let chief: SessionUser;
  let ownUnits: string[];
  beforeAll(async () => {
    ({ t, actor: chief } = await createTestDatabaseAs(kind, "enhetschef@arshjulet.example"));
    ownUnits = chief.assignments.map((a) => a.unitId).filter((id): id is string => id !== null);
    // One own overdue task and one this month, whatever the seed's statuses: the enhetschef's own role in Lärkan.
    const lark = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    const late = await t.db.task.findFirstOrThrow({ where: { unitId: lark.id, cycle: { year: 2026 }, dueOn: { lt: utcDate(2026, 11, 1) }, activity: { responsibleRole: "ENHETSCHEF" } }, orderBy: { dueOn: "desc" } });
    await t.db.task.update({ where: { id: late.id }, data: { status: "NOT_STARTED", completedAt: null } });
    // Another unit's overdue task: never in the enhetschef's list.
    await t.db.task.updateMany({ where: { unitId: { notIn: ownUnits }, cycle: { year: 2026 }, dueOn: { lt: utcDate(2026, 11, 1) } }, data: { status: "NOT_STARTED", completedAt: null } });
  });
  afterAll(async () => t?.close());

  it("lists the overdue and this month's open tasks of the user's own units, own tasks first and overdue first among them", async () => {
    const { tasks, total, overdue } = await getTasksToDoNow(chief, SEEDED_TODAY, { limit: 500 }, t.db);
    expect(total).toBe(tasks.length);
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((x) => x.unitId === null || ownUnits.includes(x.unitId))).toBe(true);
    expect(tasks.some((x) => x.unitId !== null && !ownUnits.includes(x.unitId))).toBe(false);
    // Everything listed is open and either overdue or in November.
    const monthStart = utcDate(2026, 11, 1);
    expect(tasks.every((x) => (x.status === "NOT_STARTED" || x.status === "IN_PROGRESS") && (x.overdue || (x.dueOn !== null && x.dueOn >= monthStart)))).toBe(true);
    // All of the user's open tasks in the period are there, none left out.
    const expected = await t.db.task.count({
      where: { unitId: { in: ownUnits }, cycle: { year: 2026 }, status: OPEN, OR: [{ dueOn: { lt: SEEDED_TODAY } }, { startsOn: { lte: utcDate(2026, 11, 30) }, dueOn: { gte: monthStart } }] },
    });
    expect(tasks.filter((x) => x.unitId !== null).length).toBe(expected);
    // Own first: the tiers never step back, and the first task is an own overdue one.
    const rank = { own: 0, changeable: 1, others: 2 };
    for (let i = 1; i < tasks.length; i++) expect(rank[tasks[i]!.tier]).toBeGreaterThanOrEqual(rank[tasks[i - 1]!.tier]);
    expect(tasks[0]).toMatchObject({ tier: "own", overdue: true, responsibleRole: "ENHETSCHEF" });
    const own = tasks.filter((x) => x.tier === "own");
    expect(own.findIndex((x) => !x.overdue)).toBe(own.filter((x) => x.overdue).length);
    // The same count of försenade as the menu's badge.
    expect(overdue).toBe(await countOverdueTasks(chief, SEEDED_TODAY, t.db));
    expect(overdue).toBe(tasks.filter((x) => x.overdue && x.tier !== "others").length);
  });

  it("keeps to the unit the wheel shows, and cuts the list at the limit with the total", async () => {
    const chef = await actorFor(t.db, "verksamhetschef@arshjulet.example");
    const other = await t.db.unit.findFirstOrThrow({ where: { id: { notIn: ownUnits } } });
    const everything = await getTasksToDoNow(chef, SEEDED_TODAY, { limit: 1000 }, t.db);
    expect(everything.tasks.some((x) => x.unitId === other.id)).toBe(true);
    const one = await getTasksToDoNow(chef, SEEDED_TODAY, { unitId: other.id, limit: 1000 }, t.db);
    expect(one.tasks.length).toBeGreaterThan(0);
    expect(one.tasks.every((x) => x.unitId === null || x.unitId === other.id)).toBe(true);
    const cut = await getTasksToDoNow(chef, SEEDED_TODAY, { limit: 3 }, t.db);
    expect(cut.tasks).toHaveLength(3);
    expect(cut.total).toBe(everything.total);
    expect(cut.tasks.map((x) => x.id)).toEqual(everything.tasks.slice(0, 3).map((x) => x.id));
    // The verksamhetschef's own verksamhet-wide tasks come before the units' tasks.
    const firstUnitTask = everything.tasks.findIndex((x) => x.tier === "others");
    expect(everything.tasks.slice(firstUnitTask).every((x) => x.tier === "others")).toBe(true);
  });
});
