import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { createDb, type Db, type DbTarget } from "@/lib/db";
import { BackupError, backupKindOf, restoreDatabase } from "@/lib/db/backup";
import { checkReadiness } from "@/lib/db/readiness";
import { createTestDatabase, type TestDatabase } from "./helpers/databases";
import { adminUrl, databaseUrl } from "./helpers/template-names";

// Issue 34, item 6: npm run backup / npm run restore on PostgreSQL (pg_dump custom format) and the embedded PGlite
// database; a restore has the same rows in every table and the app serves it; a non-empty database is refused.
const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "arshjulet-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs scripts/<name>.ts as npm run <name> does, with only the database of the test in its environment. */
async function script(name: "backup" | "restore", args: string[], db: { DATABASE_URL?: string; PGLITE_DATA_DIR?: string }) {
  const env = { ...process.env, DATABASE_URL: db.DATABASE_URL ?? "", PGLITE_DATA_DIR: db.PGLITE_DATA_DIR ?? path.join(dir, "unused") };
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

type Counter = { query: (sql: string) => Promise<Record<string, unknown>[]> };

/** The number of rows of every table in the public schema, _prisma_migrations included. */
async function countsOf(c: Counter): Promise<Record<string, number>> {
  const tables = (await c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).map((r) => String(r.tablename));
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await c.query(`SELECT count(*)::int AS n FROM "${table}"`))[0]!.n);
  return counts;
}

const prismaCounter = (db: Db): Counter => ({ query: (sql) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql) });

/** The app on the restored database: ready, and a page's query answers with the data. */
async function expectServed(db: Db) {
  expect(await checkReadiness(db)).toEqual({ ok: true });
  const admin = await db.user.findFirst({ where: { roleAssignments: { some: { role: "ADMIN" } } }, select: { active: true } });
  expect(admin).toEqual({ active: true });
  expect(await db.task.count({ where: { cycle: { organisation: { slug: { not: "" } } } } })).toBeGreaterThan(0);
}

describe("backup and restore on PostgreSQL", () => {
  let source: TestDatabase;
  const restoredName = `arshjulet_restore_${randomBytes(4).toString("hex")}`;
  const restored: DbTarget = { kind: "postgres", url: databaseUrl(restoredName) };
  const file = path.join(dir, "postgres.dump");

  beforeAll(async () => {
    source = await createTestDatabase("postgres");
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${restoredName}`);
    await admin.end();
  });
  afterAll(async () => {
    await source?.close();
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
    await admin.end();
  });

  it("npm run backup writes a pg_dump custom-format file", async () => {
    const result = await script("backup", ["--out", file], { DATABASE_URL: (source.target as { url: string }).url });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readFileSync(file).subarray(0, 5).toString("latin1")).toBe("PGDMP");
    expect(backupKindOf(file)).toBe("postgres");
  });

  it("npm run restore fills an empty database with the same rows in every table, and the app serves it", async () => {
    const result = await script("restore", [file], { DATABASE_URL: (restored as { url: string }).url });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const expected = await countsOf(prismaCounter(source.db));
    expect(Object.keys(expected).length).toBeGreaterThan(20);
    const check = createDb(restored);
    try {
      expect(await countsOf(prismaCounter(check))).toEqual(expected);
      await expectServed(check);
    } finally {
      await check.$disconnect();
    }
  });

  it("refuses to restore into a database that has tables, in Swedish with exit code 1, and changes nothing", async () => {
    const check = createDb(restored);
    try {
      await check.$executeRawUnsafe(`DELETE FROM "LoginAttempt"`);
      const before = await countsOf(prismaCounter(check));
      const result = await script("restore", [file], { DATABASE_URL: (restored as { url: string }).url });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("Databasen är inte tom");
      expect(await countsOf(prismaCounter(check))).toEqual(before);
    } finally {
      await check.$disconnect();
    }
  });

  it("refuses a file that is not a backup, and a backup of the other kind of database", async () => {
    await expect(restoreDatabase(restored, path.join(ROOT, "package.json"))).rejects.toThrow(/ingen säkerhetskopia/);
    await expect(restoreDatabase({ kind: "pglite", dataDir: path.join(dir, "other") }, file)).rejects.toThrow(/DATABASE_URL/);
  });
});

describe("backup and restore of the embedded database", () => {
  const sourceDir = path.join(dir, "pglite-source");
  const restoredDir = path.join(dir, "pglite-restored");
  const file = path.join(dir, "pglite.tar.gz");
  let expected: Record<string, number>;

  beforeAll(async () => {
    const seeded = new PGlite(sourceDir, { loadDataDir: new Blob([readFileSync(inject("templates").pglite.seeded)]) });
    expected = await countsOf({ query: async (sql) => (await seeded.query<Record<string, unknown>>(sql)).rows });
    await seeded.close();
  });

  it("npm run backup writes the data directory as a gzipped tar", async () => {
    const result = await script("backup", ["--out", file], { PGLITE_DATA_DIR: sourceDir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(backupKindOf(file)).toBe("pglite");
  });

  it("restores into a new data directory with the same rows in every table, and the app serves it", async () => {
    expect(existsSync(restoredDir)).toBe(false);
    expect(await restoreDatabase({ kind: "pglite", dataDir: restoredDir }, file)).toBe("pglite");
    // Its own instance, closed here: one PGlite at a time may open a data directory.
    const instance = new PGlite(restoredDir);
    const check = createDb({ kind: "pglite", dataDir: restoredDir }, new PrismaPGlite(instance));
    try {
      expect(Object.keys(expected).length).toBeGreaterThan(20);
      expect(await countsOf(prismaCounter(check))).toEqual(expected);
      await expectServed(check);
    } finally {
      await check.$disconnect();
      await instance.close();
    }
  });

  it("refuses to restore over a data directory with tables, in Swedish with exit code 1", async () => {
    const result = await script("restore", [file], { PGLITE_DATA_DIR: restoredDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Databasen är inte tom");
    await expect(restoreDatabase({ kind: "pglite", dataDir: restoredDir }, file)).rejects.toBeInstanceOf(BackupError);
  });
});
