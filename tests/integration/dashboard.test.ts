import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { ensureCycleTasks } from "@/lib/cycles/instantiate";
import { utcDate } from "@/lib/dates/cycle";
import { getDashboard, HEAT_MAP_UNIT_LIMIT } from "@/lib/dashboard/queries";
import { dashboardParamsSchema } from "@/lib/dashboard/schemas";
import { getActiveUnitsWithoutChief } from "@/lib/organisation/queries";
import { DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor, createTestDatabaseAs } from "./helpers/actors";
import { counting } from "./helpers/counting";
import type { SessionUser } from "@/lib/auth/session-user";
import { SEEDED_TODAY } from "../support/today";


describe.each(DATABASE_KINDS)("the dashboard's queries on %s", (kind) => {
  let t: TestDatabase;
  let chef: SessionUser;
  beforeAll(async () => ({ t, actor: chef } = await createTestDatabaseAs(kind, "verksamhetschef@arshjulet.example")));
  afterAll(async () => t?.close());

  it("is refused to roles without dashboard:read", async () => {
    for (const email of ["enhetschef@arshjulet.example", "koordinator@arshjulet.example", "kommunikator@arshjulet.example", "admin@arshjulet.example"]) {
      expect(await getDashboard(await actorFor(t.db, email), {}, t.db, SEEDED_TODAY)).toBeNull();
    }
    expect(await getDashboard(await actorFor(t.db, "utvecklare@arshjulet.example"), {}, t.db, SEEDED_TODAY)).not.toBeNull();
  });

  it("shows every unit's coverage per month as the tasks say", async () => {
    const d = (await getDashboard(chef, {}, t.db, SEEDED_TODAY))!;
    expect(d.year).toBe(2026);
    expect(d.compareYear).toBe(2025);
    expect(d.coverage).toHaveLength(14);
    const row = d.coverage.find((r) => r.unit.name === "Lärkan")!;
    const tasks = await t.db.task.findMany({ where: { cycle: { year: 2026 }, unitId: row.unit.id }, select: { dueOn: true, status: true } });
    const june = tasks.filter((x) => x.dueOn?.getUTCMonth() === 5);
    // The 2026 cycle's months run from December 2025 (the brukarundersökning starts in December); a January-to-December
    // activity's December 2026 shares that column.
    expect(row.cells.map((c) => c.month)).toEqual([12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(row.cells[0]!.due).toBe(tasks.filter((x) => x.dueOn?.getUTCMonth() === 11 && x.status !== "NOT_APPLICABLE").length);
    expect(row.cells[0]!.due).toBeGreaterThan(0);
    row.cells.push(...row.cells.splice(0, 1));
    // Ej aktuell is left out of the counts, as on every page (lib/tasks/progress.ts).
    expect(row.cells[5]!.due).toBe(june.filter((x) => x.status !== "NOT_APPLICABLE").length);
    expect(row.cells[5]!.notApplicable).toBe(june.filter((x) => x.status === "NOT_APPLICABLE").length);
    expect(row.cells[5]!.done).toBe(june.filter((x) => x.status === "DONE").length);
    expect(row.cells[5]!.overdue).toBe(june.filter((x) => x.status === "NOT_STARTED" || x.status === "IN_PROGRESS").length);
    expect(row.totals.due).toBe(tasks.filter((x) => x.dueOn && x.status !== "NOT_APPLICABLE").length);
  });

  it("lists overdue tasks across the verksamhet oldest first, with unit, role and days overdue", async () => {
    const d = (await getDashboard(chef, {}, t.db, SEEDED_TODAY))!;
    const count = await t.db.task.count({ where: { cycle: { year: 2026 }, status: { in: ["NOT_STARTED", "IN_PROGRESS"] }, dueOn: { lt: SEEDED_TODAY } } });
    expect(count).toBeGreaterThan(0);
    expect(d.overdueCount).toBe(count);
    expect(d.overdue).toHaveLength(Math.min(count, 200));
    const dates = d.overdue.map((o) => o.dueOn.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const first = d.overdue[0]!;
    expect(first.daysOverdue).toBe(Math.round((SEEDED_TODAY.getTime() - first.dueOn.getTime()) / 86_400_000));
    expect(first.unitName).toBeTruthy();
    expect(d.overdue.some((o) => o.responsibleRole !== null)).toBe(true);
    expect(d.coverage.reduce((n, r) => n + r.totals.overdue, 0)).toBe(d.overdue.filter((o) => o.unitId !== null).length);
  });

  it("names the active units without an enhetschef as the organisation's query does, and none when one has every unit", async () => {
    const organisationId = (await t.db.organisation.findFirstOrThrow()).id;
    const names = async () => (await getDashboard(chef, {}, t.db, SEEDED_TODAY))!.unitsWithoutChief.map((u) => u.name).sort();
    const expected = (await getActiveUnitsWithoutChief(organisationId, t.db)).map((u) => u.name).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await names()).toEqual(expected);
    const wide = await t.db.roleAssignment.create({ data: { userId: chef.id, role: "ENHETSCHEF", organisationId, unitId: null } });
    expect(await names()).toEqual([]);
    await t.db.roleAssignment.delete({ where: { id: wide.id } });
    expect(await names()).toEqual(expected);
  });

  it("lists activities without month or role and units without tasks as planning gaps", async () => {
    expect((await getDashboard(chef, {}, t.db, SEEDED_TODAY))!.gaps).toEqual([]);
    const active = { routineVersion: { status: "ACTIVE" as const, routine: { key: "brukarundersokning-hemtjanst" } } };
    const [a, b] = await t.db.activityTemplate.findMany({ where: active, orderBy: { position: "asc" }, take: 2 });
    await t.db.activityTemplate.update({ where: { id: a!.id }, data: { startMonth: null, endMonth: null } });
    await t.db.activityTemplate.update({ where: { id: b!.id }, data: { responsibleRole: null } });
    const area = await t.db.area.findFirstOrThrow({ where: { name: "Område Norr" } });
    const fresh = await t.db.unit.create({ data: { areaId: area.id, name: "Nya enheten" } });
    const d = (await getDashboard(chef, {}, t.db, SEEDED_TODAY))!;
    expect(d.gaps.map((g) => [g.title, g.missingMonth, g.missingRole])).toEqual([
      [a!.title, true, false],
      [b!.title, false, true],
    ]);
    expect(d.unitsWithoutTasks.map((u) => u.name)).toEqual(["Nya enheten"]);
    expect(d.coverage.find((r) => r.unit.id === fresh.id)!.totals.due).toBe(0);
    await t.db.activityTemplate.update({ where: { id: a!.id }, data: { startMonth: a!.startMonth, endMonth: a!.endMonth } });
    await t.db.activityTemplate.update({ where: { id: b!.id }, data: { responsibleRole: b!.responsibleRole } });
  });

  it("compares this year's completion with an earlier year's at the same date, by the day the tasks were done", async () => {
    const d = (await getDashboard(chef, { compareYear: 2025 }, t.db, SEEDED_TODAY))!;
    expect(d.progress!.date).toEqual(SEEDED_TODAY);
    expect(d.compareProgress!.date).toEqual(utcDate(2025, 11, 23));
    // Not-applicable tasks are not counted at all; "done by" a date is the day the work was done (Task.doneOn).
    const counted = { status: { not: "NOT_APPLICABLE" as const } };
    for (const [p, y] of [[d.progress!, 2026], [d.compareProgress!, 2025]] as const) {
      expect(p.year).toBe(y);
      const f = p.figures;
      expect(f.total).toBe(await t.db.task.count({ where: { cycle: { year: y }, ...counted } }));
      expect(f.total).toBeLessThan(await t.db.task.count({ where: { cycle: { year: y } } }));
      expect(f.done).toBe(await t.db.task.count({ where: { cycle: { year: y }, status: "DONE", doneOn: { lte: utcDate(y, 11, 23) } } }));
      expect(f.due).toBe(await t.db.task.count({ where: { cycle: { year: y }, dueOn: { lte: utcDate(y, 11, 23) }, ...counted } }));
    }
    // Recorded on the 23rd but done on the 24th does not count; done on the 23rd (recorded later) does.
    const open = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, status: "NOT_STARTED" } });
    await t.db.task.update({ where: { id: open.id }, data: { status: "DONE", completedAt: new Date(Date.UTC(2026, 10, 23, 10)), doneOn: utcDate(2026, 11, 24) } });
    expect((await getDashboard(chef, { compareYear: 2025 }, t.db, SEEDED_TODAY))!.progress!.figures.done).toBe(d.progress!.figures.done);
    await t.db.task.update({ where: { id: open.id }, data: { completedAt: new Date(Date.UTC(2026, 11, 1, 10)), doneOn: utcDate(2026, 11, 23) } });
    expect((await getDashboard(chef, { compareYear: 2025 }, t.db, SEEDED_TODAY))!.progress!.figures.done).toBe(d.progress!.figures.done + 1);
    await t.db.task.update({ where: { id: open.id }, data: { status: "NOT_STARTED", completedAt: null, doneOn: null } });
    // Last year at this date: a task done in December 2025 does not count yet.
    const late = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2025 }, status: "DONE", doneOn: { lte: utcDate(2025, 11, 23) } } });
    await t.db.task.update({ where: { id: late.id }, data: { doneOn: utcDate(2025, 12, 5) } });
    const after = (await getDashboard(chef, { compareYear: 2025 }, t.db, SEEDED_TODAY))!;
    expect(after.compareProgress!.figures.done).toBe(d.compareProgress!.figures.done - 1);
    await t.db.task.update({ where: { id: late.id }, data: { doneOn: late.doneOn } });
    // No comparison when none is asked for (?jamfor=ingen).
    expect((await getDashboard(chef, dashboardParamsSchema.parse({ jamfor: "ingen" }), t.db, SEEDED_TODAY))!.compareProgress).toBeNull();
    expect((await getDashboard(chef, dashboardParamsSchema.parse({}), t.db, SEEDED_TODAY))!.compareYear).toBe(2025);
    // A cycle that has not begun yet is measured today, not at the same date of its own year.
    const nextCycle = await t.db.cycle.create({ data: { organisationId: (await t.db.organisation.findFirstOrThrow()).id, year: 2027 } });
    await ensureCycleTasks(t.db, nextCycle.id);
    const next = (await getDashboard(chef, { year: 2027 }, t.db, SEEDED_TODAY))!;
    expect(next.progress!.date).toEqual(SEEDED_TODAY);
    expect(next.progress!.figures.due).toBe(0);
    await t.db.task.deleteMany({ where: { cycleId: nextCycle.id } });
    await t.db.cycle.delete({ where: { id: nextCycle.id } });
    // An earlier year chosen as the year compares with the one before it, measured at the same date.
    const past = (await getDashboard(chef, { year: 2025 }, t.db, SEEDED_TODAY))!;
    expect(past.year).toBe(2025);
    expect(past.compareProgress).toBeNull();
    expect(past.progress!.date).toEqual(utcDate(2025, 11, 23));
  });

  it("uses the same number of queries whatever the number of units", async () => {
    const first = counting(t.db);
    await getDashboard(chef, {}, first.client, SEEDED_TODAY);
    const area = await t.db.area.findFirstOrThrow({ where: { name: "Område Söder" } });
    await t.db.unit.createMany({ data: Array.from({ length: 8 }, (_, i) => ({ areaId: area.id, name: `Mätenhet ${i + 1}` })) });
    const cycle = await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } });
    await ensureCycleTasks(t.db, cycle.id);
    const second = counting(t.db);
    const d = (await getDashboard(chef, {}, second.client, SEEDED_TODAY))!;
    expect(d.coverage.length).toBeGreaterThanOrEqual(22);
    expect(second.counter.n).toBe(first.counter.n);
    // Ten, and one for the verksamhet's cycle calendar (its routines' start months).
    expect(first.counter.n).toBeLessThanOrEqual(11);
  });

  it.runIf(kind === "postgres")("sends a bounded number of SQL statements to PostgreSQL", async () => {
    let statements = 0;
    const pool = new pg.Pool({ connectionString: (t.target as { url: string }).url });
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => ((statements += 1), query(...args));
    const db = new PrismaClient({ adapter: new PrismaPg(pool) });
    try {
      await getDashboard(chef, {}, db, SEEDED_TODAY);
      const before = statements;
      expect(before).toBeGreaterThan(0);
      // 17 today: the cycle, units, heat map, units without tasks, overdue, gaps, progress, the planning check …
      expect(before).toBeLessThanOrEqual(18);
      const area = await t.db.area.findFirstOrThrow({ where: { name: "Område Öster" } });
      await t.db.unit.createMany({ data: Array.from({ length: 5 }, (_, i) => ({ areaId: area.id, name: `SQL-enhet ${i + 1}` })) });
      await ensureCycleTasks(t.db, (await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } })).id);
      statements = 0;
      await getDashboard(chef, {}, db, SEEDED_TODAY);
      expect(statements).toBe(before);
    } finally {
      await db.$disconnect();
      await pool.end().catch(() => undefined);
    }
  });

  it("shows one row per area above the unit limit, and an area's units when it is chosen", async () => {
    const area = await t.db.area.findFirstOrThrow({ where: { name: "Område Väster" } });
    const units = await t.db.unit.count({ where: { active: true, area: { organisationId: area.organisationId } } });
    await t.db.unit.createMany({ data: Array.from({ length: HEAT_MAP_UNIT_LIMIT + 1 - units }, (_, i) => ({ areaId: area.id, name: `Gränsenhet ${i + 1}` })) });
    await ensureCycleTasks(t.db, (await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } })).id);
    // One brukarfika of the area planned 40 days after its window, for the planning check's sums.
    const cafe = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, unit: { areaId: area.id }, dueOn: { not: null }, activity: { kind: "USER_CAFE" } } });
    await t.db.task.update({ where: { id: cafe.id }, data: { plannedOn: new Date(cafe.dueOn!.getTime() + 40 * 86_400_000) } });
    const all = (await getDashboard(chef, {}, t.db, SEEDED_TODAY, { allUnits: true }))!;
    expect(all.coverageBy).toBe("unit");
    expect(all.coverage).toHaveLength(HEAT_MAP_UNIT_LIMIT + 1);

    const first = counting(t.db);
    const grouped = (await getDashboard(chef, {}, first.client, SEEDED_TODAY))!;
    expect(grouped.coverageBy).toBe("area");
    expect(grouped.coverage.map((r) => r.unit.name)).toEqual(grouped.areas.map((a) => a.name));
    // An area's row is the sum of its units' rows, month by month.
    const west = grouped.coverage.find((r) => r.unit.id === area.id)!;
    const westUnits = all.coverage.filter((r) => r.unit.areaName === area.name);
    for (const [i, cell] of west.cells.entries()) {
      for (const key of ["due", "done", "notApplicable", "dueSoFar", "doneSoFar", "overdue"] as const) {
        expect(cell[key]).toBe(westUnits.reduce((n, r) => n + r.cells[i]![key], 0));
      }
    }
    expect(west.totals.due).toBe(westUnits.reduce((n, r) => n + r.totals.due, 0));
    // The planning check follows the heat map: one row per area, the sum of its units' checks.
    expect(grouped.planning).toEqual([]);
    expect(grouped.planningByArea.map((p) => p.area.name)).toEqual(grouped.areas.map((a) => a.name));
    const westPlans = all.planning.filter((p) => p.unit.areaName === area.name);
    expect(grouped.planningByArea.find((p) => p.area.id === area.id)).toMatchObject({
      dayBound: westPlans.reduce((n, p) => n + p.dayBound, 0),
      planned: westPlans.reduce((n, p) => n + p.planned, 0),
      unplanned: westPlans.reduce((n, p) => n + p.unplanned.length, 0),
      outsideWindow: westPlans.reduce((n, p) => n + p.outsideWindow.length, 0),
    });
    expect(grouped.planningByArea.find((p) => p.area.id === area.id)!.outsideWindow).toBeGreaterThan(0);
    expect(grouped.planningByArea.reduce((n, p) => n + p.dayBound, 0)).toBeGreaterThan(0);
    expect(all.planningByArea).toEqual([]);

    const second = counting(t.db);
    const chosen = (await getDashboard(chef, dashboardParamsSchema.parse({ omrade: area.id }), second.client, SEEDED_TODAY))!;
    expect(chosen.area?.name).toBe(area.name);
    expect(chosen.coverageBy).toBe("unit");
    expect(chosen.coverage.map((r) => r.unit.id)).toEqual(westUnits.map((r) => r.unit.id));
    expect(chosen.coverage).toEqual(westUnits);
    expect(second.counter.n).toBe(first.counter.n);
    // An unknown area is the whole verksamhet.
    expect((await getDashboard(chef, dashboardParamsSchema.parse({ omrade: "finnsinte" }), t.db, SEEDED_TODAY))!.coverageBy).toBe("area");
  });
});
