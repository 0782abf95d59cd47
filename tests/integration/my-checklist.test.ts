import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { can } from "@/lib/auth/permissions";
import { countOverdueTasks, getChecklist } from "@/lib/tasks/queries";
import { checklistParamsSchema, JUST_CHANGED_COOKIE } from "@/lib/tasks/schemas";
import { NOTHING_TO_UNDO } from "@/lib/tasks/mutations";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ENHETSCHEF, UTVECKLARE, VERKSAMHETSCHEF } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";
import { form } from "./helpers/form";

// The server action runs against the test database as a mocked signed-in user, with a cookie jar of its own.
const session = vi.hoisted(() => ({ user: null as unknown, db: null as unknown, cookies: new Map<string, string>() }));
vi.mock("@/lib/auth/session", () => ({ requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (session.cookies.has(name) ? { name, value: session.cookies.get(name) } : undefined),
    set: (name: string, value: string) => session.cookies.set(name, value),
    delete: (name: string) => session.cookies.delete(name),
  }),
  // A plain form post: no Next-Action header, so the page is re-rendered with the cookie (as without JavaScript).
  headers: async () => new Headers(),
}));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));

const { saveTaskAction } = await import("@/app/(app)/checklista/actions");

const KOORDINATOR = "koordinator@arshjulet.example";
const params = (over: Record<string, string> = {}) => checklistParamsSchema.parse(over);
const tasksOf = (list: Awaited<ReturnType<typeof getChecklist>>) => list.phases.flatMap((p) => p.tasks);
const mayChange = (actor: Parameters<typeof can>[0], t: ReturnType<typeof tasksOf>[number]) =>
  can(actor, "task:update", { organisationId: t.cycle.organisationId, unitId: t.unitId, assigneeKey: t.assigneeKey, responsibleRole: t.activity.responsibleRole });


