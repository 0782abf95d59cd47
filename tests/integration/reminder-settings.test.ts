import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setEmailPreference, updateReminderOffsets } from "@/lib/reminders/mutations";
import { countOverdueTasks, getReminderRules } from "@/lib/reminders/queries";
import { getChecklist } from "@/lib/tasks/queries";
import { checklistParamsSchema } from "@/lib/tasks/schemas";
import { createDraft } from "@/lib/routines/mutations";
import { publishDraft } from "@/lib/routines/publish";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ENHETSCHEF, SEED_KEY, UTVECKLARE } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";

// The server action runs against the test database as a mocked signed-in user.
const session = vi.hoisted(() => ({ user: null as unknown, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => session.user,
  requirePermission: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));

describe.each(DATABASE_KINDS)("reminder settings on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  }, 120_000);
  afterAll(() => t?.close());

  const activity = () => t.db.activityTemplate.findFirstOrThrow({ where: { key: "workshop-november", routineVersion: { status: "ACTIVE", routine: { key: SEED_KEY } } } });

  it("keeps a user's e-mail choice, audited, and refuses an unknown one without changing anything", async () => {
    const actor = await actorFor(t.db, ENHETSCHEF);
    expect(await setEmailPreference(actor, { emailPreference: "DIGEST_ONLY" }, t.db)).toEqual({ ok: true, message: "Sparat: bara veckosammanfattning." });
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: "user.email-preference", entityId: actor.id } });
    expect(audit).toMatchObject({ before: { emailPreference: "ALL" }, after: { emailPreference: "DIGEST_ONLY" } });
    const audits = await t.db.auditEntry.count();
    expect(await setEmailPreference(actor, { emailPreference: "SOMETIMES" }, t.db)).toMatchObject({ ok: false, errors: { emailPreference: ["Välj vilken e-post du vill få."] } });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: actor.id } })).emailPreference).toBe("DIGEST_ONLY");
    expect(await t.db.auditEntry.count()).toBe(audits);
  });

  it("saves the settings through the server action for the signed-in user", async () => {
    const { saveEmailPreferenceAction } = await import("@/app/(app)/installningar/actions");
    const actor = await actorFor(t.db, "koordinator@arshjulet.example");
    session.user = actor;
    session.db = t.db;
    const form = new FormData();
    form.set("emailPreference", "NONE");
    const result = await saveEmailPreferenceAction(null, form);
    expect(result).toMatchObject({ ok: true });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: actor.id } })).emailPreference).toBe("NONE");
  });

  it("lets the verksamhetsutvecklare change an activity's reminder days, audited and followed by an open draft", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const routine = await t.db.routine.findFirstOrThrow({ where: { key: SEED_KEY } });
    expect(await createDraft(actor, { routineId: routine.id }, t.db)).toMatchObject({ ok: true, created: true });
    const before = await activity();
    expect(before.reminderOffsets).toEqual([-14, 0, 7]);
    const result = await updateReminderOffsets(actor, { activityId: before.id, offsets: "7, -30, 0" }, t.db);
    expect(result).toEqual({ ok: true, message: `Påminnelserna för ${before.title} är sparade: 30 dagar före, på förfallodagen och 7 dagar efter.` });
    expect((await activity()).reminderOffsets).toEqual([-30, 0, 7]);
    const draft = await t.db.activityTemplate.findFirstOrThrow({ where: { key: "workshop-november", routineVersion: { status: "DRAFT" } } });
    expect(draft.reminderOffsets).toEqual([-30, 0, 7]);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: "activity.reminders", entityId: before.id } });
    expect(audit).toMatchObject({ actorId: actor.id, before: { reminderOffsets: [-14, 0, 7] }, after: { reminderOffsets: [-30, 0, 7] } });
    const rules = await getReminderRules(actor, t.db);
    expect(rules.flatMap((v) => v.activities).find((a) => a.id === before.id)?.reminderOffsets).toEqual([-30, 0, 7]);
  });

  it("refuses bad days and other roles, and changes nothing", async () => {
    const target = await activity();
    const audits = await t.db.auditEntry.count();
    const utvecklare = await actorFor(t.db, UTVECKLARE);
    expect(await updateReminderOffsets(utvecklare, { activityId: target.id, offsets: "-100" }, t.db)).toMatchObject({
      ok: false, errors: { offsets: ["En påminnelse kan ligga högst 90 dagar före förfallodagen."] },
    });
    expect(await updateReminderOffsets(utvecklare, { activityId: target.id, offsets: "1, 2, 3, 4, 5, 6" }, t.db)).toMatchObject({ ok: false, errors: { offsets: ["Högst 5 påminnelser per aktivitet."] } });
    expect(await updateReminderOffsets(utvecklare, { activityId: "finns-inte", offsets: "0" }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/finns inte/) });
    expect(await updateReminderOffsets(await actorFor(t.db, ENHETSCHEF), { activityId: target.id, offsets: "0" }, t.db)).toEqual({ ok: false, message: "Du har inte behörighet att ändra påminnelser." });
    expect((await activity()).reminderOffsets).toEqual(target.reminderOffsets);
    expect(await t.db.auditEntry.count()).toBe(audits);
  });

  it("keeps the reminder days when the draft is published as the new version", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const draft = await t.db.routineVersion.findFirstOrThrow({ where: { status: "DRAFT", routine: { key: SEED_KEY } } });
    const published = await publishDraft(actor, { versionId: draft.id, decidedBy: "VC", decidedOn: "2026-11-20", documentOwner: "VU", validity: "tills-vidare", followTasks: "ja" }, t.db, SEEDED_TODAY);
    expect(published).toMatchObject({ ok: true });
    const active = await activity();
    expect(active.routineVersionId).toBe(draft.id);
    expect(active.reminderOffsets).toEqual([-30, 0, 7]);
  });

  it("counts as försenade exactly the checklists' försenade of the user's lists in the open cycle, and none for an admin", async () => {
    const chief = await actorFor(t.db, ENHETSCHEF);
    const overdue = await countOverdueTasks(chief, SEEDED_TODAY, t.db);
    expect(overdue).toBeGreaterThan(0);
    const first = await getChecklist(chief, checklistParamsSchema.parse({ filter: "forsenade" }), t.db, SEEDED_TODAY);
    const lists = await Promise.all(first.groups.map((g) => getChecklist(chief, checklistParamsSchema.parse({ enhet: g.key, filter: "forsenade" }), t.db, SEEDED_TODAY)));
    expect(lists.every((l) => l.year === 2026 && l.view === "mina")).toBe(true);
    expect(lists.reduce((n, l) => n + l.counts.forsenade, 0)).toBe(overdue);
    // Last year's cycle is closed: its open tasks can no longer be done and are not counted.
    const units = await t.db.unit.findMany({ where: { name: { in: ["Lärkan", "Tallbacken"] } } });
    expect(await t.db.task.count({ where: { unitId: { in: units.map((u) => u.id) }, cycle: { year: 2025 }, status: { in: ["NOT_STARTED", "IN_PROGRESS"] } } })).toBeGreaterThan(0);
    expect(await countOverdueTasks(await actorFor(t.db, "admin@arshjulet.example"), SEEDED_TODAY, t.db)).toBe(0);
  });
});
