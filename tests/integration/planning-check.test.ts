import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/dashboard/queries";
import { dashboardParamsSchema } from "@/lib/dashboard/schemas";
import { planTask } from "@/lib/tasks/plan-mutations";
import { addLocalActivity, getLocalActivityPhases } from "@/lib/tasks/local-activities";
import { getChecklist } from "@/lib/tasks/queries";
import { checklistParamsSchema } from "@/lib/tasks/schemas";
import { PLANNING_STEP_KEY } from "@/lib/tasks/plan-queries";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ENHETSCHEF, VERKSAMHETSCHEF } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";

const opts = { today: SEEDED_TODAY };

describe.each(DATABASE_KINDS)("the planning check on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  const lärkanCheck = async () => {
    const chef = await actorFor(t.db, VERKSAMHETSCHEF);
    const data = (await getDashboard(chef, dashboardParamsSchema.parse({ ar: "2026" }), t.db, SEEDED_TODAY))!;
    return data.planning.find((u) => u.unit.name === "Lärkan")!;
  };

  it("shows per unit the unplanned day-bound steps and the plans outside their window, and moves when a step is planned", async () => {
    const before = await lärkanCheck();
    expect(before.dayBound).toBeGreaterThan(0);
    const open = before.unplanned[0]!;
    const task = await t.db.task.findUniqueOrThrow({ where: { id: open.id }, include: { activity: true } });
    expect(["MEETING", "APT", "WORKSHOP", "USER_CAFE", "LETTER"]).toContain(task.activity.kind);
    expect(task.status).not.toBe("DONE");

    const chef = await actorFor(t.db, ENHETSCHEF);
    const outside = new Date(task.dueOn!.getTime() + 86_400_000 * 3).toISOString().slice(0, 10);
    expect(await planTask(chef, { taskId: task.id, version: task.version, plannedOn: outside }, t.db, opts)).toMatchObject({ ok: true, warning: expect.any(String) });
    const after = await lärkanCheck();
    expect(after.planned).toBe(before.planned + 1);
    expect(after.unplanned.map((x) => x.id)).not.toContain(task.id);
    expect(after.outsideWindow.map((x) => x.id)).toEqual([...before.outsideWindow.map((x) => x.id), task.id]);
    expect(after.plannedShare).toBeCloseTo(after.planned / after.dayBound);
  });

  it("shows the figure and what is missing on the routine's step 'Säkerställ att varje steg i rutinen är inplanerat i årshjulet'", async () => {
    const chef = await actorFor(t.db, VERKSAMHETSCHEF);
    const list = await getChecklist(chef, checklistParamsSchema.parse({ enhet: "verksamhet", visa: "enhet" }), t.db, SEEDED_TODAY);
    const step = list.phases.flatMap((p) => p.tasks).find((x) => x.activity.key === PLANNING_STEP_KEY)!;
    const data = (await getDashboard(chef, dashboardParamsSchema.parse({ ar: "2026" }), t.db, SEEDED_TODAY))!;
    const dayBound = data.planning.reduce((n, u) => n + u.dayBound, 0);
    const planned = data.planning.reduce((n, u) => n + u.planned, 0);
    expect(step.planning).toMatchObject({ dayBound, planned });
    const lärkan = step.planning!.units.find((u) => u.name === "Lärkan")!;
    const fromDashboard = data.planning.find((u) => u.unit.name === "Lärkan")!;
    expect(lärkan).toMatchObject({ unplanned: fromDashboard.unplanned.length, outsideWindow: fromDashboard.outsideWindow.length });
  });

  it("counts a unit's own brukarfika as a day-bound step, planned when it has a date, and its own checklist item not at all", async () => {
    const before = await lärkanCheck();
    const enhetschef = await actorFor(t.db, ENHETSCHEF);
    const lärkan = (await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } })).id;
    const org = (await t.db.organisation.findFirstOrThrow()).id;
    const phase = (await getLocalActivityPhases(org, t.db))[0]!.value;
    expect(await addLocalActivity(enhetschef, { unitId: lärkan, title: "Besök", phase, month: "11", responsibleRole: "ENHETSCHEF" }, t.db, opts)).toMatchObject({ ok: true });
    expect(await lärkanCheck()).toMatchObject({ dayBound: before.dayBound, planned: before.planned });
    expect(await addLocalActivity(enhetschef, { unitId: lärkan, title: "Extra brukarfika", phase, month: "11", kind: "USER_CAFE", responsibleRole: "ENHETSCHEF" }, t.db, opts)).toMatchObject({ ok: true });
    const unplanned = await lärkanCheck();
    expect(unplanned).toMatchObject({ dayBound: before.dayBound + 1, planned: before.planned });
    expect(unplanned.unplanned.find((x) => x.title === "Extra brukarfika")).toMatchObject({ local: true });
    expect(await addLocalActivity(enhetschef, { unitId: lärkan, title: "Brukarfika i november", phase, date: "2026-11-27", kind: "USER_CAFE", responsibleRole: "ENHETSCHEF" }, t.db, opts)).toMatchObject({ ok: true });
    expect(await lärkanCheck()).toMatchObject({ dayBound: before.dayBound + 2, planned: before.planned + 1 });
  });
});
