import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { addLocalActivity, getLocalActivityPhases } from "@/lib/tasks/local-activities";
import { MONTH_OUT_OF_RANGE } from "@/lib/tasks/schemas";
import { getChecklist } from "@/lib/tasks/queries";
import { checklistParamsSchema } from "@/lib/tasks/schemas";
import { ensureCycleTasks } from "@/lib/cycles/instantiate";
import { createDraft } from "@/lib/routines/mutations";
import { getManagedVersion } from "@/lib/routines/versions";
import { getWheelData } from "@/lib/wheel/data";
import { utcDate } from "@/lib/dates/cycle";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ENHETSCHEF, SEED_KEY, UTVECKLARE, VERKSAMHETSCHEF } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";
import { DECEMBER_DAY, ensureCycle2027 } from "./helpers/next-cycle";

const KOORDINATOR = "koordinator@arshjulet.example";
const opts = { today: SEEDED_TODAY };

async function state(db: Db) {
  const [activities, tasks, events, audit] = await Promise.all([db.activityTemplate.count(), db.task.count(), db.taskEvent.count(), db.auditEntry.count()]);
  return { activities, tasks, events, audit };
}

describe.each(DATABASE_KINDS)("a unit's own activities on %s", (kind) => {
  let t: TestDatabase;
  let lärkan: string;
  let tallbacken: string;
  let phase: string;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    lärkan = (await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } })).id;
    tallbacken = (await t.db.unit.findFirstOrThrow({ where: { name: "Tallbacken" } })).id;
    const org = (await t.db.organisation.findFirstOrThrow()).id;
    phase = (await getLocalActivityPhases(org, t.db)).find((p) => p.label.endsWith(": Uppföljning"))!.value;
  });
  afterAll(() => t?.close());

  it("adds an extra brukarfika on a date to Lärkan's cycle, marked as Lärkan's own, planned and audited", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    // In December the brukarundersökning's 2027 cycle has begun: a day in December 2026 belongs to it.
    await ensureCycle2027(t.db);
    const result = await addLocalActivity(chef, { unitId: lärkan, title: "Extra brukarfika", phase, date: "2026-12-10", responsibleRole: "ENHETSCHEF" }, t.db, { today: DECEMBER_DAY });
    expect(result).toMatchObject({ ok: true, message: "”Extra brukarfika” är tillagd som Lärkans egen aktivitet, 10 december 2026." });
    const taskId = (result as { taskId: string }).taskId;
    const task = await t.db.task.findUniqueOrThrow({ where: { id: taskId }, include: { activity: true, events: true, cycle: true } });
    expect(task).toMatchObject({ unitId: lärkan, assigneeKey: lärkan, plannedOn: utcDate(2026, 12, 10), startsOn: utcDate(2026, 12, 1), dueOn: utcDate(2026, 12, 31), status: "NOT_STARTED" });
    expect(task.cycle.year).toBe(2027);
    expect(task.activity).toMatchObject({ ownerUnitId: lärkan, title: "Extra brukarfika", responsibleRole: "ENHETSCHEF", startMonth: 12, endMonth: 12, scope: "UNIT" });
    expect(task.events.map((e) => e.type)).toEqual(["CREATED"]);
    expect(await t.db.auditEntry.count({ where: { action: "local-activity.create", entityId: taskId, unitId: lärkan } })).toBe(1);

    // In Lärkan's checklist like a routine task, marked as its own; never in Tallbacken's.
    const params = (enhet: string) => checklistParamsSchema.parse({ enhet, visa: "enhet" });
    const list = await getChecklist(chef, params(lärkan), t.db, DECEMBER_DAY);
    expect(list.year).toBe(2027);
    const shown = list.phases.flatMap((p) => p.tasks).find((x) => x.id === taskId);
    expect(shown).toMatchObject({ canUpdate: true, activity: { ownerUnitId: lärkan } });
    const other = await getChecklist(chef, params(tallbacken), t.db, DECEMBER_DAY);
    expect(other.phases.flatMap((p) => p.tasks).some((x) => x.activity.title === "Extra brukarfika")).toBe(false);
  });

  it("adds one by month, and never changes the routine: not in its version, a new draft, a replanned cycle or another unit's wheel", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const before = await t.db.task.count();
    const result = await addLocalActivity(chef, { unitId: tallbacken, title: "Enhetsmöte om resultatet", phase, month: "11", responsibleRole: "KOORDINATOR" }, t.db, opts);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("Tallbackens egen aktivitet, november 2026") });
    expect(await t.db.task.count()).toBe(before + 1);

    const utvecklare = await actorFor(t.db, UTVECKLARE);
    const active = await t.db.routineVersion.findFirstOrThrow({ where: { status: "ACTIVE", routine: { key: SEED_KEY } } });
    const version = await getManagedVersion(utvecklare, SEED_KEY, active.version, t.db);
    expect(version!.activities.some((a) => a.ownerUnitId !== null)).toBe(false);
    // Planning the cycle again creates no task of a unit's own activity for the other units.
    const cycle = await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } });
    expect(await ensureCycleTasks(t.db, cycle.id)).toBe(0);
    // A new draft copies the routine's activities, not the units' own.
    const draft = await createDraft(utvecklare, { routineId: active.routineId }, t.db);
    const draftActivities = await t.db.activityTemplate.findMany({ where: { routineVersion: { routineId: active.routineId, status: "DRAFT" } } });
    expect(draft).toMatchObject({ ok: true });
    expect(draftActivities.length).toBeGreaterThan(0);
    expect(draftActivities.every((a) => a.ownerUnitId === null)).toBe(true);
    // The wheel shows it only when its unit is chosen.
    const chefV = await actorFor(t.db, VERKSAMHETSCHEF);
    const titles = async (unitId?: string) =>
      (await getWheelData(chefV, { year: 2026, unitId }, t.db, SEEDED_TODAY))!.routines.flatMap((r) => r.phases.flatMap((p) => p.activities.map((a) => a.title)));
    expect(await titles(tallbacken)).toContain("Enhetsmöte om resultatet");
    expect(await titles(lärkan)).not.toContain("Enhetsmöte om resultatet");
    expect(await titles()).not.toContain("Enhetsmöte om resultatet");
    // With Lärkan chosen, the wheel carries Lärkan's task and its plan for the activity panel.
    const wheel = (await getWheelData(chefV, { year: 2027, unitId: lärkan }, t.db, DECEMBER_DAY))!;
    const extra = wheel.routines.flatMap((r) => r.phases.flatMap((p) => p.activities)).find((a) => a.title === "Extra brukarfika")!;
    expect(extra.unitTask).toMatchObject({ plannedOn: utcDate(2026, 12, 10), plannedTime: null });
    // The wheel knows it as Lärkan's own, so its panel can say so (issue 32).
    expect(extra.local).toBe(true);
  });

  it("offers a unit's own activity only the phases of routines that reach the units, never the review's", async () => {
    const org = (await t.db.organisation.findFirstOrThrow()).id;
    const labels = (await getLocalActivityPhases(org, t.db)).map((p) => p.label);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => l.startsWith("Brukarundersökning"))).toBe(true);
    expect(labels.some((l) => l.includes("Urval") || l.includes("Intervjuer"))).toBe(false);
  });

  it("refuses another unit, a missing title, a month outside 1–12, a date that does not exist or lies in another year, and changes nothing", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const koordinator = await actorFor(t.db, KOORDINATOR);
    const hagen = (await t.db.unit.findFirstOrThrow({ where: { name: "Hagen" } })).id;
    const base = { unitId: lärkan, title: "Besök", phase, month: "5", responsibleRole: "ENHETSCHEF" };
    const before = await state(t.db);
    const cases: [typeof chef, Record<string, string>, string][] = [
      [chef, { ...base, unitId: hagen }, "Enheten finns inte eller är inte din att planera för."],
      [koordinator, base, "Du kan bara lägga till aktiviteter som din roll ansvarar för. Välj din egen roll som ansvarig."],
      [chef, { ...base, title: "  " }, "Skriv en rubrik."],
      [chef, { ...base, month: "13" }, MONTH_OUT_OF_RANGE],
      [chef, { ...base, month: "0" }, MONTH_OUT_OF_RANGE],
      [chef, { ...base, month: "" }, "Ange ett datum eller en månad."],
      [chef, { ...base, date: "2026-02-30" }, "Datumet finns inte i kalendern."],
      [chef, { ...base, date: "2027-01-15" }, "Datumet ska ligga i cykelåret 2026."],
      // December 2026 opens the 2027 cycle of the brukarundersökning, which has not begun on 23 November.
      [chef, { ...base, date: "2026-12-10" }, "Datumet ska ligga i cykelåret 2026."],
      [chef, { ...base, phase: "okänd/fas" }, "Fasen finns inte i någon gällande rutin. Välj en fas i listan."],
      [chef, { ...base, responsibleRole: "VERKSAMHETSCHEF" }, "Välj enhetschef eller koordinator som ansvarig."],
      [chef, { ...base, kind: "LETTER" }, "Välj ett slag i listan."],
    ];
    for (const [actor, input, message] of cases) {
      expect(await addLocalActivity(actor, input, t.db, opts), JSON.stringify(input)).toMatchObject({ ok: false, message });
    }
    expect(await state(t.db)).toEqual(before);
    // The koordinator may add one for their own role.
    expect(await addLocalActivity(koordinator, { ...base, responsibleRole: "KOORDINATOR" }, t.db, opts)).toMatchObject({ ok: true });
  });
});
