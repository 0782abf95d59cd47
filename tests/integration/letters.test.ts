import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { overviewCsv } from "@/lib/letters/csv";
import { NOT_YOUR_UNIT, recordLetter, undoLetter } from "@/lib/letters/mutations";
import { getLetterBoard, getLetterOverview, LETTER_OVERVIEW_UNIT_LIMIT } from "@/lib/letters/queries";
import { changeTaskStatus, LETTER_DONE_VIA_RECORD, LETTER_RECORDED } from "@/lib/tasks/mutations";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ENHETSCHEF, VERKSAMHETSCHEF } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";

const session = vi.hoisted(() => ({ user: null as unknown, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));
const { recordLetterAction } = await import("@/app/(app)/brukarbrev/actions");

const KOORDINATOR = "koordinator@arshjulet.example";
const opts = { today: SEEDED_TODAY };

/** Everything a refused call must leave as it was. */
async function state(db: Db) {
  const [dispatches, tasks, events, audit] = await Promise.all([
    db.letterDispatch.findMany({ orderBy: { id: "asc" } }),
    db.task.findMany({ where: { activity: { kind: "LETTER" } }, orderBy: { id: "asc" }, select: { id: true, status: true, version: true } }),
    db.taskEvent.count(),
    db.auditEntry.count(),
  ]);
  return { dispatches, tasks, events, audit };
}

describe.each(DATABASE_KINDS)("brukarbrev on %s", (kind) => {
  let t: TestDatabase;
  let larkan: string;
  let tallbacken: string;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    session.db = t.db;
    larkan = (await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } })).id;
    tallbacken = (await t.db.unit.findFirstOrThrow({ where: { name: "Tallbacken" } })).id;
    // Start from a known state: Lärkan's letters 3 and 4 of 2026 not yet recorded.
    const tasks = await t.db.task.findMany({ where: { cycle: { year: 2026 }, unitId: larkan, activity: { kind: "LETTER", letterNumber: { in: [3, 4] } } } });
    await t.db.letterDispatch.deleteMany({ where: { taskId: { in: tasks.map((x) => x.id) } } });
    await t.db.task.updateMany({ where: { id: { in: tasks.map((x) => x.id) } }, data: { status: "NOT_STARTED", completedAt: null, completedById: null } });
  });
  afterAll(() => t?.close());

  const letter = (n: number, over: Record<string, unknown> = {}) => ({ unitId: larkan, year: 2026, letterNumber: n, sentOn: "2026-11-20", count: 84, method: "POST", ...over });
  const taskOf = (n: number) => t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, unitId: larkan, activity: { letterNumber: n } } });

  it("shows the koordinator the four letters of their unit with planned months and template references", async () => {
    const board = await getLetterBoard(await actorFor(t.db, KOORDINATOR), {}, t.db, SEEDED_TODAY);
    expect(board?.units.map((u) => u.name)).toEqual(["Lärkan"]);
    expect(board?.letters.map((l) => [l.number, l.task?.activity.startMonth])).toEqual([[1, 2], [2, 6], [3, 9], [4, 11]]);
    expect(board?.letters[3]?.state).toBe("planned");
    expect(board?.letters[2]?.state).toBe("missing");
    expect(board?.otherTasks.length).toBeGreaterThan(0);
    expect(board?.canRecord).toBe(true);
    // The enhetschef reads their units' letters, and records none (issue 19, item 3).
    const chefBoard = await getLetterBoard(await actorFor(t.db, ENHETSCHEF), {}, t.db, SEEDED_TODAY);
    expect(chefBoard?.units.map((u) => u.name).sort()).toEqual(["Lärkan", "Tallbacken"]);
    expect(chefBoard?.canRecord).toBe(false);
    expect(chefBoard?.letters).toHaveLength(4);
    expect(await getLetterBoard(await actorFor(t.db, "kommunikator@arshjulet.example"), {}, t.db, SEEDED_TODAY)).toBeNull();
  });

  it("records a letter, completes its checklist task in the same transaction, and warns when the previous one is missing", async () => {
    const koordinator = await actorFor(t.db, KOORDINATOR);
    const result = await recordLetter(koordinator, letter(4), t.db, opts);
    expect(result).toMatchObject({ ok: true, warning: "Obs! Brukarbrev 3 är inte registrerat som skickat ännu. Registrera det också om det har skickats." });
    const task = await taskOf(4);
    expect(task.status).toBe("DONE");
    const dispatch = await t.db.letterDispatch.findFirstOrThrow({ where: { taskId: task.id } });
    expect(dispatch).toMatchObject({ count: 84, method: "POST", version: 1, recordedById: koordinator.id });
    const events = await t.db.taskEvent.findMany({ where: { taskId: task.id, actorId: koordinator.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["LETTER_RECORDED", "STATUS_CHANGED"]);
    expect(await t.db.auditEntry.count({ where: { action: "letter.record", entityId: dispatch.id } })).toBe(1);
  });

  it("keeps every correction in the history and refuses a stale version", async () => {
    const koordinator = await actorFor(t.db, KOORDINATOR);
    const fixed = await recordLetter(koordinator, letter(4, { count: 91, version: 1 }), t.db, opts);
    expect(fixed).toMatchObject({ ok: true });
    const before = await state(t.db);
    const stale = await recordLetter(koordinator, letter(4, { count: 95, version: 1 }), t.db, opts);
    expect(stale).toMatchObject({ ok: false });
    expect(stale.message).toContain("har ändrats av någon annan");
    expect(await state(t.db)).toEqual(before);
    const task = await taskOf(4);
    const correction = await t.db.taskEvent.findFirstOrThrow({ where: { taskId: task.id, type: "LETTER_CORRECTED" } });
    expect(correction.details).toMatchObject({ before: { count: 84 }, after: { count: 91 } });
  });

  it.each([
    ["a date in the future", { sentOn: "2026-11-24" }, "sentOn"],
    // The 2026 cycle begins on 1 December 2025 (the brukarundersökning starts in December): November 2025 is outside.
    ["a date outside the cycle year", { sentOn: "2025-11-28" }, "sentOn"],
    ["a count that is not a whole number", { count: "3,5" }, "count"],
    ["an absurd count", { count: 250000 }, "count"],
    ["a letter number outside 1–4", { letterNumber: 5 }, "letterNumber"],
  ])("refuses %s and stores nothing", async (_label, over, field) => {
    const before = await state(t.db);
    const result = await recordLetter(await actorFor(t.db, KOORDINATOR), letter(3, over), t.db, opts);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors?.[field]?.length).toBeGreaterThan(0);
    expect(await state(t.db)).toEqual(before);
  });

  it("refuses a unit the koordinator does not belong to, and roles that do not record letters", async () => {
    const before = await state(t.db);
    expect(await recordLetter(await actorFor(t.db, KOORDINATOR), letter(3, { unitId: tallbacken }), t.db, opts)).toEqual({ ok: false, message: NOT_YOUR_UNIT });
    expect(await recordLetter(await actorFor(t.db, KOORDINATOR), letter(3, { unitId: "finns-inte" }), t.db, opts)).toEqual({ ok: false, message: NOT_YOUR_UNIT });
    expect(await recordLetter(await actorFor(t.db, VERKSAMHETSCHEF), letter(3), t.db, opts)).toEqual({ ok: false, message: NOT_YOUR_UNIT });
    expect(await state(t.db)).toEqual(before);
  });

  it("keeps the checklist and the letter record as one fact", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const three = await taskOf(3);
    expect(await changeTaskStatus(chef, { taskId: three.id, version: three.version, status: "DONE" }, t.db, opts)).toMatchObject({ ok: false, message: LETTER_DONE_VIA_RECORD });
    const four = await taskOf(4);
    expect(await changeTaskStatus(chef, { taskId: four.id, version: four.version, status: "NOT_STARTED" }, t.db, opts)).toMatchObject({ ok: false, message: LETTER_RECORDED });
    expect(await changeTaskStatus(chef, { taskId: three.id, version: three.version, status: "IN_PROGRESS" }, t.db, opts)).toMatchObject({ ok: true });
  });

  it("takes back a record that was a mistake and reopens the task", async () => {
    const koordinator = await actorFor(t.db, KOORDINATOR);
    const dispatch = await t.db.letterDispatch.findFirstOrThrow({ where: { task: { id: (await taskOf(4)).id } } });
    expect(await undoLetter(koordinator, { unitId: larkan, year: 2026, letterNumber: 4, version: dispatch.version }, t.db, opts)).toMatchObject({ ok: true });
    expect((await taskOf(4)).status).toBe("NOT_STARTED");
    expect(await t.db.letterDispatch.count({ where: { id: dispatch.id } })).toBe(0);
    expect(await t.db.auditEntry.count({ where: { action: "letter.undo", entityId: dispatch.id } })).toBe(1);
  });

  it("records through the server action as the signed-in koordinator", async () => {
    session.user = await actorFor(t.db, KOORDINATOR);
    const data = new FormData();
    for (const [k, v] of Object.entries(letter(4, { count: "77", method: "OTHER", methodOther: "Via anhörig" }))) data.set(k, String(v));
    const result = await recordLetterAction(null, data);
    expect(result).toMatchObject({ ok: true });
    expect(await t.db.letterDispatch.findFirstOrThrow({ where: { taskId: (await taskOf(4)).id } })).toMatchObject({ count: 77, method: "OTHER", methodOther: "Via anhörig" });
  });

  it("gives the verksamhetschef units × letters and a CSV with the koordinator's record", async () => {
    const overview = await getLetterOverview(await actorFor(t.db, VERKSAMHETSCHEF), {}, t.db, SEEDED_TODAY);
    expect(overview?.year).toBe(2026);
    expect(overview?.rows).toHaveLength(14);
    const row = overview!.rows.find((r) => r.unit.name === "Lärkan")!;
    expect(row.letters[3]).toMatchObject({ state: "sent", dispatch: { count: 77 } });
    const csv = overviewCsv(overview!);
    expect(csv.startsWith("\uFEFFOmråde;Enhet;Brukarbrev 1 skickat")).toBe(true);
    expect(csv.split("\r\n").find((line) => line.includes(";Lärkan;"))).toContain("2026-11-20;77;Annat sätt: Via anhörig;Skickat");
    expect(await getLetterOverview(await actorFor(t.db, KOORDINATOR), {}, t.db, SEEDED_TODAY)).toBeNull();
  });

  it("shows one area at a time above the unit limit, and every unit in the download", async () => {
    const chef = await actorFor(t.db, VERKSAMHETSCHEF);
    const area = await t.db.area.findFirstOrThrow({ where: { name: "Område Öster" } });
    const units = await t.db.unit.count({ where: { active: true, area: { organisationId: area.organisationId } } });
    await t.db.unit.createMany({ data: Array.from({ length: LETTER_OVERVIEW_UNIT_LIMIT + 1 - units }, (_, i) => ({ areaId: area.id, name: `Brevenhet ${i + 1}` })) });
    const all = (await getLetterOverview(chef, {}, t.db, SEEDED_TODAY))!;
    expect(all.rows).toHaveLength(LETTER_OVERVIEW_UNIT_LIMIT + 1);
    const first = (await getLetterOverview(chef, { byArea: true }, t.db, SEEDED_TODAY))!;
    expect(first.area?.name).toBe("Område Norr");
    expect(first.rows.map((r) => r.unit.name)).toEqual(all.rows.filter((r) => r.unit.area.name === "Område Norr").map((r) => r.unit.name));
    expect(first.totals[3]!.sentUnits).toBe(first.rows.filter((r) => r.letters[3]!.dispatch).length);
    const east = (await getLetterOverview(chef, { byArea: true, area: area.id }, t.db, SEEDED_TODAY))!;
    expect(east.rows).toHaveLength(all.rows.filter((r) => r.unit.area.name === "Område Öster").length);
    expect(east.allUnits).toBe(LETTER_OVERVIEW_UNIT_LIMIT + 1);
    await t.db.unit.updateMany({ where: { name: { startsWith: "Brevenhet " } }, data: { active: false } });
  });
});

