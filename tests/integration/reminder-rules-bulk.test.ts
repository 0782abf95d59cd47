import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getReminderRules } from "@/lib/reminders/queries";
import { updateManyReminderOffsets } from "@/lib/reminders/mutations";
import { formatOffsets } from "@/lib/reminders/rules";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ENHETSCHEF, UTVECKLARE } from "./helpers/routine-fixtures";

// The server action runs against the test database as a mocked signed-in user.
const session = vi.hoisted(() => ({ user: null as unknown, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ requireUser: async () => session.user, requirePermission: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));

const { saveReminderRulesAction } = await import("@/app/(app)/paminnelser/actions");

describe.each(DATABASE_KINDS)("reminder days of many activities with one Spara on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    session.db = t.db;
    session.user = await actorFor(t.db, UTVECKLARE);
  }, 120_000);
  afterAll(() => t?.close());

  /** The page's form for the first active routine, as the browser posts it, with some rows changed. */
  async function pageForm(changes: Record<string, string> = {}) {
    const [version] = await getReminderRules(await actorFor(t.db, UTVECKLARE), t.db);
    const data = new FormData();
    for (const a of version!.activities) {
      data.append("activityId", a.id);
      data.set(`offsets-${a.id}`, changes[a.title] ?? formatOffsets(a.reminderOffsets));
    }
    return { data, activities: version!.activities };
  }
  const days = async () => Object.fromEntries((await t.db.activityTemplate.findMany({ select: { id: true, reminderOffsets: true } })).map((a) => [a.id, a.reminderOffsets]));
  const audits = () => t.db.auditEntry.findMany({ where: { action: "activity.reminders" }, orderBy: { at: "asc" } });

  it("writes nothing when no row was changed", async () => {
    const before = { days: await days(), audits: (await audits()).length };
    const { data, activities } = await pageForm();
    expect(activities.length).toBeGreaterThan(10);
    expect(await saveReminderRulesAction(null, data)).toEqual({ ok: true, message: "Inget var ändrat, så inget sparades." });
    expect(await days()).toEqual(before.days);
    expect((await audits()).length).toBe(before.audits);
  });

  it("saves two changed rows with one Spara: one audit entry per changed activity, the other rows untouched", async () => {
    const before = { days: await days(), audits: (await audits()).length };
    const { activities } = await pageForm();
    const [first, second] = activities.filter((a) => a.title.startsWith("Brukarbrev"));
    const { data } = await pageForm({ [first!.title]: "-30, 0", [second!.title]: "" });
    const result = await saveReminderRulesAction(null, data);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("2 aktiviteter") });
    const after = await days();
    expect(after[first!.id]).toEqual([-30, 0]);
    expect(after[second!.id]).toEqual([]);
    const others = Object.keys(before.days).filter((id) => id !== first!.id && id !== second!.id);
    expect(others.every((id) => JSON.stringify(after[id]) === JSON.stringify(before.days[id]))).toBe(true);
    const entries = (await audits()).slice(before.audits);
    expect(entries.map((e) => e.entityId).sort()).toEqual([first!.id, second!.id].sort());
    expect(entries.find((e) => e.entityId === first!.id)).toMatchObject({ before: { reminderOffsets: first!.reminderOffsets }, after: { reminderOffsets: [-30, 0] } });
  });

  it("saves nothing when one row is bad, says which, and gives back what was typed", async () => {
    const before = { days: await days(), audits: (await audits()).length };
    const { activities } = await pageForm();
    const [good, bad] = activities;
    const { data } = await pageForm({ [good!.title]: "-7", [bad!.title]: "-100" });
    const result = await saveReminderRulesAction(null, data);
    expect(result).toMatchObject({
      ok: false,
      message: "En rad behöver rättas; inget är sparat.",
      errors: { [`offsets-${bad!.id}`]: ["En påminnelse kan ligga högst 90 dagar före förfallodagen."] },
      values: { [good!.id]: "-7", [bad!.id]: "-100" },
    });
    expect(await days()).toEqual(before.days);
    expect((await audits()).length).toBe(before.audits);
  });

  it("refuses an activity outside the actor's routines and another role, rolling back the rows before it", async () => {
    const before = { days: await days(), audits: (await audits()).length };
    const { activities } = await pageForm();
    expect(await updateManyReminderOffsets(await actorFor(t.db, UTVECKLARE), [{ activityId: activities[0]!.id, offsets: "-1" }, { activityId: "finns-inte", offsets: "0" }], t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/finns inte/) });
    expect(await updateManyReminderOffsets(await actorFor(t.db, ENHETSCHEF), [{ activityId: activities[0]!.id, offsets: "-1" }], t.db)).toEqual({ ok: false, message: "Du har inte behörighet att ändra påminnelser." });
    expect(await days()).toEqual(before.days);
    expect((await audits()).length).toBe(before.audits);
  });
});
