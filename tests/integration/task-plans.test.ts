import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ICAL from "ical.js";
import type { Db } from "@/lib/db";
import { createCalendarFeed, getFeedCalendar } from "@/lib/calendar/feeds";
import { planReminders } from "@/lib/reminders/job";
import { planTask } from "@/lib/tasks/plan-mutations";
import { TASK_NOT_FOUND } from "@/lib/tasks/mutations";
import { TIME_WITHOUT_DATE } from "@/lib/tasks/schemas";
import { getTaskHistory } from "@/lib/tasks/queries";
import { utcDate } from "@/lib/dates/cycle";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ENHETSCHEF } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";
import { form } from "./helpers/form";

const session = vi.hoisted(() => ({ user: null as unknown, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));

const { planTaskAction } = await import("@/app/(app)/checklista/actions");

const KOORDINATOR = "koordinator@arshjulet.example";
const opts = { today: SEEDED_TODAY };

/** Everything a refused plan must leave exactly as it was. */
async function state(db: Db) {
  const [tasks, events, audit] = await Promise.all([
    db.task.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, plannedOn: true, plannedTime: true, plannedPlace: true, plannedLead: true } }),
    db.taskEvent.count(),
    db.auditEntry.count(),
  ]);
  return { tasks, events, audit };
}