// Issue 32, item 6: a letter recorded as sent far from its month gets the warning the plan form gives; it is saved.
describe.each(DATABASE_KINDS)("a letter sent outside its month on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  it("warns, saves, and says nothing for a date inside the month", async () => {
    const koordinator = await actorFor(t.db, KOORDINATOR);
    const larkan = (await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } })).id;
    const letter = { unitId: larkan, year: 2026, letterNumber: 4, count: 84, method: "POST" };
    // Brukarbrev 4 is November's; 5 September is in the cycle but far from the plan.
    const early = await recordLetter(koordinator, { ...letter, sentOn: "2026-09-05" }, t.db, { today: SEEDED_TODAY });
    expect(early).toMatchObject({ ok: true, warning: expect.stringContaining("5 september 2026 ligger utanför aktivitetens tid (november 2026).") });
    const dispatch = await t.db.letterDispatch.findFirstOrThrow({ where: { unitId: larkan, letterNumber: 4, cycle: { year: 2026 } } });
    expect(dispatch.sentOn.toISOString().slice(0, 10)).toBe("2026-09-05");
    // Corrected to a day in November: no such warning.
    const fixed = await recordLetter(koordinator, { ...letter, sentOn: "2026-11-20", version: dispatch.version }, t.db, { today: SEEDED_TODAY });
    expect(fixed).toMatchObject({ ok: true });
    expect(fixed.ok && fixed.warning).toBeFalsy();
  });
});
