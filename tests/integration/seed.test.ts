import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import type { Db } from "@/lib/db";
import { ensureCycleTasks } from "@/lib/cycles/instantiate";
import { loadSessionUser } from "@/lib/auth/session-user";
import { getActiveRoutines } from "@/lib/routines/queries";
import { seed } from "@/prisma/seed/seed";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { SEEDED_TODAY } from "../support/today";

describe.each(DATABASE_KINDS)("seed and queries on %s", (kind) => {
  let t: TestDatabase;
  // The seeded template is the seed's own output as of SEEDED_TODAY (helpers/templates.ts).
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  it("seeds the survey routine and the quality review routine as active, with phases and activities for the start page", async () => {
    const chief = await t.db.user.findUniqueOrThrow({ where: { email: "verksamhetschef@arshjulet.example" } });
    const actor = (await loadSessionUser(t.db, chief.id, chief.sessionVersion))!;
    const routines = await getActiveRoutines(actor, t.db);
    expect(routines.map((r) => r.routine.key)).toEqual(["brukarundersokning-hemtjanst", "kvalitetsgranskning-hemtjanst"]);
    const [routine] = routines;
    expect(routine!.title).toBe("Brukarundersökning hemtjänst");
    expect(routine!.phases.map((p) => p.name)).toEqual([
      "Inför", "Under pågående undersökning", "Efter undersökningen", "När resultatet kommer", "Uppföljning",
    ]);
    const activities = routine!.phases.flatMap((p) => p.activities);
    expect(activities).toHaveLength(35);
    const infor = routine!.phases[0]!.activities.map((a) => a.startMonth);
    expect(infor).toEqual([...infor].sort((a, b) => a! - b!));
  });

  it("creates this year's and last year's cycle with one task per unit and activity", async () => {
    const units = await t.db.unit.count({ where: { active: true } });
    const unitActivities = await t.db.activityTemplate.count({ where: { scope: "UNIT" } });
    const sharedActivities = await t.db.activityTemplate.count({ where: { scope: { not: "UNIT" } } });
    for (const year of [2025, 2026]) {
      const cycle = await t.db.cycle.findFirstOrThrow({ where: { year } });
      expect(await t.db.task.count({ where: { cycleId: cycle.id } })).toBe(units * unitActivities + sharedActivities);
    }
  });

  it("gives the current year a realistic mix of done, in progress and overdue tasks", async () => {
    const cycle = await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } });
    const count = (where: object) => t.db.task.count({ where: { cycleId: cycle.id, ...where } });
    expect(await count({ status: "DONE" })).toBeGreaterThan(100);
    expect(await count({ status: "IN_PROGRESS" })).toBeGreaterThan(0);
    expect(await count({ status: { in: ["NOT_STARTED", "IN_PROGRESS"] }, dueOn: { lt: SEEDED_TODAY } })).toBeGreaterThan(0);
    expect(await count({ status: { not: "NOT_STARTED" }, startsOn: { gt: SEEDED_TODAY } })).toBe(0);
  });

  it("keeps letters and their checklist tasks consistent", async () => {
    const dispatches = await t.db.letterDispatch.findMany({ include: { task: true } });
    expect(dispatches.length).toBeGreaterThan(0);
    for (const d of dispatches) expect(d.task.status).toBe("DONE");
  });

  it("creates a demo user for every role, with a password hash and no plain password", async () => {
    const users = await t.db.user.findMany({ include: { roleAssignments: true } });
    expect(new Set(users.flatMap((u) => u.roleAssignments.map((r) => r.role))).size).toBe(8);
    for (const u of users) expect(u.passwordHash).toMatch(/^scrypt\$/);
  });

  it("is idempotent: seeding again and re-planning a cycle create nothing", async () => {
    const before = { tasks: await t.db.task.count(), roles: await t.db.roleAssignment.count(), versions: await t.db.routineVersion.count() };
    await seed(t.db, { today: SEEDED_TODAY });
    const cycle = await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } });
    expect(await ensureCycleTasks(t.db, cycle.id)).toBe(0);
    expect({ tasks: await t.db.task.count(), roles: await t.db.roleAssignment.count(), versions: await t.db.routineVersion.count() }).toEqual(before);
  });

  it("gives a unit added during the year its tasks when the cycle is planned again", async () => {
    const area = await t.db.area.findFirstOrThrow();
    const unit = await t.db.unit.create({ data: { areaId: area.id, name: "Nya enheten" } });
    const cycle = await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } });
    const created = await ensureCycleTasks(t.db, cycle.id);
    expect(created).toBe(await t.db.activityTemplate.count({ where: { scope: "UNIT" } }));
    expect(await t.db.task.count({ where: { cycleId: cycle.id, unitId: unit.id } })).toBe(created);
  });
});

describe.each(DATABASE_KINDS)("a failing seed on %s", (kind) => {
  it("leaves the database as it was", async () => {
    const t = await createTestDatabase(kind, { content: "migrated" });
    try {
      // Break the last step of the seed: the letter records cannot be written.
      await t.db.$executeRawUnsafe('ALTER TABLE "LetterDispatch" ADD CONSTRAINT no_letters CHECK (false)');
      await expect(seed(t.db, { today: SEEDED_TODAY })).rejects.toThrow();
      expect(await t.db.organisation.count()).toBe(0);
      expect(await t.db.user.count()).toBe(0);
      expect(await t.db.task.count()).toBe(0);
    } finally {
      await t.close();
    }
  });
});

describe("the demo data", () => {
  // Keyed by what a person sees, never by generated ids, which differ between the two databases.
  async function statuses(db: Db) {
    const tasks = await db.task.findMany({
      select: { status: true, assigneeKey: true, cycle: { select: { year: true } }, activity: { select: { key: true } }, unit: { select: { name: true } }, letterDispatches: { select: { count: true, sentOn: true } } },
    });
    return Object.fromEntries(
      tasks.map((t) => [`${t.cycle.year}:${t.unit?.name ?? t.assigneeKey}:${t.activity.key}`, { status: t.status, letters: t.letterDispatches.map((l) => `${l.count}@${l.sentOn.toISOString()}`) }]),
    );
  }

  it("is the same in two databases seeded for the same day", async () => {
    const day = utcDate(2027, 4, 2);
    const [a, b] = await Promise.all(DATABASE_KINDS.map((kind) => createTestDatabase(kind, { content: "migrated" })));
    try {
      await seed(a!.db, { today: day });
      await seed(b!.db, { today: day });
      const [first, second] = [await statuses(a!.db), await statuses(b!.db)];
      expect(Object.keys(first).length).toBeGreaterThan(700);
      expect(new Set(Object.values(first).map((s) => s.status)).size).toBe(4);
      expect(second).toEqual(first);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  });
});
