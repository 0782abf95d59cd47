import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveActivity } from "@/lib/routines/draft-mutations";
import { createDraft } from "@/lib/routines/mutations";
import { previewFollow, publishDraft } from "@/lib/routines/publish";
import { getManagedVersion } from "@/lib/routines/versions";
import { utcDate } from "@/lib/dates/cycle";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { fingerprint } from "./helpers/fingerprint";
import { activityForm, SEED_KEY, UTVECKLARE } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";

// Issue 32, item 3: publishing into an open cycle shows the tasks it would create already late and the deadlines it
// would move, with dates; each open cycle is chosen on its own; no task is created late without being listed.
const decision = { decidedBy: "Verksamhetschef hemtjänst", decidedOn: "2026-11-20", documentOwner: "Verksamhetsutvecklare hemtjänst", validity: "tills-vidare" };

describe.each(DATABASE_KINDS)("the publish preview on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  it("lists a task that following would create already late, and refuses to create one it did not list", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const routine = await t.db.routine.findFirstOrThrow({ where: { key: SEED_KEY } });
    expect(await createDraft(actor, { routineId: routine.id }, t.db)).toMatchObject({ ok: true });
    const draft = (await getManagedVersion(actor, SEED_KEY, 2, t.db))!;
    // A new activity in October: the 2026 cycle (december 2025 – november 2026) gets it with a deadline already passed.
    expect(await saveActivity(actor, { versionId: draft.id, values: activityForm({ title: "Oktoberuppföljning", key: "oktoberuppfoljning", startMonth: "10" }) }, t.db)).toMatchObject({ ok: true });
    // An existing activity moved a month later: its remaining tasks' deadlines move.
    const moving = draft.activities.find((a) => a.key === "planera-i-planeringsverktyget")!;
    expect(await saveActivity(actor, { versionId: draft.id, activityId: moving.id, values: activityForm({ title: moving.title, phase: "infor", startMonth: "11", key: moving.key }) }, t.db)).toMatchObject({ ok: true });

    const units = await t.db.unit.findMany({ where: { active: true }, select: { name: true }, orderBy: { name: "asc" } });
    const previews = await previewFollow(actor, draft.id, t.db, SEEDED_TODAY);
    const p2026 = previews.find((p) => p.year === 2026)!;
    expect(p2026.lateCreated.map((l) => ({ title: l.title, unitName: l.unitName, dueOn: l.dueOn })).sort((a, b) => a.unitName!.localeCompare(b.unitName!))).toEqual(
      units.map((u) => ({ title: "Oktoberuppföljning", unitName: u.name, dueOn: utcDate(2026, 10, 31) })).sort((a, b) => a.unitName.localeCompare(b.unitName)),
    );
    const movedOpen = await t.db.task.count({ where: { cycle: { year: 2026 }, activity: { key: moving.key }, status: { in: ["NOT_STARTED", "IN_PROGRESS"] } } });
    expect(p2026.moved).toHaveLength(movedOpen);
    for (const m of p2026.moved) expect(m).toMatchObject({ title: moving.title, dueOn: utcDate(2026, 11, 30) });
    // Every preview names its late tasks: the ones of a cycle with none are none.
    for (const p of previews) expect(p.lateCreated.every((l) => l.dueOn! < SEEDED_TODAY)).toBe(true);

    // Publishing with "ja" but without having seen the list creates nothing and says which tasks.
    const before = await fingerprint(t.db);
    const blind = await publishDraft(actor, { versionId: draft.id, ...decision, followTasks: "ja" }, t.db, SEEDED_TODAY);
    expect(blind).toMatchObject({ ok: false });
    expect(!blind.ok && blind.message).toContain("Oktoberuppföljning");
    expect(!blind.ok && blind.message).toContain("31 oktober 2026");
    expect(await fingerprint(t.db)).toEqual(before);

    // Each open cycle answered on its own: one missing answer is asked for, nothing saved.
    if (previews.length > 1) {
      const partial = await publishDraft(actor, { versionId: draft.id, ...decision, followByYear: { "2026": "ja" } }, t.db, SEEDED_TODAY);
      expect(partial).toMatchObject({ ok: false });
      expect(await fingerprint(t.db)).toEqual(before);
    }

    // With the preview's list seen, 2026 follows and every other open cycle keeps the earlier version.
    const seenLate = previews.flatMap((p) => p.lateCreated.map((l) => l.identity)).join(",");
    const followByYear = Object.fromEntries(previews.map((p) => [String(p.year), p.year === 2026 ? "ja" : "nej"]));
    const published = await publishDraft(actor, { versionId: draft.id, ...decision, followByYear, seenLate }, t.db, SEEDED_TODAY);
    expect(published).toMatchObject({ ok: true });
    expect(published.ok && published.followed.map((f) => f.year)).toEqual([2026]);
    expect(await t.db.task.count({ where: { cycle: { year: 2026 }, activity: { key: "oktoberuppfoljning" }, dueOn: utcDate(2026, 10, 31) } })).toBe(units.length);
    expect(await t.db.task.count({ where: { cycle: { year: { not: 2026 } }, activity: { key: "oktoberuppfoljning" } } })).toBe(0);
  });
});
