import { randomBytes } from "node:crypto";
import pg from "pg";
import { createAdapterFactory, createDb, type Db, type DbTarget } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";

export const DATABASE_KINDS = ["pglite", "postgres"] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

// The server every machine has (trust auth). Overridable, but only towards this machine.
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Testerna vägrar använda en databas som inte är lokal (${host}).`);
  }
}

export type TestDatabase = { kind: DatabaseKind; target: DbTarget; db: Db; close: () => Promise<void> };

/** A fresh, migrated database of the given kind; close() drops it. */
export async function createTestDatabase(kind: DatabaseKind, { migrate = true } = {}): Promise<TestDatabase> {
  if (kind === "pglite") {
    const target: DbTarget = { kind: "pglite", dataDir: "memory://" };
    const factory = createAdapterFactory(target);
    if (migrate) await applyMigrations(factory);
    // Share the migrated in-memory instance: a second memory:// PGlite would be a different, empty database.
    const db = createDb(target, factory);
    return { kind, target, db, close: () => db.$disconnect() };
  }
  assertLocal(ADMIN_URL);
  const name = `arshjulet_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const target: DbTarget = { kind: "postgres", url: url.toString() };
  if (migrate) await applyMigrations(createAdapterFactory(target));
  const db = createDb(target);
  return {
    kind,
    target,
    db,
    close: async () => {
      await db.$disconnect();
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
