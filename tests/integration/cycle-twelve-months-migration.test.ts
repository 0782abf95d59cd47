import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/db/migrations";
import { activityPeriod, formatDateIso } from "@/lib/dates/cycle";

const MIGRATION = "20261206150000_cycle_twelve_months";

// Issue 32, item 1: the migration that puts every task's window inside its twelve-month cycle, run on a database
// where "januari–december" activities ran a month past the end of a December cycle.
describe("the cycle_twelve_months migration", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "arshjulet-migrations-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("moves the end of a whole-year activity of a December verksamhet to November, and leaves every other task alone", async () => {
    for (const name of readdirSync(MIGRATIONS_DIR)) if (name < MIGRATION) cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    const db = new PGlite("memory://");
    const factory = new PrismaPGlite(db);
    await applyMigrations(factory, dir);
    await db.exec(`
      INSERT INTO "Organisation" ("id", "slug", "name") VALUES ('org', 'hemtjanst', 'Hemtjänst'), ('cal', 'kalenderar', 'Kalenderår');
      INSERT INTO "Area" ("id", "organisationId", "name") VALUES ('area', 'org', 'Norr');
      INSERT INTO "Unit" ("id", "areaId", "name") VALUES ('u1', 'area', 'Lärkan');
      INSERT INTO "Routine" ("id", "organisationId", "key", "title", "startMonth") VALUES
        ('r-bu', 'org', 'brukarundersokning-hemtjanst', 'Brukarundersökning', 12), ('r-kg', 'org', 'kvalitetsgranskning-hemtjanst', 'Kvalitetsgranskning', 1),
        ('r-cal', 'cal', 'kvalitetsgranskning-hemtjanst', 'Kvalitetsgranskning', 1);
      INSERT INTO "RoutineVersion" ("id", "routineId", "version", "title", "status") VALUES
        ('v-bu', 'r-bu', 1, 'B', 'ACTIVE'), ('v-kg', 'r-kg', 1, 'K', 'ACTIVE'), ('v-cal', 'r-cal', 1, 'K', 'ACTIVE');
      INSERT INTO "Phase" ("id", "routineVersionId", "key", "name", "position") VALUES
        ('p-bu', 'v-bu', 'infor', 'Inför', 0), ('p-kg', 'v-kg', 'urval', 'Urval', 0), ('p-cal', 'v-cal', 'urval', 'Urval', 0);
      INSERT INTO "ActivityTemplate" ("id", "routineVersionId", "phaseId", "key", "position", "title", "timing", "startMonth", "endMonth", "scope", "kind") VALUES
        ('a-lg', 'v-bu', 'p-bu', 'lg-genomgang-enhet', 0, 'Genomgång i LG', 'MONTH', 12, 12, 'UNIT', 'MEETING'),
        ('a-apt', 'v-bu', 'p-bu', 'apt-information', 1, 'APT', 'MONTH', 1, 1, 'UNIT', 'APT'),
        ('a-fokus', 'v-bu', 'p-bu', 'folj-upp-fokusomraden', 2, 'Följ upp fokusområden', 'CONTINUOUS', 1, 12, 'UNIT', 'CHECKLIST'),
        ('a-omp', 'v-kg', 'p-kg', 'omprovningar', 0, 'Omprövningar', 'CONTINUOUS', 1, 12, 'ORGANISATION', 'CHECKLIST'),
        ('a-cal', 'v-cal', 'p-cal', 'omprovningar', 0, 'Omprövningar', 'CONTINUOUS', 1, 12, 'ORGANISATION', 'CHECKLIST');
      INSERT INTO "Cycle" ("id", "organisationId", "year") VALUES ('c2026', 'org', 2026), ('c2027', 'org', 2027), ('cal2026', 'cal', 2026);
      INSERT INTO "Task" ("id", "cycleId", "activityId", "unitId", "assigneeKey", "startsOn", "dueOn", "status", "plannedOn", "comment", "version", "updatedAt") VALUES
        ('t26-fokus', 'c2026', 'a-fokus', 'u1', 'u1', '2026-01-01', '2026-12-31', 'DONE', '2026-06-10', 'Klart', 3, '2026-06-11'),
        ('t26-omp', 'c2026', 'a-omp', NULL, 'ORGANISATION', '2026-01-01', '2026-12-31', 'IN_PROGRESS', NULL, NULL, 2, '2026-06-01'),
        ('t26-apt', 'c2026', 'a-apt', 'u1', 'u1', '2026-01-01', '2026-01-31', 'DONE', NULL, NULL, 2, '2026-01-30'),
        ('t27-lg', 'c2027', 'a-lg', 'u1', 'u1', '2026-12-01', '2026-12-31', 'NOT_STARTED', NULL, NULL, 1, '2026-11-20'),
        ('t27-fokus', 'c2027', 'a-fokus', 'u1', 'u1', '2027-01-01', '2027-12-31', 'NOT_STARTED', NULL, NULL, 1, '2026-11-20'),
        ('cal-omp', 'cal2026', 'a-cal', NULL, 'ORGANISATION', '2026-01-01', '2026-12-31', 'NOT_STARTED', NULL, NULL, 1, '2026-01-01');
      INSERT INTO "TaskEvent" ("id", "taskId", "type", "fromStatus", "toStatus") VALUES ('e1', 't26-fokus', 'STATUS_CHANGED', 'NOT_STARTED', 'DONE');
    `);
    cpSync(path.join(MIGRATIONS_DIR, MIGRATION), path.join(dir, MIGRATION), { recursive: true });
    await applyMigrations(factory, dir);

    const tasks = await db.query<Record<string, unknown>>(
      `SELECT t."id", c."year", t."status", to_char(t."startsOn", 'YYYY-MM-DD') AS "startsOn", to_char(t."dueOn", 'YYYY-MM-DD') AS "dueOn", to_char(t."plannedOn", 'YYYY-MM-DD') AS "plannedOn", t."comment", t."version"
       FROM "Task" t JOIN "Cycle" c ON c."id" = t."cycleId" ORDER BY t."id"`,
    );
    expect(tasks.rows).toEqual([
      // A calendar-year verksamhet: January–December is its whole cycle already.
      { id: "cal-omp", year: 2026, status: "NOT_STARTED", startsOn: "2026-01-01", dueOn: "2026-12-31", plannedOn: null, comment: null, version: 1 },
      // Both "januari–december" activities (a December and a January routine) now run december–november, status, plan and comment kept.
      { id: "t26-apt", year: 2026, status: "DONE", startsOn: "2026-01-01", dueOn: "2026-01-31", plannedOn: null, comment: null, version: 2 },
      { id: "t26-fokus", year: 2026, status: "DONE", startsOn: "2025-12-01", dueOn: "2026-11-30", plannedOn: "2026-06-10", comment: "Klart", version: 3 },
      { id: "t26-omp", year: 2026, status: "IN_PROGRESS", startsOn: "2025-12-01", dueOn: "2026-11-30", plannedOn: null, comment: null, version: 2 },
      { id: "t27-fokus", year: 2027, status: "NOT_STARTED", startsOn: "2026-12-01", dueOn: "2027-11-30", plannedOn: null, comment: null, version: 1 },
      { id: "t27-lg", year: 2027, status: "NOT_STARTED", startsOn: "2026-12-01", dueOn: "2026-12-31", plannedOn: null, comment: null, version: 1 },
    ]);
    // The migration and the app agree: the window the app gives a new "januari–december" task of cycle 2027.
    const period = activityPeriod(2027, { startMonth: 1, endMonth: 12 }, 12);
    expect([formatDateIso(period.startsOn!), formatDateIso(period.dueOn!)]).toEqual(["2026-12-01", "2027-11-30"]);
    // No month belongs to two cycles of a verksamhet any longer.
    const shared = await db.query(
      `SELECT 1 FROM "Task" a JOIN "Cycle" ca ON ca."id" = a."cycleId" JOIN "Task" b ON b."id" <> a."id" JOIN "Cycle" cb ON cb."id" = b."cycleId"
       WHERE ca."organisationId" = cb."organisationId" AND ca."year" < cb."year" AND a."dueOn" >= b."startsOn"`,
    );
    expect(shared.rows).toEqual([]);
    const events = await db.query<{ id: string; taskId: string }>(`SELECT "id", "taskId" FROM "TaskEvent"`);
    expect(events.rows).toEqual([{ id: "e1", taskId: "t26-fokus" }]);
    await db.close();
  });
});
