import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planCycleAgain, startCycle, updateTimetable } from "@/lib/cycles/mutations";
import { getManagedCycle, getSurveyTimetable } from "@/lib/cycles/queries";
import { removeActivity, saveActivity } from "@/lib/routines/draft-mutations";
import { createDraft } from "@/lib/routines/mutations";
import { previewFollow, publishDraft } from "@/lib/routines/publish";
import { getManagedVersion } from "@/lib/routines/versions";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { activityForm, ENHETSCHEF, SEED_KEY, snapshot, UTVECKLARE, VERKSAMHETSCHEF } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";

const decision = { decidedBy: "Verksamhetschef hemtjänst", decidedOn: "2026-11-20", documentOwner: "Verksamhetsutvecklare hemtjänst", validity: "tills-vidare" };

describe.each(DATABASE_KINDS)("cycles on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  const cycleOf = (year: number) => t.db.cycle.findFirstOrThrow({ where: { year } });
  const unitActivityCount = async () => t.db.activityTemplate.count({ where: { scope: "UNIT", routineVersion: { status: "ACTIVE" } } });

  it("refuses cycle mutations to an enhetschef and a verksamhetschef and changes nothing", async () => {
    const cycle = await cycleOf(2026);
    for (const email of [ENHETSCHEF, VERKSAMHETSCHEF]) {
      const actor = await actorFor(t.db, email);
      const before = await snapshot(t.db);
      expect(await startCycle(actor, { year: 2027 }, t.db)).toMatchObject({ ok: false, message: "Du har inte behörighet att hantera årets cykler." });
      expect(await planCycleAgain(actor, { cycleId: cycle.id }, t.db)).toMatchObject({ ok: false });
      expect(await updateTimetable(actor, { cycleId: cycle.id, surveyDispatchOn: "2026-03-09" }, t.db)).toMatchObject({ ok: false });
      expect(await snapshot(t.db)).toEqual(before);
    }
  });

  it("starts 2027 with a task per active unit and activity; starting it again writes nothing", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const units = await t.db.unit.count({ where: { active: true } });
    const activities = await t.db.activityTemplate.findMany({ where: { routineVersion: { status: "ACTIVE" } } });
    const expected = activities.reduce((n, a) => n + (a.scope === "UNIT" ? units : 1), 0);
    const started = await startCycle(actor, { year: "2027" }, t.db);
    expect(started).toMatchObject({ ok: true, year: 2027, created: expected, message: `Cykeln 2027 är startad med ${expected} uppgifter.` });
    const cycle = await cycleOf(2027);
    expect(await t.db.task.count({ where: { cycleId: cycle.id } })).toBe(expected);
    expect(cycle.surveyDispatchOn).toBeNull();

    const before = await snapshot(t.db);
    expect(await startCycle(actor, { year: 2027 }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/^Cykeln för 2027 finns redan\./) });
    expect(await startCycle(actor, { year: "tjugo" }, t.db)).toMatchObject({ ok: false, errors: { year: ["Ange året med fyra siffror."] } });
    expect(await startCycle(actor, { year: 1999 }, t.db)).toMatchObject({ ok: false, errors: { year: ["Ange ett år mellan 2020 och 2100."] } });
    expect(await snapshot(t.db)).toEqual(before);

  });

  it("gives a unit added during the year its tasks on 'Planera igen', and only once", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const area = await t.db.area.findFirstOrThrow({ where: { name: "Område Norr" } });
    const unit = await t.db.unit.create({ data: { areaId: area.id, name: "Nyponet" } });
    const cycle = await cycleOf(2026);
    const result = await planCycleAgain(actor, { cycleId: cycle.id }, t.db);
    expect(result).toMatchObject({ ok: true, created: await unitActivityCount() });
    expect(await t.db.task.count({ where: { cycleId: cycle.id, unitId: unit.id } })).toBe(await unitActivityCount());
    expect(await planCycleAgain(actor, { cycleId: cycle.id }, t.db)).toMatchObject({ ok: true, created: 0, message: "Cykeln 2026 hade redan alla uppgifter; inget nytt skapades." });
    expect(await planCycleAgain(actor, { cycleId: "finns-inte" }, t.db)).toMatchObject({ ok: false });
  });

  it("validates and saves Socialstyrelsen's timetable", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const cycle = await cycleOf(2027);
    const before = await snapshot(t.db);
    const disorder = await updateTimetable(actor, { cycleId: cycle.id, surveyDispatchOn: "2027-03-15", surveyReminderOn: "2027-03-01", surveyLastAnswerOn: "", resultsPublishedOn: "2030-10-01" }, t.db);
    expect(disorder).toMatchObject({
      ok: false,
      errors: { surveyReminderOn: ["Påminnelsen måste komma efter utskicket."], resultsPublishedOn: ["Datumet ska ligga under 2027 eller året före eller efter."] },
    });
    expect(await updateTimetable(actor, { cycleId: cycle.id, surveyDispatchOn: "15/3" }, t.db)).toMatchObject({ ok: false, errors: { surveyDispatchOn: ["Datumet ska skrivas ÅÅÅÅ-MM-DD."] } });
    expect(await snapshot(t.db)).toEqual(before);

    const saved = await updateTimetable(actor, { cycleId: cycle.id, surveyDispatchOn: "2027-03-15", surveyReminderOn: "2027-04-12", surveyLastAnswerOn: "2027-05-26", resultsPublishedOn: "" }, t.db);
    expect(saved).toMatchObject({ ok: true, message: "Socialstyrelsens tidsplan för 2027 är sparad." });
    const detail = (await getManagedCycle(actor, 2027, t.db))!;
    const timetable = getSurveyTimetable(detail);
    expect(timetable.milestones.map((m) => m.month)).toEqual([3, 4, 5, null]);
    expect(timetable.complete).toBe(false);
    expect(detail.watchTask?.activity.title).toBe("Bevakning av Socialstyrelsens tidsplanering");
  });

  it("lets remaining tasks follow a new version mid-cycle and never touches completed ones", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const routine = await t.db.routine.findFirstOrThrow({ where: { key: SEED_KEY } });
    // The brukarundersökning starts in December: the 2027 cycle (started above) holds December 2026, still to do.
    const cycle = await cycleOf(2027);
    const draftRef = await createDraft(actor, { routineId: routine.id }, t.db);
    expect(draftRef).toMatchObject({ ok: true, version: 2 });
    const v1 = (await getManagedVersion(actor, SEED_KEY, 1, t.db))!;
    const v2 = (await getManagedVersion(actor, SEED_KEY, 2, t.db))!;
    const byKey = (version: typeof v1, key: string) => version.activities.find((a) => a.key === key)!;

    // The draft: a new activity, one removed (December, not started anywhere), one moved from December to November.
    expect(await saveActivity(actor, { versionId: v2.id, values: activityForm({ title: "Egenkontroll", key: "egenkontroll" }) }, t.db)).toMatchObject({ ok: true });
    expect(await removeActivity(actor, { versionId: v2.id, activityId: byKey(v2, "lg-genomgang-enhet").id }, t.db)).toMatchObject({ ok: true });
    const planning = byKey(v2, "planera-i-planeringsverktyget");
    expect(await saveActivity(actor, { versionId: v2.id, activityId: planning.id, values: activityForm({ title: planning.title, phase: "infor", startMonth: "11" }) }, t.db)).toMatchObject({ ok: true });

    // History: one removed-activity task has a comment event, one planning task is already done.
    const lgTasks = await t.db.task.findMany({ where: { cycleId: cycle.id, activityId: byKey(v1, "lg-genomgang-enhet").id }, include: { unit: true }, orderBy: { assigneeKey: "asc" } });
    expect(lgTasks.every((x) => x.status === "NOT_STARTED")).toBe(true);
    const commented = lgTasks[0]!;
    await t.db.taskEvent.create({ data: { taskId: commented.id, type: "COMMENTED", comment: "Inplanerad på LG 3/12." } });
    const planningTasks = await t.db.task.findMany({ where: { cycleId: cycle.id, activityId: byKey(v1, "planera-i-planeringsverktyget").id }, orderBy: { assigneeKey: "asc" } });
    const done = planningTasks[0]!;
    await t.db.task.update({ where: { id: done.id }, data: { status: "DONE", completedAt: new Date(), version: { increment: 1 } } });
    const finishedBefore = await t.db.task.findMany({ where: { cycleId: cycle.id, status: { in: ["DONE", "NOT_APPLICABLE"] } }, orderBy: { id: "asc" } });

    const units = await t.db.unit.count({ where: { active: true } });
    const [preview2026, preview2027] = await previewFollow(actor, v2.id, t.db, SEEDED_TODAY);
    expect(preview2026!.year).toBe(2026);
    expect(preview2026!.plan).toMatchObject({ remove: expect.any(Array), create: units });
    expect(preview2027!.year).toBe(2027);
    expect(preview2027!.plan.remove).toHaveLength(lgTasks.length - 1);
    expect(preview2027!.plan.keep).toEqual([expect.objectContaining({ taskId: commented.id, reason: "history" })]);

    // The new activity's tasks in 2026 are due in March, already passed: the preview lists them, and publishing
    // creates them only as seen there (issue 32).
    expect(preview2026!.lateCreated).toHaveLength(units);
    const blind = await publishDraft(actor, { versionId: v2.id, ...decision, followTasks: "ja" }, t.db, SEEDED_TODAY);
    expect(blind).toMatchObject({ ok: false });
    const seenLate = [preview2026!, preview2027!].flatMap((p) => p.lateCreated.map((l) => l.identity)).join(",");
    const result = await publishDraft(actor, { versionId: v2.id, ...decision, followTasks: "ja", seenLate }, t.db, SEEDED_TODAY);
    expect(result).toMatchObject({ ok: true, message: "Version 2 av Brukarundersökning hemtjänst är publicerad och gäller nu. Version 1 är arkiverad." });
    const followed = result.ok ? result.followed : [];
    expect(followed.map((f) => f.year)).toEqual([2026, 2027]);
    expect(followed[1]).toMatchObject({ removed: lgTasks.length - 1, kept: [{ taskId: commented.id, title: "Genomgång av rutinen i enhetens ledningsgrupp", unitName: commented.unit!.name, reason: "history" }] });

    const [nv1, nv2] = await Promise.all([t.db.routineVersion.findUniqueOrThrow({ where: { id: v1.id } }), t.db.routineVersion.findUniqueOrThrow({ where: { id: v2.id } })]);
    expect(nv1.status).toBe("ARCHIVED");
    expect(nv2).toMatchObject({ status: "ACTIVE", replacesVersionId: v1.id, decidedBy: "Verksamhetschef hemtjänst", validUntil: null, replacesText: "Version 1" });
    expect(nv2.decidedOn?.toISOString().slice(0, 10)).toBe("2026-11-20");

    // Completed tasks: exactly as before.
    const finishedAfter = await t.db.task.findMany({ where: { id: { in: finishedBefore.map((x) => x.id) } }, orderBy: { id: "asc" } });
    expect(finishedAfter).toEqual(finishedBefore);
    // Not-done planning tasks follow the new activity with November dates (the end of the December routine's 2027
    // cycle: November 2027) and an ACTIVITY_CHANGED event.
    const moved = await t.db.task.findMany({ where: { id: { in: planningTasks.slice(1).map((x) => x.id) } }, include: { events: true } });
    for (const task of moved) {
      expect(task.activityId).toBe(planning.id);
      expect(task.dueOn?.toISOString().slice(0, 10)).toBe("2027-11-30");
      expect(task.events.filter((e) => e.type === "ACTIVITY_CHANGED")).toHaveLength(1);
    }
    expect((await t.db.task.findUniqueOrThrow({ where: { id: done.id } })).activityId).toBe(byKey(v1, "planera-i-planeringsverktyget").id);
    // The removed activity: untouched tasks are gone, the one with history is kept.
    expect((await t.db.task.findMany({ where: { id: { in: lgTasks.map((x) => x.id) } } })).map((x) => x.id)).toEqual([commented.id]);
    // The new activity: one task per active unit in both open cycles; nothing twice.
    const egenkontroll = await t.db.activityTemplate.findFirstOrThrow({ where: { routineVersionId: v2.id, key: "egenkontroll" } });
    for (const year of [2026, 2027]) {
      const c = await cycleOf(year);
      expect(await t.db.task.count({ where: { cycleId: c.id, activityId: egenkontroll.id } })).toBe(units);
      const tasks = await t.db.task.findMany({ where: { cycleId: c.id }, include: { activity: { select: { key: true } } } });
      const identities = tasks.map((x) => `${x.activity.key}/${x.assigneeKey}`);
      expect(new Set(identities).size).toBe(identities.length);
    }
    // Planning again creates nothing: the done task on version 1 covers its key.
    expect(await planCycleAgain(actor, { cycleId: cycle.id }, t.db)).toMatchObject({ ok: true, created: 0 });
    // Past cycles are history: 2025 still points at version 1 only.
    const c2025 = await cycleOf(2025);
    expect(await t.db.task.count({ where: { cycleId: c2025.id, activity: { routineVersionId: { not: v1.id }, routineVersion: { routineId: routine.id } } } })).toBe(0);
  });

  it("leaves the cycles alone when the answer is no", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const routine = await t.db.routine.findFirstOrThrow({ where: { key: SEED_KEY } });
    expect(await createDraft(actor, { routineId: routine.id }, t.db)).toMatchObject({ ok: true, version: 3 });
    const v3 = (await getManagedVersion(actor, SEED_KEY, 3, t.db))!;
    expect(await saveActivity(actor, { versionId: v3.id, values: activityForm({ title: "Ännu en", key: "annu-en" }) }, t.db)).toMatchObject({ ok: true });
    const tasksBefore = await t.db.task.findMany({ orderBy: { id: "asc" } });
    const result = await publishDraft(actor, { versionId: v3.id, ...decision, validity: "till-datum", validUntil: "2027-12-31", followTasks: "nej" }, t.db, SEEDED_TODAY);
    expect(result).toMatchObject({ ok: true, followed: [] });
    expect(await t.db.task.findMany({ orderBy: { id: "asc" } })).toEqual(tasksBefore);
    const statuses = await t.db.routineVersion.findMany({ where: { routineId: routine.id }, orderBy: { version: "asc" }, select: { status: true, validUntil: true } });
    expect(statuses.map((s) => s.status)).toEqual(["ARCHIVED", "ARCHIVED", "ACTIVE"]);
    expect(statuses[2]!.validUntil?.toISOString().slice(0, 10)).toBe("2027-12-31");
  });
});