describe.each(DATABASE_KINDS)("Min checklista on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    session.db = t.db;
  });
  afterAll(() => t?.close());

  it("shows the koordinator by default only the tasks the permission table lets them change, and the whole unit on ?visa=enhet", async () => {
    const koordinator = await actorFor(t.db, KOORDINATOR);
    const mine = await getChecklist(koordinator, params(), t.db, SEEDED_TODAY);
    const lärkan = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    const own = await t.db.task.count({ where: { cycle: { year: 2026 }, unitId: lärkan.id, activity: { responsibleRole: "KOORDINATOR" } } });
    const all = await t.db.task.count({ where: { cycle: { year: 2026 }, unitId: lärkan.id } });
    expect(own).toBeLessThan(all);
    expect(mine.view).toBe("mina");
    expect(tasksOf(mine)).toHaveLength(own);
    expect(tasksOf(mine).every((x) => x.canUpdate && mayChange(koordinator, x))).toBe(true);
    expect(mine.summary.total).toBe(own);
    expect(mine.viewCounts).toEqual({ mina: own, enhet: all });

    const whole = await getChecklist(koordinator, params({ visa: "enhet" }), t.db, SEEDED_TODAY);
    expect(whole.view).toBe("enhet");
    expect(tasksOf(whole)).toHaveLength(all);
    expect(tasksOf(whole).some((x) => !x.canUpdate)).toBe(true);
  });

  it("shows the utvecklare by default only the utvecklare's verksamhet tasks, and another unit's list whole (no switch)", async () => {
    const utvecklare = await actorFor(t.db, UTVECKLARE);
    const mine = await getChecklist(utvecklare, params(), t.db, SEEDED_TODAY);
    expect(mine.group).toMatchObject({ key: "verksamhet", editable: true });
    const own = await t.db.task.count({ where: { cycle: { year: 2026 }, unitId: null, assigneeKey: "ORGANISATION", activity: { responsibleRole: "VERKSAMHETSUTVECKLARE" } } });
    const all = await t.db.task.count({ where: { cycle: { year: 2026 }, unitId: null, assigneeKey: "ORGANISATION" } });
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(all);
    expect(tasksOf(mine)).toHaveLength(own);
    expect(tasksOf(mine).every((x) => x.activity.responsibleRole === "VERKSAMHETSUTVECKLARE" && x.canUpdate)).toBe(true);
    expect(tasksOf(await getChecklist(utvecklare, params({ visa: "enhet" }), t.db, SEEDED_TODAY))).toHaveLength(all);

    const lärkan = mine.groups.find((g) => g.label === "Lärkan")!;
    const unit = await getChecklist(utvecklare, params({ enhet: lärkan.key }), t.db, SEEDED_TODAY);
    expect(unit.viewCounts).toBeNull();
    expect(unit.view).toBe("enhet");
    expect(tasksOf(unit).length).toBeGreaterThan(0);
  });

  it.each([KOORDINATOR, UTVECKLARE, ENHETSCHEF, VERKSAMHETSCHEF])("counts försenade for %s in the menu badge as the checklist does", async (email) => {
    const actor = await actorFor(t.db, email);
    const first = await getChecklist(actor, params(), t.db, SEEDED_TODAY);
    const editable = first.groups.filter((g) => g.editable);
    let onPages = 0;
    for (const g of editable) {
      const list = await getChecklist(actor, params({ enhet: g.key }), t.db, SEEDED_TODAY);
      const late = await getChecklist(actor, params({ enhet: g.key, filter: "forsenade" }), t.db, SEEDED_TODAY);
      expect(tasksOf(late)).toHaveLength(list.counts.forsenade);
      onPages += list.counts.forsenade;
    }
    const badge = await countOverdueTasks(actor, SEEDED_TODAY, t.db);
    expect(badge).toBe(onPages);
    if (email === ENHETSCHEF) expect(badge).toBeGreaterThan(0);
    // The koordinator's unit has försenade tasks that are not the koordinator's: the whole list counts more.
    if (email === KOORDINATOR) expect((await getChecklist(actor, params({ visa: "enhet" }), t.db, SEEDED_TODAY)).counts.forsenade).toBeGreaterThan(badge);
  });

  it("keeps a task ticked under Att göra in view with Ångra, and Ångra restores the status before (audited, version-checked)", async () => {
    const chef = await actorFor(t.db, ENHETSCHEF);
    session.user = chef;
    const before = tasksOf(await getChecklist(chef, params({ filter: "att-gora" }), t.db, SEEDED_TODAY));
    const task = before.find((x) => x.activity.kind !== "LETTER")!;
    expect(["NOT_STARTED", "IN_PROGRESS"]).toContain(task.status);
    const was = task.status;
    const done = await saveTaskAction(null, form({ intent: "status", taskId: task.id, version: task.version, status: "DONE" }));
    expect(done).toMatchObject({ ok: true, message: `”${task.activity.title}” är markerad som klar.` });
    expect(session.cookies.get(JUST_CHANGED_COOKIE)).toBe(task.id);

    // Without the cookie the ticked task has left "Att göra"; with it, it stays, marked, with what Ångra restores.
    const without = tasksOf(await getChecklist(chef, params({ filter: "att-gora" }), t.db, SEEDED_TODAY));
    expect(without.map((x) => x.id)).not.toContain(task.id);
    const kept = tasksOf(await getChecklist(chef, params({ filter: "att-gora" }), t.db, SEEDED_TODAY, task.id)).find((x) => x.id === task.id);
    expect(kept).toMatchObject({ kept: true, undoTo: was, status: "DONE" });

    // A stale version is refused and changes nothing.
    const audits = await t.db.auditEntry.count({ where: { entityId: task.id } });
    const stale = await saveTaskAction(null, form({ intent: "undo", taskId: task.id, version: task.version }));
    expect(stale).toMatchObject({ ok: false, code: "STALE" });
    expect(await t.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "DONE", version: task.version + 1 });

    const undone = await saveTaskAction(null, form({ intent: "undo", taskId: task.id, version: task.version + 1 }));
    const said = was === "NOT_STARTED" ? "är återställd till ej påbörjad" : "är markerad som pågående";
    expect(undone).toMatchObject({ ok: true, message: `Ångrat. ”${task.activity.title}” ${said}.` });
    expect(await t.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: was, version: task.version + 2, completedAt: null });
    expect(session.cookies.has(JUST_CHANGED_COOKIE)).toBe(false);
    const entries = await t.db.auditEntry.findMany({ where: { entityId: task.id, action: "task.status" }, orderBy: { at: "asc" } });
    expect(entries).toHaveLength(audits + 1);
    expect(entries.at(-1)).toMatchObject({ actorId: chef.id, before: { status: "DONE" }, after: { status: was } });

    // Nothing of theirs left to undo: refused, nothing written.
    const again = await saveTaskAction(null, form({ intent: "undo", taskId: task.id, version: task.version + 2 }));
    expect(again).toMatchObject({ ok: false, message: NOTHING_TO_UNDO });
    expect(await t.db.auditEntry.count({ where: { entityId: task.id } })).toBe(audits + 1);
  });
});
