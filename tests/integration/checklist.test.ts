import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { addTaskComment, changeTaskStatus, TASK_NOT_FOUND, TASK_READ_ONLY } from "@/lib/tasks/mutations";
import { getChecklist, getChecklistTask, getTaskHistory } from "@/lib/tasks/queries";
import { toTaskView } from "@/components/checklist/task-view";
import { checklistParamsSchema } from "@/lib/tasks/schemas";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ENHETSCHEF, VERKSAMHETSCHEF } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";
import { form } from "./helpers/form";
import { DECEMBER_DAY, ensureCycle2027 } from "./helpers/next-cycle";

// The server action runs against the test database as a mocked signed-in user.
const session = vi.hoisted(() => ({ user: null as unknown, db: null as unknown, script: false, cookieSets: 0, referer: null as string | null }));
vi.mock("@/lib/auth/session", () => ({ requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// A call from JavaScript carries Next's Next-Action header; a plain form post (no JavaScript) does not.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => void (session.cookieSets += 1), delete: () => void (session.cookieSets += 1) }),
  headers: async () => new Headers({ ...(session.script ? { "next-action": "0123abcd" } : {}), ...(session.referer ? { referer: session.referer } : {}) }),
}));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));

const { postTaskAction, saveTaskAction } = await import("@/app/(app)/checklista/actions");

/** Where a call redirected to (Next's redirect() throws an error whose digest holds the address), or null. */
async function redirectedTo(call: Promise<unknown>): Promise<string | null> {
  try {
    await call;
    return null;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT;")) throw error;
    return digest.split(";")[2]!;
  }
}
const { revalidatePath } = await import("next/cache");

const KOORDINATOR = "koordinator@arshjulet.example";
const opts = { today: SEEDED_TODAY };
/** December 2026: the brukarundersökning's December tasks are in the 2027 cycle, which has begun. */
const december = { today: DECEMBER_DAY };
const params = (over: Record<string, string> = {}) => checklistParamsSchema.parse(over);

/** Everything a refused call must leave exactly as it was. */
async function state(db: Db) {
  const [tasks, events, audit] = await Promise.all([
    db.task.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, version: true, comment: true, notApplicableReason: true, completedAt: true } }),
    db.taskEvent.count(),
    db.auditEntry.count(),
  ]);
  return { tasks, events, audit };
}


