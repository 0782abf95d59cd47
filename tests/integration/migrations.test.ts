import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createAdapterFactory } from "@/lib/db";
import { applyMigrations, diffMigrationsToSchema, EditedMigrationError, isEmptyMigration, MIGRATIONS_DIR } from "@/lib/db/migrations";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";

const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe("schema and migrations agree", () => {
  // What `npm run db:check` checks; `npm test` relies on this test for it.
  it("has no drift between schema.prisma and prisma/migrations", async () => {
    const sql = await diffMigrationsToSchema();
    expect(isEmptyMigration(sql), `schema.prisma skiljer sig från migreringarna; kör npm run db:migration -- <namn>:\n${sql}`).toBe(true);
  });
});

describe.each(DATABASE_KINDS)("migrations on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind, { content: "migrated" });
  });
  afterAll(() => t?.close());

  it("records every migration in _prisma_migrations like prisma migrate deploy", async () => {
    const rows = await t.db.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null; checksum: string }[]>(
      'SELECT migration_name, finished_at, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("applies nothing the second time", async () => {
    // On PGlite the engine must talk to the same in-memory instance as the client: a new memory:// would be empty.
    expect(await applyMigrations(t.factory ?? createAdapterFactory(t.target))).toEqual([]);
  });

  it("refuses a database where an applied migration's text has changed, and applies nothing then (issue 34)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arshjulet-migrations-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      const edited = migrationNames[3]!;
      appendFileSync(path.join(dir, edited, "migration.sql"), "\n-- changed after it was applied\n");
      mkdirSync(path.join(dir, "29991231000000_later"));
      writeFileSync(path.join(dir, "29991231000000_later", "migration.sql"), 'CREATE TABLE "LaterTable" (id int);\n');
      const factory = t.factory ?? createAdapterFactory(t.target);
      const refusal = await applyMigrations(factory, dir).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(EditedMigrationError);
      expect((refusal as EditedMigrationError).names).toEqual([edited]);
      expect((refusal as Error).message).toContain(edited);
      const later = await t.db.$queryRawUnsafe<unknown[]>("SELECT 1 FROM information_schema.tables WHERE table_name = 'LaterTable'");
      expect(later).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("creates the tables of the data model", async () => {
    const tables = await t.db.$queryRawUnsafe<{ table_name: string }[]>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(["Organisation", "Area", "Unit", "User", "RoleAssignment", "Routine", "RoutineVersion", "Phase",
        "ActivityTemplate", "Cycle", "Task", "TaskEvent", "LetterDispatch", "AuditEntry"]),
    );
  });
});
