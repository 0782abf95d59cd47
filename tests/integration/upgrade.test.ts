import { createHash, randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapterFactory, createDb, type Db, type DbTarget } from "@/lib/db";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/db/migrations";
import { checkReadiness } from "@/lib/db/readiness";
import { getFeedCalendar, hashFeedToken } from "@/lib/calendar/feeds";
import { DATABASE_KINDS, type DatabaseKind } from "./helpers/databases";
import { adminUrl, databaseUrl } from "./helpers/template-names";

// Issue 34, item 5: an upgrade from the previous version's schema, with data, to this one; and a migration with a
// DO block and a function, which the runner sends to PostgreSQL whole instead of splitting it at semicolons.

/** The last migration of version 0.1.0 (CHANGELOG.md): a database made by that version has these and no later ones. */
const PREVIOUS_VERSION_LAST = "20261202203610_routine_start_month";
const ALL = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const PREVIOUS = ALL.filter((name) => name <= PREVIOUS_VERSION_LAST);
const FEED_TOKEN = "U".repeat(43);

/** Data as version 0.1.0 stored it: a verksamhet with units, users and roles, a routine, a cycle with tasks and history, a calendar feed, audit and log-in rows. */
const PREVIOUS_VERSION_DATA = `
  INSERT INTO "Organisation" ("id", "slug", "name") VALUES ('org', 'hemtjanst', 'Hemtjänst');
  INSERT INTO "Area" ("id", "organisationId", "name") VALUES ('area', 'org', 'Norr');
  INSERT INTO "Unit" ("id", "areaId", "name") VALUES ('u1', 'area', 'Lärkan'), ('u2', 'area', 'Svalan');
  INSERT INTO "User" ("id", "email", "name", "organisationId", "updatedAt") VALUES
    ('admin', 'admin@upgrade.example', 'Admin', 'org', now()), ('chef', 'chef@upgrade.example', 'Chef', 'org', now());
  INSERT INTO "RoleAssignment" ("id", "userId", "role", "organisationId", "unitId") VALUES
    ('ra1', 'admin', 'ADMIN', 'org', NULL), ('ra2', 'chef', 'ENHETSCHEF', 'org', 'u1');
  INSERT INTO "Routine" ("id", "organisationId", "key", "title", "startMonth") VALUES ('r-kg', 'org', 'kvalitetsgranskning-hemtjanst', 'Kvalitetsgranskning', 1);
  INSERT INTO "RoutineVersion" ("id", "routineId", "version", "title", "status") VALUES ('v-kg', 'r-kg', 1, 'Kvalitetsgranskning', 'ACTIVE');
  INSERT INTO "Phase" ("id", "routineVersionId", "key", "name", "position") VALUES ('p-kg', 'v-kg', 'urval', 'Urval', 0);
  INSERT INTO "ActivityTemplate" ("id", "routineVersionId", "phaseId", "key", "position", "title", "timing", "startMonth", "endMonth", "scope", "kind", "responsibleRole") VALUES
    ('a-apt', 'v-kg', 'p-kg', 'apt-information', 0, 'Informera på APT', 'MONTH', 3, 3, 'UNIT', 'APT', 'ENHETSCHEF'),
    ('a-omp', 'v-kg', 'p-kg', 'omprovningar', 1, 'Omprövningar', 'CONTINUOUS', 1, 12, 'ORGANISATION', 'CHECKLIST', 'ADMIN');
  INSERT INTO "Cycle" ("id", "organisationId", "year") VALUES ('c2026', 'org', 2026);
  INSERT INTO "Task" ("id", "cycleId", "activityId", "unitId", "assigneeKey", "startsOn", "dueOn", "status", "comment", "version", "updatedAt") VALUES
    ('t-apt-u1', 'c2026', 'a-apt', 'u1', 'u1', '2026-03-01', '2026-03-31', 'DONE', 'Klart på APT', 2, '2026-03-20'),
    ('t-apt-u2', 'c2026', 'a-apt', 'u2', 'u2', '2026-03-01', '2026-03-31', 'NOT_STARTED', NULL, 1, '2026-01-01'),
    ('t-omp', 'c2026', 'a-omp', NULL, 'ORGANISATION', '2026-01-01', '2026-12-31', 'IN_PROGRESS', NULL, 1, '2026-01-01');
  INSERT INTO "TaskEvent" ("id", "taskId", "type", "fromStatus", "toStatus", "actorId") VALUES ('e1', 't-apt-u1', 'STATUS_CHANGED', 'NOT_STARTED', 'DONE', 'chef');
  INSERT INTO "CalendarFeed" ("id", "organisationId", "unitId", "tokenHash", "createdById") VALUES ('feed', 'org', 'u1', '${hashFeedToken(FEED_TOKEN)}', 'chef');
  INSERT INTO "AuditEntry" ("id", "actorId", "action", "entityType", "entityId", "unitId") VALUES ('au1', 'chef', 'task.status', 'Task', 't-apt-u1', 'u1');
  INSERT INTO "LoginAttempt" ("id", "email", "ip", "success") VALUES ('la1', 'chef@upgrade.example', '127.0.0.1', true);
`;

type Fresh = { target: DbTarget; factory: PrismaPGlite | null; exec: (sql: string) => Promise<void>; close: () => Promise<void> };