describe.each(DATABASE_KINDS)("checklist on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    session.db = t.db;
  });
  afterAll(() => t?.close());
  beforeEach(() => vi.mocked(revalidatePath).mockClear());

  /** A 2027 task (the cycle started for it) of a unit, by activity key: December 2026's tasks, open in December. */
  const decemberTaskOf = async (unit: string, key: string) => {
    await ensureCycle2027(t.db);
    return taskOf(unit, key, 2027);
  };
  /** A 2026 task of a unit (or of the verksamhet), by activity key. */
  const taskOf = async (unit: string | null, key: string, year = 2026) =>
    t.db.task.findFirstOrThrow({ where: { cycle: { year }, activity: { key }, ...(unit ? { unit: { name: unit } } : { assigneeKey: "ORGANISATION" }) } });

  it("shows the enhetschef the tasks of their first unit, by phase in date order, with progress and filters", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const list = await getChecklist(chef, params(), t.db, SEEDED_TODAY);
    expect(list.years).toEqual([2026, 2025]);
    expect(list.year).toBe(2026);
    expect(list.groups.map((g) => [g.label, g.editable])).toEqual([["Lärkan", true], ["Tallbacken", true]]);
    expect(list.group?.label).toBe("Lärkan");
    expect(list.phases.map((p) => p.name)).toEqual(["Inför", "Under pågående undersökning", "Efter undersökningen", "När resultatet kommer", "Uppföljning"]);
    const tasks = list.phases.flatMap((p) => p.tasks);
    const lärkan = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    expect(tasks.length).toBe(await t.db.task.count({ where: { cycle: { year: 2026 }, unitId: lärkan.id } }));
    expect(tasks.every((x) => x.unitId === lärkan.id && x.canUpdate)).toBe(true);
    for (const phase of list.phases) {
      const starts = phase.tasks.map((x) => x.startsOn?.getTime() ?? Infinity);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
    expect(list.summary.handled).toBe(tasks.filter((x) => x.status === "DONE" || x.status === "NOT_APPLICABLE").length);
    expect(list.counts.alla).toBe(tasks.length);
    expect(list.counts.klara + list.counts["ej-aktuella"] + list.counts["att-gora"]).toBe(tasks.length);
    // November's tasks are this month's; the workshop is due 30 November, so not yet overdue.
    const workshop = tasks.find((x) => x.activity.title.startsWith("Workshop för samtliga"))!;
    expect(workshop.current).toBe(true);
    expect(workshop.overdue).toBe(false);

    const late = await getChecklist(chef, params({ filter: "forsenade" }), t.db, SEEDED_TODAY);
    const lateTasks = late.phases.flatMap((p) => p.tasks);
    expect(lateTasks.length).toBe(list.counts.forsenade);
    expect(lateTasks.every((x) => x.overdue && x.dueOn! < SEEDED_TODAY && x.status !== "DONE")).toBe(true);

    // Another unit of the enhetschef; a unit that is not theirs falls back to the first one.
    const tallbacken = list.groups[1]!.key;
    expect((await getChecklist(chef, params({ enhet: tallbacken }), t.db, SEEDED_TODAY)).group?.label).toBe("Tallbacken");
    const ekdungen = await t.db.unit.findFirstOrThrow({ where: { name: "Ekdungen" } });
    expect((await getChecklist(chef, params({ enhet: ekdungen.id }), t.db, SEEDED_TODAY)).group?.label).toBe("Lärkan");
    // Last year is read-only.
    const lastYear = await getChecklist(chef, params({ ar: "2025" }), t.db, SEEDED_TODAY);
    expect(lastYear.readOnlyYear).toBe(true);
    expect(lastYear.phases.flatMap((p) => p.tasks).some((x) => x.canUpdate)).toBe(false);
  });

  it("gives the verksamhetschef their own tasks first and every unit read-only", async () => {
    const boss = await actorFor(t.db, VERKSAMHETSCHEF);
    const list = await getChecklist(boss, params(), t.db, SEEDED_TODAY);
    expect(list.group).toMatchObject({ key: "verksamhet", label: "Hela verksamheten", editable: true });
    expect(list.groups.filter((g) => g.areaName).length).toBe(await t.db.unit.count({ where: { active: true } }));
    const own = list.phases.flatMap((p) => p.tasks);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((x) => x.unitId === null && x.canUpdate)).toBe(true);
    const lärkan = list.groups.find((g) => g.label === "Lärkan")!;
    expect(lärkan.editable).toBe(false);
    const unitList = await getChecklist(boss, params({ enhet: lärkan.key }), t.db, SEEDED_TODAY);
    expect(unitList.summary.editable).toBe(0);
    expect(unitList.summary.total).toBeGreaterThan(0);
  });

  it("lets the koordinator tick only the koordinator's tasks of their unit", async () => {
    const koordinator = await actorFor(t.db, KOORDINATOR);
    const list = await getChecklist(koordinator, params({ visa: "enhet" }), t.db, SEEDED_TODAY);
    expect(list.groups.map((g) => g.label)).toEqual(["Lärkan"]);
    const tasks = list.phases.flatMap((p) => p.tasks);
    expect(tasks.filter((x) => x.canUpdate).every((x) => x.activity.responsibleRole === "KOORDINATOR")).toBe(true);
    expect(tasks.some((x) => x.canUpdate)).toBe(true);
    expect(tasks.some((x) => !x.canUpdate)).toBe(true);
  });

  it("changes a status with a new version, a history event and an audit entry", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const task = await decemberTaskOf("Lärkan", "planera-i-planeringsverktyget");
    expect(task.status).toBe("NOT_STARTED");
    expect(task.dueOn).toEqual(new Date("2026-12-31"));
    // On 23 November the 2027 cycle has not begun: its December tasks can be read, not changed.
    expect(await changeTaskStatus(chef, { taskId: task.id, version: task.version, status: "DONE" }, t.db, { today: SEEDED_TODAY })).toMatchObject({
      ok: false,
      code: "CLOSED",
      message: "Cykeln 2027 har inte börjat ännu; dess uppgifter kan ändras från den 1 december 2026.",
    });
    const opts = december;
    const done = await changeTaskStatus(chef, { taskId: task.id, version: task.version, status: "DONE" }, t.db, opts);
    expect(done).toMatchObject({ ok: true, message: "”Planera in rutinens aktiviteter i planeringsverktyget” är markerad som klar.", task: { status: "DONE", version: task.version + 1 } });
    const after = await t.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after).toMatchObject({ status: "DONE", version: task.version + 1, completedById: chef.id });
    expect(after.completedAt).toBeInstanceOf(Date);
    expect(await t.db.taskEvent.findMany({ where: { taskId: task.id } })).toEqual([
      expect.objectContaining({ type: "STATUS_CHANGED", fromStatus: "NOT_STARTED", toStatus: "DONE", actorId: chef.id }),
    ]);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { entityId: task.id, action: "task.status" } });
    expect(audit).toMatchObject({ actorId: chef.id, unitId: task.unitId, before: { status: "NOT_STARTED", version: task.version }, after: { status: "DONE", version: task.version + 1 } });

    // Back to ej påbörjad clears who completed it; ej aktuell keeps its reason; pågår clears the reason.
    const back = await changeTaskStatus(chef, { taskId: task.id, version: after.version, status: "NOT_STARTED" }, t.db, opts);
    expect(back).toMatchObject({ ok: true, task: { status: "NOT_STARTED", completedAt: null, completedBy: null } });
    const na = await changeTaskStatus(chef, { taskId: task.id, version: after.version + 1, status: "NOT_APPLICABLE", reason: "  Planeras centralt i år.  " }, t.db, opts);
    expect(na).toMatchObject({ ok: true, task: { status: "NOT_APPLICABLE", notApplicableReason: "Planeras centralt i år." } });
    const busy = await changeTaskStatus(chef, { taskId: task.id, version: String(after.version + 2), status: "IN_PROGRESS" }, t.db, opts);
    expect(busy).toMatchObject({ ok: true, task: { status: "IN_PROGRESS", notApplicableReason: null } });
    const history = await getTaskHistory(chef, task.id, t.db, DECEMBER_DAY);
    expect(history!.events.map((e) => e.toStatus)).toEqual(["IN_PROGRESS", "NOT_APPLICABLE", "NOT_STARTED", "DONE"]);
    expect(history!.events[1]).toMatchObject({ reason: "Planeras centralt i år.", actor: { name: "Demo Enhetschef" } });
  });

  it("adds a comment with a new version, a history event and an audit entry", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const task = await decemberTaskOf("Tallbacken", "lg-genomgang-enhet");
    const result = await addTaskComment(chef, { taskId: task.id, version: task.version, comment: " Inplanerad på LG den 3 december. " }, t.db, december);
    expect(result).toMatchObject({ ok: true, task: { comment: "Inplanerad på LG den 3 december.", version: task.version + 1, status: task.status } });
    expect(await t.db.taskEvent.findFirstOrThrow({ where: { taskId: task.id } })).toMatchObject({ type: "COMMENTED", comment: "Inplanerad på LG den 3 december.", actorId: chef.id });
    expect(await t.db.auditEntry.count({ where: { entityId: task.id, action: "task.comment" } })).toBe(1);
  });

  it("refuses bad input and tasks out of reach with a Swedish message and changes nothing", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const boss = await actorFor(t.db, VERKSAMHETSCHEF);
    const koordinator = await actorFor(t.db, KOORDINATOR);
    const own = await decemberTaskOf("Lärkan", "lg-genomgang-enhet");
    const other = await taskOf("Ekdungen", "lg-genomgang-enhet", 2027);
    const opts = december;
    const lastYear = await taskOf("Lärkan", "lg-genomgang-enhet", 2025);
    const bossTask = await taskOf(null, "arshjul-planerat");
    const before = await state(t.db);

    const cases: [unknown, Promise<unknown>][] = [
      [{ code: "NOT_FOUND", message: TASK_NOT_FOUND }, changeTaskStatus(chef, { taskId: "finns-inte", version: 1, status: "DONE" }, t.db, opts)],
      [{ code: "NOT_FOUND", message: TASK_NOT_FOUND }, changeTaskStatus(chef, { taskId: other.id, version: other.version, status: "DONE" }, t.db, opts)],
      [{ code: "NOT_FOUND", message: TASK_NOT_FOUND }, addTaskComment(chef, { taskId: other.id, version: other.version, comment: "Hej" }, t.db, opts)],
      [{ code: "NOT_FOUND" }, changeTaskStatus(chef, { taskId: bossTask.id, version: bossTask.version, status: "DONE" }, t.db, opts)],
      [{ code: "READ_ONLY", message: TASK_READ_ONLY }, changeTaskStatus(boss, { taskId: own.id, version: own.version, status: "DONE" }, t.db, opts)],
      [{ code: "READ_ONLY", message: TASK_READ_ONLY }, changeTaskStatus(koordinator, { taskId: own.id, version: own.version, status: "DONE" }, t.db, opts)],
      [{ code: "CLOSED", message: "Cykeln 2025 är avslutad och kan bara läsas." }, changeTaskStatus(chef, { taskId: lastYear.id, version: lastYear.version, status: "IN_PROGRESS" }, t.db, opts)],
      [{ code: "INVALID", message: "Ange varför uppgiften inte är aktuell.", errors: { reason: ["Ange varför uppgiften inte är aktuell."] } }, changeTaskStatus(chef, { taskId: own.id, version: own.version, status: "NOT_APPLICABLE", reason: "   " }, t.db, opts)],
      [{ code: "INVALID", errors: { reason: ["Motiveringen får vara högst 1000 tecken."] } }, changeTaskStatus(chef, { taskId: own.id, version: own.version, status: "NOT_APPLICABLE", reason: "x".repeat(1001) }, t.db, opts)],
      [{ code: "INVALID", errors: { status: ["Välj en giltig status."] } }, changeTaskStatus(chef, { taskId: own.id, version: own.version, status: "KLAR" }, t.db, opts)],
      [{ code: "INVALID", errors: { comment: ["Kommentaren får vara högst 2000 tecken."] } }, addTaskComment(chef, { taskId: own.id, version: own.version, comment: "x".repeat(2001) }, t.db, opts)],
      [{ code: "INVALID", errors: { comment: ["Skriv en kommentar."] } }, addTaskComment(chef, { taskId: own.id, version: own.version, comment: "  " }, t.db, opts)],
      [{ code: "INVALID", errors: { version: expect.any(Array) } }, addTaskComment(chef, { taskId: own.id, comment: "Utan version" }, t.db, opts)],
      [{ code: "TRANSITION", message: "Uppgiften har redan status ej påbörjad." }, changeTaskStatus(chef, { taskId: own.id, version: own.version, status: own.status }, t.db, opts)],
    ];
    for (const [expected, call] of cases) expect(await call).toMatchObject({ ok: false, ...(expected as object) });
    expect(await state(t.db)).toEqual(before);
  });

  it("tells the second of two editors that the task changed, shows the current state and loses nothing silently", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const koordinator = await actorFor(t.db, KOORDINATOR);
    const task = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, unit: { name: "Lärkan" }, activity: { key: "brukarlista" } } });
    // Both read the same version; the enhetschef saves first.
    const first = await changeTaskStatus(chef, { taskId: task.id, version: task.version, status: task.status === "IN_PROGRESS" ? "NOT_STARTED" : "IN_PROGRESS" }, t.db, opts);
    expect(first).toMatchObject({ ok: true });
    const before = await state(t.db);
    const second = await changeTaskStatus(koordinator, { taskId: task.id, version: task.version, status: "DONE" }, t.db, opts);
    expect(second).toMatchObject({ ok: false, code: "STALE", message: expect.stringMatching(/^Någon annan har ändrat uppgiften/), current: { status: first.ok ? first.task.status : "", version: task.version + 1 } });
    const comment = await addTaskComment(koordinator, { taskId: task.id, version: task.version, comment: "Listan klar 20/11." }, t.db, opts);
    expect(comment).toMatchObject({ ok: false, code: "STALE", message: expect.stringContaining("Din kommentar sparades inte") });
    expect(await state(t.db)).toEqual(before);

    // Two saves of the same version at the same moment: exactly one wins, the other is told.
    const racing = await Promise.all([
      changeTaskStatus(chef, { taskId: task.id, version: task.version + 1, status: "DONE" }, t.db, opts),
      addTaskComment(koordinator, { taskId: task.id, version: task.version + 1, comment: "Samtidigt" }, t.db, opts),
    ]);
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(racing.filter((r) => !r.ok && r.code === "STALE")).toHaveLength(1);
    expect((await t.db.task.findUniqueOrThrow({ where: { id: task.id } })).version).toBe(task.version + 2);
  });

  it("runs inside a caller's transaction without opening its own, so the caller can undo it", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const task = await decemberTaskOf("Tallbacken", "planera-i-planeringsverktyget");
    const before = await state(t.db);
    await expect(
      t.db.$transaction(async (tx) => {
        const result = await changeTaskStatus(chef, { taskId: task.id, version: task.version, status: "DONE" }, tx, { ...december, eventDetails: { letterNumber: 4 } });
        expect(result).toMatchObject({ ok: true });
        expect(await tx.taskEvent.findFirst({ where: { taskId: task.id }, select: { details: true } })).toEqual({ details: { letterNumber: 4 } });
        throw new Error("the caller's later step failed");
      }),
    ).rejects.toThrow("the caller's later step failed");
    expect(await state(t.db)).toEqual(before);
  });

  it("shows a task's history only to those who may read it", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const boss = await actorFor(t.db, VERKSAMHETSCHEF);
    const task = await taskOf("Lärkan", "planera-i-planeringsverktyget");
    const mine = await getTaskHistory(chef, task.id, t.db, SEEDED_TODAY);
    expect(mine).toMatchObject({ canUpdate: true, groupKey: task.unitId });
    const ats = mine!.events.map((e) => e.at.getTime());
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expect(await getTaskHistory(boss, task.id, t.db, SEEDED_TODAY)).toMatchObject({ canUpdate: false });
    expect(await getTaskHistory(chef, (await taskOf("Ekdungen", "planera-i-planeringsverktyget")).id, t.db, SEEDED_TODAY)).toBeNull();
    expect(await getTaskHistory(chef, "finns-inte", t.db, SEEDED_TODAY)).toBeNull();
  });

  it("gives the start page's panel one task as the checklist shows it, only to those who may read it", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    const boss = await actorFor(t.db, VERKSAMHETSCHEF);
    const task = await taskOf("Lärkan", "planera-i-planeringsverktyget");
    const listed = (await getChecklist(chef, params({ enhet: task.unitId!, visa: "enhet" }), t.db, SEEDED_TODAY)).phases.flatMap((p) => p.tasks).find((x) => x.id === task.id);
    const alone = await getChecklistTask(chef, task.id, t.db, SEEDED_TODAY);
    // The same task view as the checklist's own (the panel renders the same TaskItem with it).
    expect(toTaskView(alone!)).toEqual(toTaskView(listed!));
    expect(alone).toMatchObject({ canUpdate: true });
    expect(await getChecklistTask(boss, task.id, t.db, SEEDED_TODAY)).toMatchObject({ canUpdate: false });
    expect(await getChecklistTask(chef, (await taskOf("Ekdungen", "planera-i-planeringsverktyget")).id, t.db, SEEDED_TODAY)).toBeNull();
    expect(await getChecklistTask(chef, "finns-inte", t.db, SEEDED_TODAY)).toBeNull();
  });

  describe("server action", () => {
    it("saves a status and a comment from plain form posts and revalidates the checklist", async () => {
      session.user = await actorFor(t.db, ENHETSCHEF);
      const task = await taskOf("Tallbacken", "planera-i-planeringsverktyget");
      const done = await saveTaskAction(null, form({ intent: "status", taskId: task.id, version: task.version, status: "DONE" }));
      expect(done).toMatchObject({ ok: true, message: "”Planera in rutinens aktiviteter i planeringsverktyget” är markerad som klar.", task: { id: task.id, status: "DONE", version: task.version + 1 } });
      const commented = await saveTaskAction(null, form({ intent: "comment", taskId: task.id, version: task.version + 1, comment: "Klart i Time Care." }));
      expect(commented).toMatchObject({ ok: true });
      expect(await t.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "DONE", comment: "Klart i Time Care.", version: task.version + 2 });
      // Each save: the checklist and the start page's wheel, which shows the same task.
      expect(vi.mocked(revalidatePath).mock.calls).toEqual([["/checklista", "layout"], ["/"], ["/checklista", "layout"], ["/"]]);
    });

    it("returns refusals as state, keeps what was typed and changes nothing", async () => {
      session.user = await actorFor(t.db, ENHETSCHEF);
      const task = await taskOf("Tallbacken", "lg-genomgang-enhet");
      const other = await taskOf("Ekdungen", "lg-genomgang-enhet");
      const before = await state(t.db);
      expect(await saveTaskAction(null, form({ intent: "status", taskId: task.id, version: task.version, status: "NOT_APPLICABLE" }))).toMatchObject({
        ok: false,
        code: "INVALID",
        message: "Ange varför uppgiften inte är aktuell.",
        errors: { reason: ["Ange varför uppgiften inte är aktuell."] },
      });
      expect(await saveTaskAction(null, form({ intent: "status", taskId: other.id, version: other.version, status: "DONE" }))).toMatchObject({ ok: false, message: TASK_NOT_FOUND });
      expect(revalidatePath).not.toHaveBeenCalled();
      const stale = await saveTaskAction(null, form({ intent: "comment", taskId: task.id, version: task.version - 1, comment: "Min viktiga kommentar" }));
      expect(stale).toMatchObject({ ok: false, code: "STALE", values: { comment: "Min viktiga kommentar" } });
      expect(revalidatePath).toHaveBeenCalledWith("/checklista", "layout");
      expect(await state(t.db)).toEqual(before);

      session.user = await actorFor(t.db, VERKSAMHETSCHEF);
      expect(await saveTaskAction(null, form({ intent: "status", taskId: task.id, version: task.version, status: "DONE" }))).toMatchObject({ ok: false, message: TASK_READ_ONLY });
      expect(await state(t.db)).toEqual(before);
    });

    it("posted without JavaScript, a refused status change goes back to its list with a code, and changes nothing", async () => {
      session.user = await actorFor(t.db, ENHETSCHEF);
      const task = await taskOf("Tallbacken", "jamfor-foregaende-ar");
      const other = await taskOf("Ekdungen", "lg-genomgang-enhet");
      const next = task.status === "IN_PROGRESS" ? "DONE" : "IN_PROGRESS";
      const before = await state(t.db);
      try {
        session.referer = "http://localhost:3000/checklista?enhet=x&filter=forsenade";
        expect(await redirectedTo(postTaskAction(form({ intent: "status", taskId: task.id, version: task.version + 1, status: next })))).toBe(
          `/checklista?enhet=x&filter=forsenade&status=andrad-av-annan&om=${task.id}`,
        );
        session.referer = "http://localhost:3000/checklista/forsenade?visa=alla";
        expect(await redirectedTo(postTaskAction(form({ intent: "status", taskId: other.id, version: other.version, status: next })))).toBe(`/checklista/forsenade?visa=alla&status=finns-inte&om=${other.id}`);
        session.referer = "http://localhost:3000/admin/anvandare";
        expect(await redirectedTo(postTaskAction(form({ intent: "undo", taskId: task.id, version: task.version + 1 })))).toBe(`/checklista?status=andrad-av-annan&om=${task.id}`);
        expect(await state(t.db)).toEqual(before);
        // From JavaScript the same refusal is the answer itself, with the task as it is.
        session.script = true;
        expect(await postTaskAction(form({ intent: "status", taskId: task.id, version: task.version + 1, status: next }))).toMatchObject({ ok: false, code: "STALE", task: { id: task.id, version: task.version } });
      } finally {
        session.referer = null;
        session.script = false;
      }
    });

    it("called from JavaScript, answers with the task's new state and re-renders nothing (no revalidation, no cookie)", async () => {
      session.user = await actorFor(t.db, ENHETSCHEF);
      session.script = true;
      session.cookieSets = 0;
      try {
        const task = await taskOf("Tallbacken", "jamfor-foregaende-ar");
        const from = task.status === "DONE" ? "NOT_STARTED" : task.status;
        if (task.status === "DONE") await t.db.task.update({ where: { id: task.id }, data: { status: "NOT_STARTED", completedAt: null, doneOn: null } });
        const title = (await t.db.activityTemplate.findUniqueOrThrow({ where: { id: task.activityId } })).title;
        const done = await saveTaskAction(null, form({ intent: "status", taskId: task.id, version: task.version, status: "DONE" }));
        const message = `”${title}” är markerad som klar.`;
        expect(done).toEqual({
          ok: true,
          message,
          task: {
            id: task.id,
            version: task.version + 1,
            status: "DONE",
            comment: task.comment,
            reason: null,
            completed: expect.stringMatching(/^Klar \d+ \p{L}+ \d{4} av /u),
            justChanged: { message, undoLabel: from === "NOT_STARTED" ? "ej påbörjad" : "pågår" },
          },
        });
        // Next re-renders the page into an action's answer after revalidatePath or a cookie set (docs/decisions/033).
        expect(revalidatePath).not.toHaveBeenCalled();
        expect(session.cookieSets).toBe(0);
        // The answer is the task, not a page: a few hundred bytes.
        expect(JSON.stringify(done).length).toBeLessThan(1000);

        // A stale version answers with the task as it is now, so the browser shows someone else's change.
        const stale = await saveTaskAction(null, form({ intent: "status", taskId: task.id, version: task.version, status: "IN_PROGRESS" }));
        expect(stale).toMatchObject({ ok: false, code: "STALE", task: { id: task.id, version: task.version + 1, status: "DONE", justChanged: null } });
        // A comment says nothing to undo; Ångra answers with the status put back and nothing left to undo.
        const commented = await saveTaskAction(null, form({ intent: "comment", taskId: task.id, version: task.version + 1, comment: "Jämfört." }));
        expect(commented).toMatchObject({ ok: true, task: { version: task.version + 2, status: "DONE", comment: "Jämfört.", justChanged: null } });
        const undone = await saveTaskAction(null, form({ intent: "undo", taskId: task.id, version: task.version + 2 }));
        expect(undone).toMatchObject({ ok: true, task: { version: task.version + 3, status: from, completed: null, justChanged: null } });
        expect(revalidatePath).not.toHaveBeenCalled();
        expect(session.cookieSets).toBe(0);
      } finally {
        session.script = false;
      }
    });
  });
});