describe.each(DATABASE_KINDS)("task plans on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    session.db = t.db;
  });
  afterAll(() => t?.close());

  const taskOf = async (unit: string, key: string, year = 2026) =>
    t.db.task.findFirstOrThrow({ where: { cycle: { year }, activity: { key }, unit: { name: unit } } });

  it("plans the February brukarfika on a day and time, with place and leader, history and audit", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const task = await taskOf("Lärkan", "brukarfika-februari");
    const result = await planTask(chef, { taskId: task.id, version: task.version, plannedOn: "2026-02-12", plannedTime: "14:00", plannedPlace: "Dagcentralen", plannedLead: "Enhetschefen" }, t.db, opts);
    expect(result).toMatchObject({ ok: true, warning: null });
    expect(result.message).toContain("12 februari 2026 kl. 14:00, Dagcentralen, leds av Enhetschefen");
    const after = await t.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after).toMatchObject({ plannedOn: utcDate(2026, 2, 12), plannedTime: "14:00", plannedPlace: "Dagcentralen", plannedLead: "Enhetschefen", version: task.version + 1 });
    const event = await t.db.taskEvent.findFirstOrThrow({ where: { taskId: task.id, type: "PLANNED" } });
    expect(event.details).toMatchObject({ before: { plannedOn: null }, after: { plannedOn: "2026-02-12", plannedTime: "14:00" } });
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { entityId: task.id, action: "task.plan" } });
    expect(audit.after).toMatchObject({ plannedOn: "2026-02-12", plannedTime: "14:00" });

    // Replanning keeps the earlier plan in the history.
    const moved = await planTask(chef, { taskId: task.id, version: after.version, plannedOn: "2026-02-19", plannedTime: "" }, t.db, opts);
    expect(moved).toMatchObject({ ok: true, warning: null });
    const history = await getTaskHistory(chef, task.id, t.db, SEEDED_TODAY);
    const plans = history!.events.filter((e) => e.type === "PLANNED").map((e) => e.comment);
    expect(plans).toEqual(["19 februari 2026", "12 februari 2026 kl. 14:00, Dagcentralen, leds av Enhetschefen"]);
    expect(await t.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ plannedTime: null, plannedPlace: null });
  });

  it("saves a day outside the activity's window with a warning", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const task = await taskOf("Tallbacken", "brukarfika-februari");
    const result = await planTask(chef, { taskId: task.id, version: task.version, plannedOn: "2026-03-03" }, t.db, opts);
    expect(result).toMatchObject({ ok: true, warning: "3 mars 2026 ligger utanför aktivitetens tid (februari 2026)." });
    expect((await t.db.task.findUniqueOrThrow({ where: { id: task.id } })).plannedOn).toEqual(utcDate(2026, 3, 3));
  });

  it("lets the koordinator plan their own brukarbrev but not the enhetschef's brukarfika", async () => {
    const koordinator = await actorFor(t.db, KOORDINATOR);
    const letter = await taskOf("Lärkan", "brukarbrev-3");
    expect(await planTask(koordinator, { taskId: letter.id, version: letter.version, plannedOn: "2026-09-10" }, t.db, opts)).toMatchObject({ ok: true });
    const cafe = await taskOf("Lärkan", "brukarfika-november");
    const before = await state(t.db);
    expect(await planTask(koordinator, { taskId: cafe.id, version: cafe.version, plannedOn: "2026-11-10" }, t.db, opts)).toMatchObject({ ok: false, code: "READ_ONLY" });
    expect(await state(t.db)).toEqual(before);
  });

  it("refuses bad input, another unit's task and a closed cycle with a Swedish message and changes nothing", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const task = await taskOf("Lärkan", "brukarfika-november");
    const other = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, activity: { key: "brukarfika-november" }, unit: { name: { notIn: ["Lärkan", "Tallbacken"] } } } });
    const closed = await taskOf("Lärkan", "brukarfika-november", 2025);
    const before = await state(t.db);
    const ref = { taskId: task.id, version: task.version };
    const cases: [Record<string, string | number>, string][] = [
      [{ ...ref, plannedOn: "2026-02-30" }, "Datumet finns inte i kalendern."],
      [{ ...ref, plannedOn: "12/2 2026" }, "Datumet ska skrivas ÅÅÅÅ-MM-DD."],
      [{ ...ref, plannedOn: "", plannedTime: "14:00" }, TIME_WITHOUT_DATE],
      [{ ...ref, plannedOn: "2026-11-10", plannedTime: "25:00" }, "Tiden ska skrivas TT:MM, till exempel 14:00."],
      [{ ...ref, plannedOn: "2026-11-10", plannedPlace: "x".repeat(201) }, "Platsen får vara högst 200 tecken."],
      [{ taskId: other.id, version: other.version, plannedOn: "2026-11-10" }, TASK_NOT_FOUND],
      [{ taskId: closed.id, version: closed.version, plannedOn: "2025-11-10" }, "Cykeln 2025 är avslutad och kan bara läsas."],
    ];
    for (const [input, message] of cases) {
      const result = await planTask(chef, input, t.db, opts);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, message });
    }
    // A stale version is refused too, showing the task as it is now.
    expect(await planTask(chef, { ...ref, version: task.version + 5, plannedOn: "2026-11-10" }, t.db, opts)).toMatchObject({ ok: false, code: "STALE" });
    expect(await state(t.db)).toEqual(before);
  });

  it("plans through the server action, and refuses another unit's task there as well", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    session.user = chef;
    const task = await taskOf("Lärkan", "workshop-november");
    const saved = await planTaskAction(null, form({ taskId: task.id, version: task.version, plannedOn: "2026-11-26", plannedTime: "09:30", plannedPlace: "", plannedLead: "" }));
    expect(saved).toMatchObject({ ok: true, warning: null });
    const other = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, activity: { key: "workshop-november" }, unit: { name: { notIn: ["Lärkan", "Tallbacken"] } } } });
    const before = await state(t.db);
    expect(await planTaskAction(null, form({ taskId: other.id, version: other.version, plannedOn: "2026-11-26" }))).toMatchObject({ ok: false, message: TASK_NOT_FOUND });
    expect(await state(t.db)).toEqual(before);
  });

  it("puts a planned time in the ICS feed as a timed event that a real parser (ical.js) reads, and a plan without time as an all-day event", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const lärkan = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    const summer = await taskOf("Lärkan", "brukarfika-varen");
    expect(await planTask(chef, { taskId: summer.id, version: summer.version, plannedOn: "2026-05-06", plannedTime: "13:30", plannedPlace: "Träffpunkten" }, t.db, opts)).toMatchObject({ ok: true });
    const winter = await taskOf("Lärkan", "brukarfika-november");
    expect(await planTask(chef, { taskId: winter.id, version: winter.version, plannedOn: "2026-11-18", plannedTime: "14:00" }, t.db, opts)).toMatchObject({ ok: true });
    const dayOnly = await taskOf("Lärkan", "resultat-apt");
    expect(await planTask(chef, { taskId: dayOnly.id, version: dayOnly.version, plannedOn: "2026-10-14" }, t.db, opts)).toMatchObject({ ok: true });

    const { token } = (await createCalendarFeed(chef, { target: `enhet:${lärkan.id}` }, t.db)) as { token: string };
    const text = (await getFeedCalendar(token, "http://localhost:3000", t.db, SEEDED_TODAY))!;
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const byId = (id: string) => events.find((e) => e.uid === `${id}@arshjulet`)!;
    // 13:30 in Swedish summer time is 11:30 UTC; 14:00 in winter time is 13:00 UTC; an hour long.
    expect(byId(summer.id).startDate.isDate).toBe(false);
    expect(byId(summer.id).startDate.toJSDate().toISOString()).toBe("2026-05-06T11:30:00.000Z");
    expect(byId(summer.id).endDate.toJSDate().toISOString()).toBe("2026-05-06T12:30:00.000Z");
    expect(byId(summer.id).location).toBe("Träffpunkten");
    expect(byId(winter.id).startDate.toJSDate().toISOString()).toBe("2026-11-18T13:00:00.000Z");
    expect(byId(winter.id).description).toContain("Planerad: 18 november 2026 kl. 14:00.");
    // A plan without a time: an all-day event on the planned day (not the month's last day).
    expect(byId(dayOnly.id).startDate.isDate).toBe(true);
    expect(byId(dayOnly.id).startDate.toString()).toBe("2026-10-14");
    // An unplanned task stays an all-day event on its last day.
    const unplanned = await taskOf("Lärkan", "jamfor-foregaende-ar");
    expect(byId(unplanned.id).startDate.toString()).toBe("2026-11-30");
  });

  it("counts reminders from the planned day when there is one", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    // An open task of Lärkan's enhetschef due by 31 October: its reminders (−14, 0, +7 days) have lapsed by 23 November …
    const seeded = await taskOf("Lärkan", "forbered-workshop");
    const task = await t.db.task.update({ where: { id: seeded.id }, data: { status: "NOT_STARTED", doneOn: null, completedAt: null } });
    const keysFor = async () => (await planReminders(SEEDED_TODAY, "http://localhost:3000", t.db)).filter((p) => p.taskId === task.id).map((p) => p.periodKey);
    expect(await keysFor()).toEqual([]);
    // … planned for today, the reminder of the day itself is due.
    expect(await planTask(chef, { taskId: task.id, version: task.version, plannedOn: "2026-11-23" }, t.db, opts)).toMatchObject({ ok: true, warning: expect.stringContaining("utanför") });
    const keys = await keysFor();
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys)).toEqual(new Set([`${task.id}:0`]));
  });
});
