import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { getManagedCycle } from "@/lib/cycles/queries";
import { getDashboard } from "@/lib/dashboard/queries";
import { utcDate } from "@/lib/dates/cycle";
import { closeUnit, createArea, createUnit, removeArea, renameArea, reopenUnit, updateUnit } from "@/lib/organisation/mutations";
import { getActiveUnitsWithoutChief } from "@/lib/organisation/queries";
import { planReminders } from "@/lib/reminders/job";
import { getWheelData } from "@/lib/wheel/data";
import { actorFor } from "./helpers/actors";
import { createTestDatabase, type TestDatabase } from "./helpers/databases";
import { fingerprint } from "./helpers/fingerprint";
import { SEEDED_TODAY } from "../support/today";

const today = SEEDED_TODAY; // 23 November 2026
const firstOfMonth = utcDate(2026, 11, 1);

describe("the organisation on pglite (issue 29)", () => {
  let t: TestDatabase;
  let admin: SessionUser;
  let developer: SessionUser;
  let chief: SessionUser;
  let organisationId: string;
  const areaId = (name: string) => t.db.area.findFirstOrThrow({ where: { name } }).then((a) => a.id);
  const unitOf = (name: string) => t.db.unit.findFirstOrThrow({ where: { name } });

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    admin = await actorFor(t.db, "admin@arshjulet.example");
    developer = await actorFor(t.db, "utvecklare@arshjulet.example");
    chief = await actorFor(t.db, "enhetschef@arshjulet.example");
    organisationId = admin.assignments[0]!.organisationId;
  }, 120_000);
  afterAll(() => t?.close());

  it("a unit created during a cycle gets that cycle's unit tasks from the current month on, and no earlier ones", async () => {
    const result = await createUnit(admin, { areaId: await areaId("Område Norr"), name: "Nyponet", koladaOuId: "" }, t.db, today);
    expect(result).toMatchObject({ ok: true });
    const unit = await unitOf("Nyponet");
    const cycle = await t.db.cycle.findFirstOrThrow({ where: { organisationId, year: 2026 } });
    const tasks = await t.db.task.findMany({ where: { unitId: unit.id, cycleId: cycle.id } });
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((task) => task.dueOn === null || task.dueOn >= firstOfMonth)).toBe(true);
    // The same routine tasks as an existing unit has from this month on (its own local activities aside).
    const lärkan = await unitOf("Lärkan");
    const expected = await t.db.task.count({
      where: { unitId: lärkan.id, cycleId: cycle.id, activity: { ownerUnitId: null }, OR: [{ dueOn: null }, { dueOn: { gte: firstOfMonth } }] },
    });
    expect(tasks).toHaveLength(expected);
    expect(await t.db.auditEntry.count({ where: { action: "unit.create", entityId: unit.id } })).toBe(1);
  });

  it("closing a unit makes its open tasks ej aktuell with the reason, keeps its done ones, and every count leaves it out", async () => {
    const unit = await unitOf("Ekdungen");
    const before = await t.db.task.findMany({ where: { unitId: unit.id }, select: { id: true, status: true, cycle: { select: { year: true } } } });
    const result = await closeUnit(admin, { unitId: unit.id, closedOn: "2026-11-20" }, t.db, today);
    expect(result).toMatchObject({ ok: true });
    const after = new Map((await t.db.task.findMany({ where: { unitId: unit.id } })).map((task) => [task.id, task]));
    for (const task of before) {
      const now = after.get(task.id)!;
      const open = task.status === "NOT_STARTED" || task.status === "IN_PROGRESS";
      if (open && task.cycle.year >= 2026) expect(now).toMatchObject({ status: "NOT_APPLICABLE", notApplicableReason: "Enheten stängd 20 november 2026" });
      else expect(now.status).toBe(task.status);
    }
    expect(await t.db.taskEvent.count({ where: { task: { unitId: unit.id }, reason: "Enheten stängd 20 november 2026" } })).toBeGreaterThan(0);
    expect(await unitOf("Ekdungen")).toMatchObject({ active: false, closedOn: utcDate(2026, 11, 20) });

    // The cycle page, the overview and the wheel count the same active units: 14 seeded + Nyponet − Ekdungen.
    const cycle = (await getManagedCycle(developer, 2026, t.db))!;
    const dashboard = (await getDashboard(developer, {}, t.db, today, { allUnits: true }))!;
    const wheel = (await getWheelData(developer, {}, t.db, today))!;
    expect(cycle.activeUnits).toBe(14);
    expect(cycle.unitsWithTasks).toBe(14);
    expect(cycle.closedUnitsWithTasks).toBe(1);
    expect(dashboard.areas.reduce((n, a) => n + a.units, 0)).toBe(14);
    expect(wheel.units).toHaveLength(14);
    expect(wheel.units.some((u) => u.name === "Ekdungen")).toBe(false);
  });

  it("the reminder job skips a closed unit, even a task of it left open", async () => {
    const unit = await unitOf("Ekdungen");
    // As after a unit closed in SQL: one of its tasks still open, due today.
    const task = await t.db.task.findFirstOrThrow({ where: { unitId: unit.id, cycle: { year: 2026 }, activity: { responsibleRole: "ENHETSCHEF" } } });
    await t.db.task.update({ where: { id: task.id }, data: { status: "NOT_STARTED", notApplicableReason: null, dueOn: today, plannedOn: null } });
    // Ekdungen's enhetschef, who would get the reminder if the unit counted.
    await t.db.roleAssignment.create({ data: { userId: chief.id, role: "ENHETSCHEF", organisationId, unitId: unit.id } });
    const planned = await planReminders(today, "https://arshjulet.test", t.db);
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.some((p) => p.taskId === task.id)).toBe(false);
    // The same task of an open unit is reminded of: the filter, not the task, kept it out.
    await t.db.unit.update({ where: { id: unit.id }, data: { active: true } });
    expect((await planReminders(today, "https://arshjulet.test", t.db)).some((p) => p.taskId === task.id)).toBe(true);
    await t.db.unit.update({ where: { id: unit.id }, data: { active: false } });
  });

  it("reopening gives back the tasks the closing made ej aktuell", async () => {
    const unit = await unitOf("Ekdungen");
    const retired = await t.db.task.count({ where: { unitId: unit.id, notApplicableReason: "Enheten stängd 20 november 2026" } });
    expect(await reopenUnit(admin, { unitId: unit.id }, t.db, today)).toMatchObject({ ok: true });
    expect(await t.db.task.count({ where: { unitId: unit.id, notApplicableReason: "Enheten stängd 20 november 2026" } })).toBe(0);
    expect(await t.db.taskEvent.count({ where: { task: { unitId: unit.id }, reason: "Enheten öppnad igen" } })).toBe(retired);
    expect(await unitOf("Ekdungen")).toMatchObject({ active: true, closedOn: null });
  });

  it("areas and units are renamed and moved; the overview names active units without enhetschef", async () => {
    expect(await createArea(admin, { name: "Område Mitt" }, t.db)).toMatchObject({ ok: true });
    expect(await renameArea(admin, { areaId: await areaId("Område Mitt"), name: "Område Centrum" }, t.db)).toMatchObject({ ok: true });
    const nyponet = await unitOf("Nyponet");
    expect(await updateUnit(admin, { unitId: nyponet.id, areaId: await areaId("Område Centrum"), name: "Nyponet", koladaOuId: "v45e9999" }, t.db)).toMatchObject({ ok: true });
    expect(await unitOf("Nyponet")).toMatchObject({ areaId: await areaId("Område Centrum"), koladaOuId: "V45E9999" });
    const without = (await getActiveUnitsWithoutChief(organisationId, t.db)).map((u) => u.name);
    expect(without).toContain("Nyponet");
    expect(without).not.toContain("Lärkan");
  });

  it("refuses bad input in Swedish and changes nothing", async () => {
    const norr = await areaId("Område Norr");
    const lärkan = await unitOf("Lärkan");
    const before = await fingerprint(t.db);
    const refusals = [
      await createUnit(admin, { areaId: norr, name: "Tallbacken", koladaOuId: "" }, t.db, today),
      await createUnit(admin, { areaId: norr, name: "tallbacken", koladaOuId: "" }, t.db, today),
      await createUnit(admin, { areaId: norr, name: "  ", koladaOuId: "" }, t.db, today),
      await createUnit(admin, { areaId: "finns-inte", name: "Ny", koladaOuId: "" }, t.db, today),
      await createUnit(admin, { areaId: norr, name: "Ny", koladaOuId: "0000" }, t.db, today),
      await createArea(admin, { name: "Område Söder" }, t.db),
      await removeArea(admin, { areaId: norr }, t.db),
      await updateUnit(admin, { unitId: lärkan.id, areaId: norr, name: "Tallbacken", koladaOuId: "" }, t.db),
      await closeUnit(admin, { unitId: lärkan.id, closedOn: "2026-12-24" }, t.db, today),
      await closeUnit(admin, { unitId: lärkan.id, closedOn: "2026-02-30" }, t.db, today),
      await reopenUnit(admin, { unitId: lärkan.id }, t.db, today),
      await createArea(developer, { name: "Område Utvecklaren" }, t.db),
      await closeUnit(chief, { unitId: lärkan.id, closedOn: "2026-11-20" }, t.db, today),
    ];
    for (const r of refusals) {
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(/[åäöÅÄÖ]|finns|Ange|redan|kan inte|får inte/);
    }
    expect(refusals[6]!.message).toBe("Område Norr har 3 enheter och kan inte tas bort. Flytta enheterna till ett annat område först.");
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it("removes an empty area", async () => {
    expect(await createArea(admin, { name: "Område Tomt" }, t.db)).toMatchObject({ ok: true });
    expect(await removeArea(admin, { areaId: await areaId("Område Tomt") }, t.db)).toMatchObject({ ok: true });
    expect(await t.db.area.count({ where: { name: "Område Tomt" } })).toBe(0);
    expect(await t.db.auditEntry.count({ where: { action: "area.remove" } })).toBe(1);
  });
});