/** An empty database of the kind: an in-memory PGlite, or a new database on the tests' PostgreSQL server. */
async function emptyDatabase(kind: DatabaseKind): Promise<Fresh> {
  if (kind === "pglite") {
    const instance = new PGlite("memory://");
    return {
      target: { kind: "pglite", dataDir: "memory://" },
      factory: new PrismaPGlite(instance),
      exec: async (sql) => void (await instance.exec(sql)),
      close: () => instance.close(),
    };
  }
  const name = `arshjulet_upgrade_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const client = new pg.Client({ connectionString: databaseUrl(name) });
  await client.connect();
  return {
    target: { kind: "postgres", url: databaseUrl(name) },
    factory: null,
    exec: async (sql) => void (await client.query(sql)),
    close: async () => {
      await client.end();
      const cleanup = new pg.Client({ connectionString: adminUrl() });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function rowCounts(db: Db, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
    counts[table] = row!.n;
  }
  return counts;
}

describe.each(DATABASE_KINDS)("upgrading on %s", (kind) => {
  let fresh: Fresh;
  let db: Db;
  const dir = mkdtempSync(path.join(tmpdir(), "arshjulet-upgrade-"));
  const copy = (names: string[]) => {
    for (const name of names) cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  };
  const factory = () => fresh.factory ?? createAdapterFactory(fresh.target);

  beforeAll(async () => {
    fresh = await emptyDatabase(kind);
    db = createDb(fresh.target, factory());
  });
  afterAll(async () => {
    await db?.$disconnect();
    await fresh?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("takes a database of the previous version, with its data, to this version: data kept, the app's queries work", async () => {
    expect(PREVIOUS.length).toBeGreaterThan(0);
    expect(PREVIOUS.length).toBeLessThan(ALL.length);
    copy(PREVIOUS);
    expect(await applyMigrations(factory(), dir)).toEqual(PREVIOUS);
    await fresh.exec(PREVIOUS_VERSION_DATA);
    const tables = ["Organisation", "Area", "Unit", "User", "RoleAssignment", "Routine", "RoutineVersion", "Phase", "ActivityTemplate",
      "Cycle", "Task", "TaskEvent", "CalendarFeed", "AuditEntry", "LoginAttempt"];
    const before = await rowCounts(db, tables);
    expect(Object.values(before).every((n) => n > 0)).toBe(true);
    expect(await checkReadiness(db)).toEqual({ ok: false, reason: "migrations_pending" });

    copy(ALL.filter((name) => !PREVIOUS.includes(name)));
    expect(await applyMigrations(factory(), dir)).toEqual(ALL.filter((name) => !PREVIOUS.includes(name)));

    expect(await rowCounts(db, tables)).toEqual(before);
    expect(await checkReadiness(db)).toEqual({ ok: true });
    const task = await db.task.findUniqueOrThrow({ where: { id: "t-apt-u1" }, select: { status: true, comment: true, version: true } });
    expect(task).toEqual({ status: "DONE", comment: "Klart på APT", version: 2 });
    const unit = await db.unit.findUniqueOrThrow({ where: { id: "u1" }, select: { name: true, closedOn: true } });
    expect(unit).toEqual({ name: "Lärkan", closedOn: null });
    // A page's query on the upgraded data: the chef's calendar feed lists the unit's task.
    const ics = await getFeedCalendar(FEED_TOKEN, "http://localhost", db, new Date(Date.UTC(2026, 5, 1)));
    expect(ics).toContain("Informera på APT");
    // The checksums recorded are those of the migration files, as before the runner sent scripts whole.
    const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(`SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows).toEqual(ALL.map((name) => ({
      migration_name: name,
      checksum: createHash("sha256").update(readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"))).digest("hex"),
    })));
  });

  it("applies a migration with a DO block and a function whose body has semicolons, whole", async () => {
    const name = "29991231000000_do_block";
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), `
CREATE TABLE "UpgradeProbe" ("id" INT PRIMARY KEY, "units" INT NOT NULL);
DO $$
DECLARE n INT;
BEGIN
  SELECT count(*) INTO n FROM "Unit";
  INSERT INTO "UpgradeProbe" ("id", "units") VALUES (1, n);
END
$$;
CREATE FUNCTION "upgrade_probe_double"(x INT) RETURNS INT LANGUAGE plpgsql AS $fn$
BEGIN
  RETURN x * 2;
END;
$fn$;
`);
    expect(await applyMigrations(factory(), dir)).toEqual([name]);
    const rows = await db.$queryRawUnsafe<{ units: number; doubled: number }[]>(`SELECT "units", "upgrade_probe_double"("units") AS doubled FROM "UpgradeProbe"`);
    expect(rows).toEqual([{ units: 2, doubled: 4 }]);
  });

  it("fails a migration with an error as a whole, records it as failed, and leaves none of its statements behind", async () => {
    const name = "29991231000001_fails_halfway";
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), `CREATE TABLE "HalfDone" ("id" INT);\nSELECT * FROM "NoSuchTable";\n`);
    await expect(applyMigrations(factory(), dir)).rejects.toThrow(/NoSuchTable/);
    const half = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM information_schema.tables WHERE table_name = 'HalfDone'`);
    expect(half).toEqual([]);
    const [row] = await db.$queryRawUnsafe<{ finished_at: Date | null }[]>(`SELECT finished_at FROM "_prisma_migrations" WHERE migration_name = $1`, name);
    expect(row?.finished_at).toBeNull();
  });
});
