import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCycleTasks } from "@/lib/cycles/instantiate";
import { utcDate } from "@/lib/dates/cycle";
import { getWheelData, type WheelData } from "@/lib/wheel/data";
import { typicalSurveyTimetable } from "@/prisma/seed/seed";
import { DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor, createTestDatabaseAs } from "./helpers/actors";
import { counting } from "./helpers/counting";
import { getCycleProgress } from "@/lib/tasks/progress-queries";
import type { SessionUser } from "@/lib/auth/session-user";
import { SEEDED_TODAY } from "../support/today";
import { ensureCycle2027 } from "./helpers/next-cycle";


const activity = (data: WheelData, key: string) => data.routines.flatMap((r) => r.phases.flatMap((p) => p.activities)).find((a) => a.key === key)!;

describe.each(DATABASE_KINDS)("the wheel's data on %s", (kind) => {
  let t: TestDatabase;
  let chef: SessionUser;
  beforeAll(async () => ({ t, actor: chef } = await createTestDatabaseAs(kind, "verksamhetschef@arshjulet.example")));
  afterAll(async () => t?.close());

  it("shows each role the wheel of its own scope: a unit's own people one of their units, never another's", async () => {
    const all = (await getWheelData(chef, {}, t.db, SEEDED_TODAY))!;
    const activities = (d: WheelData) => d.routines.flatMap((r) => r.phases.flatMap((p) => p.activities));
    const enhetschef = await actorFor(t.db, "enhetschef@arshjulet.example");
    const own = enhetschef.assignments.map((a) => a.unitId);
    const other = all.units.find((u) => !own.includes(u.id))!;
    const chief = (await getWheelData(enhetschef, { unitId: other.id }, t.db, SEEDED_TODAY))!;
    expect(chief.scope).toBe("units");
    expect(chief.units.map((u) => u.id).every((id) => own.includes(id))).toBe(true);
    expect(own).toContain(chief.unit!.id);
    expect(chief.unit!.id).not.toBe(other.id);
    expect(chief.routines.map((r) => r.key)).toEqual(["brukarundersokning-hemtjanst"]);
    expect(activities(chief).every((a) => a.overdueUnits.length === 0)).toBe(true);

    const kommunikator = (await getWheelData(await actorFor(t.db, "kommunikator@arshjulet.example"), {}, t.db, SEEDED_TODAY))!;
    expect(kommunikator.scope).toBe("communications");
    expect(kommunikator.units).toEqual([]);
    expect(activities(kommunikator).length).toBeGreaterThan(0);
    expect(activities(kommunikator).every((a) => a.scope === "COMMUNICATIONS")).toBe(true);

    const handlaggare = (await getWheelData(await actorFor(t.db, "handlaggare@arshjulet.example"), {}, t.db, SEEDED_TODAY))!;
    expect(handlaggare.scope).toBe("review");
    expect(handlaggare.routines.map((r) => r.key)).toEqual(["kvalitetsgranskning-hemtjanst"]);

    expect(all.scope).toBe("verksamhet");
    expect(all.unit).toBeNull();
    expect(all.routines).toHaveLength(2);

    // The start page's panels (docs/decisions/032): each activity's task in the scope's own list, by the wheel's id.
    const tasksOf = async (data: WheelData, where: object) => {
      const keys = Object.keys(data.ownTasks).map((id) => activities(data).find((a) => a.id === id)!.key);
      const rows = await t.db.task.findMany({ where: { id: { in: Object.values(data.ownTasks) }, ...where }, select: { activity: { select: { key: true } } } });
      return { keys: keys.sort(), matching: rows.map((r) => r.activity.key).sort() };
    };
    const chiefTasks = await tasksOf(chief, { unitId: chief.unit!.id, cycle: { year: chief.year } });
    expect(chiefTasks.keys.length).toBeGreaterThan(0);
    expect(chiefTasks.matching).toEqual(chiefTasks.keys);
    // Not the verksamhet's task of a verksamhet-wide activity: that one is not the unit's to tick.
    expect(chiefTasks.keys).not.toContain("resultat-lg-hemtjanst");
    const communications = await tasksOf(kommunikator, { unitId: null, assigneeKey: "COMMUNICATIONS" });
    expect(communications.matching).toEqual(communications.keys);
    expect(communications.keys.length).toBe(activities(kommunikator).length);
    const review = await tasksOf(handlaggare, { unitId: null, assigneeKey: "ORGANISATION" });
    expect(review.keys.length).toBeGreaterThan(0);
    expect(review.matching).toEqual(review.keys);
    expect(all.ownTasks).toEqual({});
  });

  it("shows the current cycle with both routines as layers, phases in order and every activity numbered once", async () => {
    const data = (await getWheelData(chef, {}, t.db, SEEDED_TODAY))!;
    expect(data.year).toBe(2026);
    expect(data.years).toEqual([2026, 2025]);
    expect(data.units).toHaveLength(14);
    // The quality review is the second seeded routine; each routine keeps its own colour.
    const stored = await t.db.routine.findMany({ select: { key: true, colour: true } });
    expect(data.routines).toHaveLength(2);
    expect(data.routines[0]!.key).toBe("brukarundersokning-hemtjanst");
    expect(data.routines[1]!.key).toMatch(/^kvalitets/);
    for (const r of data.routines) expect(r.colour).toBe(stored.find((s) => s.key === r.key)!.colour);
    expect(new Set(data.routines.map((r) => r.colour)).size).toBe(2);
    expect(data.routines[0]!.phases.map((p) => p.key)).toEqual(["infor", "under", "efter", "resultat", "uppfoljning"]);
    const numbers = data.routines.flatMap((r) => r.phases.flatMap((p) => p.activities.map((a) => a.number)));
    expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
    const letter = activity(data, "brukarbrev-1");
    expect(letter).toMatchObject({ startMonth: 2, endMonth: 2, responsibleRole: "KOORDINATOR", scope: "UNIT", startsOn: utcDate(2026, 2, 1), dueOn: utcDate(2026, 2, 28) });
  });

  it("counts completion per activity across the units, as the tasks say", async () => {
    const data = (await getWheelData(chef, { year: 2026 }, t.db, SEEDED_TODAY))!;
    const letter = activity(data, "brukarbrev-2");
    const tasks = await t.db.task.findMany({ where: { cycle: { year: 2026 }, activity: { key: "brukarbrev-2" } }, select: { status: true } });
    expect(letter.completion.total).toBe(14);
    expect(letter.completion.done).toBe(tasks.filter((x) => x.status === "DONE").length);
    expect(letter.completion.notApplicable).toBe(tasks.filter((x) => x.status === "NOT_APPLICABLE").length);
    // Due in June, so every open one is overdue on 23 November.
    expect(letter.completion.overdue).toBe(tasks.filter((x) => x.status === "NOT_STARTED" || x.status === "IN_PROGRESS").length);
    const late = await t.db.task.findMany({ where: { cycle: { year: 2026 }, activity: { key: "brukarbrev-2" }, status: { in: ["NOT_STARTED", "IN_PROGRESS"] } }, select: { unit: { select: { name: true } } } });
    expect(letter.overdueUnits.map((u) => u.name).sort()).toEqual(late.map((x) => x.unit!.name).sort());
    // A verksamhet-wide activity has one task.
    expect(activity(data, "arshjul-planerat").completion.total).toBe(1);
    // The brukarundersökning starts in December: the 2026 cycle's December was December 2025, and its wheel starts there.
    expect(data.firstMonth).toBe(12);
    expect(activity(data, "planera-i-planeringsverktyget")).toMatchObject({ startsOn: utcDate(2025, 12, 1), dueOn: utcDate(2025, 12, 31) });
    // December 2026 opens the 2027 cycle: not begun on 23 November, so upcoming rather than behind.
    await ensureCycle2027(t.db);
    const next = (await getWheelData(chef, { year: 2027 }, t.db, SEEDED_TODAY))!;
    expect(activity(next, "planera-i-planeringsverktyget")).toMatchObject({ level: "upcoming", startsOn: utcDate(2026, 12, 1) });
    await t.db.task.deleteMany({ where: { cycle: { year: 2027 } } });
    await t.db.cycle.deleteMany({ where: { year: 2027 } });
  });

  it("moves an activity's completion when a unit ticks its task", async () => {
    const before = activity((await getWheelData(chef, { year: 2026 }, t.db, SEEDED_TODAY))!, "workshop-november");
    const open = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, activity: { key: "workshop-november" }, status: { in: ["NOT_STARTED", "IN_PROGRESS"] } } });
    await t.db.task.update({ where: { id: open.id }, data: { status: "DONE" } });
    const after = activity((await getWheelData(chef, { year: 2026 }, t.db, SEEDED_TODAY))!, "workshop-november");
    expect(after.completion.done).toBe(before.completion.done + 1);
    expect(after.completion.total).toBe(before.completion.total);
  });

  it("shows one unit's status, and the verksamhet's for verksamhet-wide activities", async () => {
    const larkan = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    const data = (await getWheelData(chef, { year: 2026, unitId: larkan.id }, t.db, SEEDED_TODAY))!;
    expect(data.unit?.name).toBe("Lärkan");
    const task = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, unitId: larkan.id, activity: { key: "brukarbrev-3" } } });
    const letter = activity(data, "brukarbrev-3");
    expect(letter.unitStatus).toBe(task.status);
    expect(letter.level).toBe({ DONE: "all", NOT_APPLICABLE: "na", IN_PROGRESS: "some", NOT_STARTED: "none" }[task.status]);
    const orgTask = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, activity: { key: "resultat-lg-hemtjanst" } } });
    expect(activity(data, "resultat-lg-hemtjanst").unitStatus).toBe(orgTask.status);
    // An unknown unit id shows all units.
    expect((await getWheelData(chef, { year: 2026, unitId: "okand" }, t.db, SEEDED_TODAY))!.unit).toBeNull();
  });

  it("gives Socialstyrelsen's survey period from the cycle", async () => {
    const data = (await getWheelData(chef, { year: 2026 }, t.db, SEEDED_TODAY))!;
    const expected = typicalSurveyTimetable(2026);
    expect(data.survey).toEqual({ dispatchOn: expected.surveyDispatchOn, reminderOn: expected.surveyReminderOn, lastAnswerOn: expected.surveyLastAnswerOn, resultsPublishedOn: expected.resultsPublishedOn });
  });

  it("lists the improvement actions due in the year or belonging to its cycle, for a unit its own and the verksamhet's", async () => {
    const all = (await getWheelData(chef, { year: 2026 }, t.db, SEEDED_TODAY))!;
    expect(all.actions.map((a) => [a.unitName, a.dueOn?.toISOString().slice(0, 10)])).toEqual([
      ["Lärkan", "2026-03-31"],
      [null, "2026-12-15"],
      ["Tallbacken", "2026-12-18"],
    ]);
    // The 2026 wheel's December is December 2025 (the brukarundersökning starts in December): the cycle's actions due
    // in December 2026 are listed with it but drawn in the 2027 wheel (issue 32).
    expect(all.actions.map((a) => a.inYear)).toEqual([true, false, false]);
    const larkan = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    const one = (await getWheelData(chef, { year: 2026, unitId: larkan.id }, t.db, SEEDED_TODAY))!;
    expect(one.actions.map((a) => a.unitName)).toEqual(["Lärkan", null]);
    const last = (await getWheelData(chef, { year: 2025 }, t.db, SEEDED_TODAY))!;
    expect(last.actions.map((a) => [a.unitName, a.inYear])).toEqual([["Lärkan", false]]);
  });

  it("uses the same number of queries however many units there are", async () => {
    const first = counting(t.db);
    await getWheelData(chef, { year: 2026 }, first.client, SEEDED_TODAY);
    const area = await t.db.area.findFirstOrThrow({ where: { name: "Område Norr" } });
    const cycle = await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } });
    await t.db.unit.createMany({ data: Array.from({ length: 6 }, (_, i) => ({ areaId: area.id, name: `Testenhet ${i + 1}` })) });
    await ensureCycleTasks(t.db, cycle.id);
    const second = counting(t.db);
    const data = (await getWheelData(chef, { year: 2026 }, second.client, SEEDED_TODAY))!;
    expect(activity(data, "brukarbrev-1").completion.total).toBe(20);
    expect(second.counter.n).toBe(first.counter.n);
    // Eight, and one for the verksamhet's cycle calendar (its routines' start months).
    expect(second.counter.n).toBeLessThanOrEqual(9);
  });

  // Issue 35: with a unit chosen, the counts, the overdue and the unit's progress come from one list of tasks.
  it("counts a chosen unit's wheel from one list of tasks as the queries count it, in six queries", async () => {
    const larkan = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    const cycle = await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } });
    const counted = counting(t.db);
    const data = (await getWheelData(chef, { year: 2026, unitId: larkan.id }, counted.client, SEEDED_TODAY))!;
    // The calendar, the cycles, the units, the activities, the tasks and the improvement actions (and their
    // indicators when one has one).
    const indicators = await t.db.improvementAction.count({ where: { indicatorId: { not: null }, OR: [{ unitId: larkan.id }, { unitId: null }] } });
    expect(counted.counter.n).toBe(indicators > 0 ? 7 : 6);
    const [progress] = await getCycleProgress(t.db, [{ cycleId: cycle.id, date: SEEDED_TODAY, unitId: larkan.id }]);
    expect(data.progress).toEqual(progress);
    const own = await t.db.task.groupBy({ by: ["activityId"], where: { cycleId: cycle.id, unitId: null }, _count: { _all: true } });
    const overdue = await t.db.task.count({ where: { cycleId: cycle.id, unitId: null, status: { in: ["NOT_STARTED", "IN_PROGRESS"] }, dueOn: { lt: SEEDED_TODAY } } });
    const activities = data.routines.flatMap((r) => r.phases.flatMap((p) => p.activities));
    expect(activities.reduce((n, a) => n + a.completion.total, 0)).toBe(own.reduce((n, g) => n + g._count._all, 0));
    expect(activities.reduce((n, a) => n + a.completion.overdue, 0)).toBe(overdue);
  });
});

