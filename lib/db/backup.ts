import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { DbTarget } from "./index.ts";

/**
 * Backup and restore of the app's database (issue 34, docs/drift.md "Säkerhetskopiering"):
 * PostgreSQL as a pg_dump custom-format file (restored with pg_restore), the embedded PGlite database as its data
 * directory in a gzipped tar (PGlite's dumpDataDir). A restore goes only into an empty database.
 */
const run = promisify(execFile);

/** The first bytes of each kind of backup file. */
const PG_DUMP_MAGIC = "PGDMP";
const GZIP_MAGIC = [0x1f, 0x8b];

export type BackupKind = "postgres" | "pglite";

/** A refusal or a problem the operator can act on; its message is the whole Swedish explanation. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** The libpq connection parameters from DATABASE_URL, the password in the environment (not on a command line). */
function libpqConnection(url: string): { uri: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  // Prisma's own parameters (schema, connection_limit, …) are not libpq's: keep only what libpq knows.
  const keep = new Set(["sslmode", "sslrootcert", "sslcert", "sslkey", "application_name", "connect_timeout", "options", "host", "port", "user"]);
  for (const key of [...parsed.searchParams.keys()]) if (!keep.has(key)) parsed.searchParams.delete(key);
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: "arshjulet-backup" };
  if (password) env.PGPASSWORD = password;
  return { uri: parsed.toString(), env };
}

async function toolMajor(tool: "pg_dump" | "pg_restore"): Promise<number> {
  try {
    const { stdout } = await run(tool, ["--version"]);
    const major = /(\d+)(?:\.\d+)?/.exec(stdout)?.[1];
    if (!major) throw new Error(stdout);
    return Number(major);
  } catch {
    throw new BackupError(`${tool} saknas: installera PostgreSQL:s klientprogram (t.ex. paketet postgresql-client) i samma eller senare version som servern.`);
  }
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]!.v) / 10000);
  } finally {
    await client.end();
  }
}

/** Tables in the database's public schema: 0 means empty. */
async function postgresTableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** What kind of backup a file is, from its first bytes; null when it is neither. */
export function backupKindOf(file: string): BackupKind | null {
  const head = readFileSync(file).subarray(0, 5);
  if (head.toString("latin1") === PG_DUMP_MAGIC) return "postgres";
  if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return "pglite";
  return null;
}

/** Writes a backup of the target's database to `out`; returns the kind written. */
export async function backupDatabase(target: DbTarget, out: string): Promise<BackupKind> {
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  if (target.kind === "postgres") {
    const [tool, server] = await Promise.all([toolMajor("pg_dump"), serverMajor(target.url)]);
    if (tool < server) {
      throw new BackupError(`pg_dump är version ${tool} men databasservern version ${server}: pg_dump måste vara minst lika ny som servern.`);
    }
    const { uri, env } = libpqConnection(target.url);
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${out}`, `--dbname=${uri}`], { env });
    return "postgres";
  }
  if (!existsSync(path.join(target.dataDir, "PG_VERSION"))) {
    throw new BackupError(`Det finns ingen inbyggd databas i ${target.dataDir}.`);
  }
  // One process at a time per data directory: stop the app before backing up the embedded database.
  const instance = new PGlite(target.dataDir);
  try {
    await instance.waitReady; // dumpDataDir does not wait for the database to open, and never settles if called first
    const dump = await instance.dumpDataDir("gzip");
    writeFileSync(out, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await instance.close();
  }
  return "pglite";
}

/**
 * Restores the backup `file` into the target, which must be empty (no tables): otherwise a BackupError and nothing
 * is changed. A pg_dump file goes to PostgreSQL, a PGlite backup to the embedded database.
 */
export async function restoreDatabase(target: DbTarget, file: string): Promise<BackupKind> {
  if (!existsSync(file)) throw new BackupError(`Filen ${file} finns inte.`);
  const kind = backupKindOf(file);
  if (!kind) throw new BackupError(`${file} är ingen säkerhetskopia från Årshjulet (varken pg_dump i eget format eller den inbyggda databasens).`);
  if (kind !== target.kind) {
    throw new BackupError(
      kind === "postgres"
        ? "Filen är en säkerhetskopia av PostgreSQL: ange databasen i DATABASE_URL för att återställa den."
        : "Filen är en säkerhetskopia av den inbyggda databasen: ta bort DATABASE_URL och ange PGLITE_DATA_DIR för att återställa den.",
    );
  }
  const refusal = "Databasen är inte tom: återställning görs bara till en tom databas, så att inget skrivs över. Skapa en ny, tom databas och försök igen.";
  if (target.kind === "postgres") {
    if ((await postgresTableCount(target.url)) > 0) throw new BackupError(refusal);
    await toolMajor("pg_restore");
    const { uri, env } = libpqConnection(target.url);
    try {
      await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${uri}`, file], { env });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? "").split("\n").find((l) => l.trim()) ?? "";
      throw new BackupError(`pg_restore misslyckades, inget återställdes: ${stderr.replace(/postgres(ql)?:\/\/\S+/g, "postgresql://…")}`);
    }
    return "postgres";
  }
  const dataDir = target.dataDir;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new BackupError(`${dataDir} är inte tom och ingen databas: ange en tom katalog i PGLITE_DATA_DIR.`);
    const existing = new PGlite(dataDir);
    try {
      await existing.waitReady;
      const { rows } = await existing.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      if (rows[0]!.n > 0) throw new BackupError(refusal);
    } finally {
      await existing.close();
    }
  }
  // An empty directory or an initialised database without tables: PGlite loads a backup only into a new directory.
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const restored = new PGlite(dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
  await restored.waitReady;
  await restored.close();
  return "pglite";
}
