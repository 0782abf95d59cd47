import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countOverdueTasks, getChecklist } from "@/lib/tasks/queries";
import { changeTaskStatus } from "@/lib/tasks/mutations";
import { checklistParamsSchema } from "@/lib/tasks/schemas";
import { getDashboard } from "@/lib/dashboard/queries";
import { getLetterBoard } from "@/lib/letters/queries";
import { getWheelData } from "@/lib/wheel/data";
import { getManagedCycles } from "@/lib/cycles/queries";
import { planReminders } from "@/lib/reminders/job";
import { getTasksToDoNow } from "@/lib/reminders/queries";
import { utcDate } from "@/lib/dates/cycle";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ENHETSCHEF, UTVECKLARE, VERKSAMHETSCHEF } from "./helpers/routine-fixtures";
import { DECEMBER_DAY, ensureCycle2027 } from "./helpers/next-cycle";
import { SEEDED_TODAY } from "../support/today";

// Issue 21, item 5: "the current cycle" on every page, in December 2026, when the brukarundersökning's 2027 cycle has
// begun (December start) and the quality review's 2026 cycle runs to 31 December (docs/decisions/014).
describe.each(DATABASE_KINDS)("the current cycle in December on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await ensureCycle2027(t.db);
  });
  afterAll(() => t?.close());

  it("shows the checklist of 2027 by default, and lets both open cycles be changed but not 2025", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const list = await getChecklist(chef, checklistParamsSchema.parse({}), t.db, DECEMBER_DAY);
    expect(list).toMatchObject({ year: 2027, currentYear: 2027, readOnlyYear: false, spanNote: " (december 2026 – november 2027)" });
    expect(list.years).toEqual([2027, 2026, 2025]);
    expect(list.yearNotes).toEqual({ 2027: " (pågår)", 2026: " (efterarbete)", 2025: " (avslutad)" });
    // Only December 2026's tasks have begun in 2027; the list holds the whole cycle.
    const tasks = list.phases.flatMap((p) => p.tasks);
    expect(tasks.find((x) => x.activity.key === "planera-i-planeringsverktyget")).toMatchObject({ dueOn: utcDate(2026, 12, 31), canUpdate: true });
    expect((await getChecklist(chef, checklistParamsSchema.parse({ ar: "2026" }), t.db, DECEMBER_DAY)).readOnlyYear).toBe(false);
    expect((await getChecklist(chef, checklistParamsSchema.parse({ ar: "2025" }), t.db, DECEMBER_DAY)).readOnlyYear).toBe(true);
    // On 23 November the 2027 cycle has not begun: 2026 is the current one, 2027 is kommande.
    const november = await getChecklist(chef, checklistParamsSchema.parse({}), t.db, SEEDED_TODAY);
    expect(november).toMatchObject({ year: 2026, currentYear: 2026 });
    expect(november.yearNotes[2027]).toBe(" (kommande)");

    const open2026 = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, unit: { name: "Lärkan" }, activity: { responsibleRole: "ENHETSCHEF" }, status: { not: "NOT_APPLICABLE" } } });
    const closed2025 = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2025 }, unit: { name: "Lärkan" }, activity: { responsibleRole: "ENHETSCHEF" } } });
    const target = open2026.status === "IN_PROGRESS" ? "NOT_STARTED" : "IN_PROGRESS";
    expect(await changeTaskStatus(chef, { taskId: open2026.id, version: open2026.version, status: target }, t.db, { today: DECEMBER_DAY })).toMatchObject({ ok: true });
    expect(await changeTaskStatus(chef, { taskId: closed2025.id, version: closed2025.version, status: "IN_PROGRESS" }, t.db, { today: DECEMBER_DAY })).toMatchObject({ ok: false, code: "CLOSED", message: "Cykeln 2025 är avslutad och kan bara läsas." });
  });

  it("names the ending cycle's försenade on the new cycle's checklist of each unit, and they add up to the menu's badge", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const badge = await countOverdueTasks(chef, DECEMBER_DAY, t.db);
    const list = (ar: string, enhet?: string) => getChecklist(chef, checklistParamsSchema.parse({ ar, enhet, filter: "forsenade" }), t.db, DECEMBER_DAY);
    const groups = (await list("2027")).groups;
    expect(groups.length).toBeGreaterThan(1);
    let total = 0;
    let named = 0;
    for (const g of groups) {
      const [of2027, of2026] = await Promise.all([list("2027", g.key), list("2026", g.key)]);
      expect(of2027.year).toBe(2027);
      // The 2027 list names exactly the 2026 list's försenade, and the other way round.
      expect(of2027.overdueElsewhere).toEqual(of2026.counts.forsenade > 0 ? [{ year: 2026, count: of2026.counts.forsenade }] : []);
      expect(of2026.overdueElsewhere).toEqual(of2027.counts.forsenade > 0 ? [{ year: 2027, count: of2027.counts.forsenade }] : []);
      total += of2027.counts.forsenade + of2026.counts.forsenade;
      named += of2027.overdueElsewhere.length;
    }
    expect(named).toBeGreaterThan(0);
    expect(total).toBe(badge);
  });

  it("shows the overview of 2027 from December, compared with 2026 at the same point of its cycle", async () => {
    const boss = await actorFor(t.db, VERKSAMHETSCHEF);
    const d = (await getDashboard(boss, {}, t.db, DECEMBER_DAY))!;
    expect(d).toMatchObject({ year: 2027, compareYear: 2026, firstMonth: 12 });
    expect(d.coverage[0]!.cells.map((c) => c.month).slice(0, 2)).toEqual([12, 1]);
    expect(d.coverage[0]!.cells[0]!.state).toBe("current");
    expect(d.progress!.date).toEqual(DECEMBER_DAY);
    expect(d.compareProgress!.date).toEqual(utcDate(2025, 12, 2));
  });

  it("puts the wheel, the brukarbrev and the cycles page in 2027, with 2026 still open", async () => {
    const boss = await actorFor(t.db, VERKSAMHETSCHEF);
    const wheel = (await getWheelData(boss, {}, t.db, DECEMBER_DAY))!;
    expect(wheel).toMatchObject({ year: 2027, firstMonth: 12 });
    const board = (await getLetterBoard(await actorFor(t.db, "koordinator@arshjulet.example"), {}, t.db, DECEMBER_DAY))!;
    expect(board.year).toBe(2027);
    const cycles = await getManagedCycles(await actorFor(t.db, UTVECKLARE), t.db, DECEMBER_DAY);
    expect(cycles.currentYear).toBe(2027);
    expect(cycles.map((c) => [c.year, c.open, c.spanNote])).toEqual([
      [2027, true, " (december 2026 – november 2027)"],
      [2026, true, " (december 2025 – november 2026)"],
      [2025, false, " (december 2024 – november 2025)"],
    ]);
  });

  it("reminds of the open tasks of both open cycles, and of none of 2025", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const toDo = await getTasksToDoNow(chef, utcDate(2026, 12, 20), { limit: 500 }, t.db);
    const years = await t.db.task.findMany({ where: { id: { in: toDo.tasks.map((x) => x.id) } }, select: { cycle: { select: { year: true } } } });
    expect(new Set(years.map((x) => x.cycle.year))).toEqual(new Set([2027, 2026]));
    // Thursday 17 December: the single reminders and the weekly digests link the tasks of both open cycles.
    const planned = await planReminders(utcDate(2026, 12, 17), "http://127.0.0.1", t.db);
    const linked = planned.flatMap((p) => [...(p.taskId ? [p.taskId] : []), ...[...p.message.text.matchAll(/checklista\/uppgift\/([a-z0-9]+)/g)].map((m) => m[1]!)]);
    const cyclesOf = await t.db.task.findMany({ where: { id: { in: linked } }, select: { cycle: { select: { year: true } } } });
    expect(new Set(cyclesOf.map((x) => x.cycle.year))).toEqual(new Set([2027, 2026]));
  });
});