// Issue 32, item 6: an improvement action is drawn in its own cycle's sector, and its unit is named as it is.
describe.each(DATABASE_KINDS)("improvement actions in the wheel on %s", (kind) => {
  let t: TestDatabase;
  let chef: SessionUser;
  beforeAll(async () => ({ t, actor: chef } = await createTestDatabaseAs(kind, "verksamhetschef@arshjulet.example")));
  afterAll(async () => t?.close());

  it("draws an action due 15 December 2026 in the 2027 wheel's December, not the 2026 wheel's, and names its active unit", async () => {
    await ensureCycle2027(t.db);
    const tallbacken = await t.db.unit.findFirstOrThrow({ where: { name: "Tallbacken" } });
    expect(tallbacken.active).toBe(true);
    const cycle2026 = await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } });
    const action = await t.db.improvementAction.create({
      data: { organisationId: cycle2026.organisationId, cycleId: cycle2026.id, unitId: tallbacken.id, title: "Decemberåtgärd", ownerName: "Enhetschef", dueOn: utcDate(2026, 12, 15) },
    });
    const drawn = (d: WheelData) => d.actions.find((a) => a.id === action.id);
    const in2026 = (await getWheelData(chef, { year: 2026 }, t.db, SEEDED_TODAY))!;
    expect(in2026.firstMonth).toBe(12);
    // Listed with its cycle, but December in the 2026 wheel is December 2025: not drawn there.
    expect(drawn(in2026)).toMatchObject({ inYear: false, unitName: "Tallbacken" });
    const in2027 = (await getWheelData(chef, { year: 2027 }, t.db, SEEDED_TODAY))!;
    expect(drawn(in2027)).toMatchObject({ inYear: true, unitName: "Tallbacken" });

    const handlaggare = (await getWheelData(await actorFor(t.db, "handlaggare@arshjulet.example"), { year: 2026 }, t.db, SEEDED_TODAY))!;
    // The handläggare's wheel has no units of its own; the action's unit is still named as the active unit it is.
    expect(handlaggare.units).toEqual([]);
    expect(drawn(handlaggare)).toMatchObject({ unitName: "Tallbacken" });
  });
});
