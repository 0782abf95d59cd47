import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/db/migrations";

const MIGRATION = "20261202203610_routine_start_month";

// Issue 21, item 5: the migration that gives the brukarundersökning its December start and moves its December tasks
// to the cycle of the next year, run on a database that has two years of cycles with history.
describe("the routine_start_month migration", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "arshjulet-migrations-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("moves every December task of the brukarundersökning to the next cycle with its id, status, history, plan and letters", async () => {
    for (const name of readdirSync(MIGRATIONS_DIR)) if (name < MIGRATION) cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    const db = new PGlite("memory://");
    const factory = new PrismaPGlite(db);
    await applyMigrations(factory, dir);
    await db.exec(`
      INSERT INTO "Organisation" ("id", "slug", "name") VALUES ('org', 'hemtjanst', 'Hemtjänst');
      INSERT INTO "Area" ("id", "organisationId", "name") VALUES ('area', 'org', 'Norr');
      INSERT INTO "Unit" ("id", "areaId", "name") VALUES ('u1', 'area', 'Lärkan');
      INSERT INTO "Routine" ("id", "organisationId", "key", "title") VALUES
        ('r-bu', 'org', 'brukarundersokning-hemtjanst', 'Brukarundersökning'), ('r-kg', 'org', 'kvalitetsgranskning-hemtjanst', 'Kvalitetsgranskning');
      INSERT INTO "RoutineVersion" ("id", "routineId", "version", "title", "status") VALUES ('v-bu', 'r-bu', 1, 'B', 'ACTIVE'), ('v-kg', 'r-kg', 1, 'K', 'ACTIVE');
      INSERT INTO "Phase" ("id", "routineVersionId", "key", "name", "position") VALUES ('p-bu', 'v-bu', 'infor', 'Inför', 0), ('p-kg', 'v-kg', 'urval', 'Urval', 0);
      INSERT INTO "ActivityTemplate" ("id", "routineVersionId", "phaseId", "key", "position", "title", "timing", "startMonth", "endMonth", "scope", "kind", "letterNumber") VALUES
        ('a-lg', 'v-bu', 'p-bu', 'lg-genomgang-enhet', 0, 'Genomgång i LG', 'MONTH', 12, 12, 'UNIT', 'MEETING', NULL),
        ('a-brev', 'v-bu', 'p-bu', 'brev-december', 1, 'Brev i december', 'MONTH', 12, 12, 'UNIT', 'LETTER', 1),
        ('a-apt', 'v-bu', 'p-bu', 'apt-information', 2, 'APT', 'MONTH', 1, 1, 'UNIT', 'APT', NULL),
        ('a-omp', 'v-kg', 'p-kg', 'omprovningar', 0, 'Omprövningar', 'CONTINUOUS', 1, 12, 'ORGANISATION', 'CHECKLIST', NULL);
      INSERT INTO "Cycle" ("id", "organisationId", "year") VALUES ('c2025', 'org', 2025), ('c2026', 'org', 2026);
      INSERT INTO "Task" ("id", "cycleId", "activityId", "unitId", "assigneeKey", "startsOn", "dueOn", "status", "plannedOn", "plannedPlace", "comment", "version", "updatedAt") VALUES
        ('t25-lg', 'c2025', 'a-lg', 'u1', 'u1', '2025-12-01', '2025-12-31', 'DONE', '2025-12-10', 'Rum 1', 'Klart', 3, '2025-12-11'),
        ('t25-brev', 'c2025', 'a-brev', 'u1', 'u1', '2025-12-01', '2025-12-31', 'DONE', NULL, NULL, NULL, 2, '2025-12-11'),
        ('t25-apt', 'c2025', 'a-apt', 'u1', 'u1', '2025-01-01', '2025-01-31', 'DONE', NULL, NULL, NULL, 2, '2025-01-30'),
        ('t26-lg', 'c2026', 'a-lg', 'u1', 'u1', '2026-12-01', '2026-12-31', 'IN_PROGRESS', NULL, NULL, NULL, 2, '2026-11-20'),
        ('t26-brev', 'c2026', 'a-brev', 'u1', 'u1', '2026-12-01', '2026-12-31', 'NOT_STARTED', NULL, NULL, NULL, 1, '2026-11-20'),
        ('t26-apt', 'c2026', 'a-apt', 'u1', 'u1', '2026-01-01', '2026-01-31', 'DONE', NULL, NULL, NULL, 2, '2026-01-30'),
        ('t26-omp', 'c2026', 'a-omp', NULL, 'ORGANISATION', '2026-01-01', '2026-12-31', 'IN_PROGRESS', NULL, NULL, NULL, 2, '2026-06-01');
      INSERT INTO "TaskEvent" ("id", "taskId", "type", "fromStatus", "toStatus") VALUES
        ('e1', 't25-lg', 'STATUS_CHANGED', 'NOT_STARTED', 'DONE'), ('e2', 't26-lg', 'STATUS_CHANGED', 'NOT_STARTED', 'IN_PROGRESS'), ('e3', 't25-brev', 'LETTER_RECORDED', NULL, NULL);
      INSERT INTO "LetterDispatch" ("id", "cycleId", "unitId", "taskId", "letterNumber", "sentOn", "count", "method", "updatedAt") VALUES
        ('d1', 'c2025', 'u1', 't25-brev', 1, '2025-12-05', 40, 'POST', '2025-12-05');
    `);
    cpSync(path.join(MIGRATIONS_DIR, MIGRATION), path.join(dir, MIGRATION), { recursive: true });
    await applyMigrations(factory, dir);

    const routines = await db.query<{ key: string; startMonth: number }>(`SELECT "key", "startMonth" FROM "Routine" ORDER BY "key"`);
    expect(routines.rows).toEqual([
      { key: "brukarundersokning-hemtjanst", startMonth: 12 },
      { key: "kvalitetsgranskning-hemtjanst", startMonth: 1 },
    ]);
    const cycles = await db.query<{ id: string; year: number }>(`SELECT "id", "year" FROM "Cycle" ORDER BY "year"`);
    expect(cycles.rows.map((c) => c.year)).toEqual([2025, 2026, 2027]);
    const c2027 = cycles.rows.find((c) => c.year === 2027)!.id;
    const tasks = await db.query<Record<string, unknown>>(
      `SELECT t."id", c."year", t."assigneeKey", t."status", to_char(t."dueOn", 'YYYY-MM-DD') AS "dueOn", to_char(t."plannedOn", 'YYYY-MM-DD') AS "plannedOn", t."plannedPlace", t."comment", t."version"
       FROM "Task" t JOIN "Cycle" c ON c."id" = t."cycleId" ORDER BY t."id"`,
    );
    expect(tasks.rows).toEqual([
      // December 2025 now opens the 2026 cycle, December 2026 the 2027 cycle (created): dates, status and plan kept.
      { id: "t25-apt", year: 2025, assigneeKey: "u1", status: "DONE", dueOn: "2025-01-31", plannedOn: null, plannedPlace: null, comment: null, version: 2 },
      { id: "t25-brev", year: 2026, assigneeKey: "u1", status: "DONE", dueOn: "2025-12-31", plannedOn: null, plannedPlace: null, comment: null, version: 2 },
      { id: "t25-lg", year: 2026, assigneeKey: "u1", status: "DONE", dueOn: "2025-12-31", plannedOn: "2025-12-10", plannedPlace: "Rum 1", comment: "Klart", version: 3 },
      { id: "t26-apt", year: 2026, assigneeKey: "u1", status: "DONE", dueOn: "2026-01-31", plannedOn: null, plannedPlace: null, comment: null, version: 2 },
      { id: "t26-brev", year: 2027, assigneeKey: "u1", status: "NOT_STARTED", dueOn: "2026-12-31", plannedOn: null, plannedPlace: null, comment: null, version: 1 },
      { id: "t26-lg", year: 2027, assigneeKey: "u1", status: "IN_PROGRESS", dueOn: "2026-12-31", plannedOn: null, plannedPlace: null, comment: null, version: 2 },
      // The quality review starts in January: its December stays in the calendar year.
      { id: "t26-omp", year: 2026, assigneeKey: "ORGANISATION", status: "IN_PROGRESS", dueOn: "2026-12-31", plannedOn: null, plannedPlace: null, comment: null, version: 2 },
    ]);
    const events = await db.query<{ id: string; taskId: string }>(`SELECT "id", "taskId" FROM "TaskEvent" ORDER BY "id"`);
    expect(events.rows).toEqual([{ id: "e1", taskId: "t25-lg" }, { id: "e2", taskId: "t26-lg" }, { id: "e3", taskId: "t25-brev" }]);
    const letters = await db.query<{ id: string; year: number; letterNumber: number }>(`SELECT d."id", c."year", d."letterNumber" FROM "LetterDispatch" d JOIN "Cycle" c ON c."id" = d."cycleId"`);
    expect(letters.rows).toEqual([{ id: "d1", year: 2026, letterNumber: 1 }]);
    expect(c2027).toMatch(/^cyc/);
    // The unique keys hold after the move: a second December task for the same unit in 2027 is refused.
    await expect(db.query(`INSERT INTO "Task" ("id", "cycleId", "activityId", "unitId", "assigneeKey", "updatedAt") VALUES ('dup', '${c2027}', 'a-lg', 'u1', 'u1', now())`)).rejects.toThrow();
    await db.close();
  });
});
