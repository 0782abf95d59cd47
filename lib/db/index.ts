import { mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { getEnv } from "../env.ts";
import { PrismaClient, type Prisma } from "./generated/client.ts";

/**
 * The one module that knows which database we talk to: embedded PGlite when DATABASE_URL is unset,
 * PostgreSQL through @prisma/adapter-pg when it is set. Everything else asks getDb().
 */
export type Db = InstanceType<typeof PrismaClient>;
/** The client or an open transaction: what data-access functions take so callers can compose them atomically. */
export type DbClient = Db | Prisma.TransactionClient;
/** On PostgreSQL, preparedStatements (default on) names the statements so that each connection prepares each once. */
export type DbTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string; preparedStatements?: boolean };

export function resolveDbTarget(env = getEnv()): DbTarget {
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL, preparedStatements: env.DATABASE_PREPARED_STATEMENTS === "on" }
    : { kind: "pglite", dataDir: path.resolve(env.PGLITE_DATA_DIR) };
}

/** A migration-aware adapter factory for the target; shared by the Prisma client and the migration engine. */
export function createAdapterFactory(target: DbTarget): PrismaPg | PrismaPGlite {
  if (target.kind === "postgres") {
    // pg sends a statement without a name unprepared: the adapter's type asks for a string, pg takes undefined too.
    const names = target.preparedStatements === false ? undefined : (preparedStatementNames() as (query: { sql: string }) => string);
    return new PrismaPg({ connectionString: target.url }, names ? { statementNameGenerator: names } : {});
  }
  if (target.dataDir.startsWith("memory://")) return new PrismaPGlite(new PGlite(target.dataDir));
  mkdirSync(target.dataDir, { recursive: true });
  return new PrismaPGlite(new PGlite(target.dataDir));
}

/** At most this many statements are prepared (per process, on each of its connections): see preparedStatementNames. */
const PREPARED_STATEMENTS_MAX = 1000;

/**
 * Issue 35: PostgreSQL parses and plans a statement each time it is sent, unless it is prepared on the connection once
 * and then only executed. The statements the app sends (Prisma writes one text per query shape) are named by a hash
 * of their text, so that each connection prepares each once (pg keeps the names per connection). Only the first `max`
 * texts get a name: a query whose text varies (an IN list of varying length) cannot make the server keep ever more.
 */
export function preparedStatementNames(max = PREPARED_STATEMENTS_MAX): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined || names.size >= max) return known;
    const name = `arshjulet_${createHash("sha256").update(sql).digest("base64url").slice(0, 32)}`;
    names.set(sql, name);
    return name;
  };
}

/** A new client; pass the factory to share one embedded instance with the migration engine (in-memory tests). */
export function createDb(target: DbTarget, factory = createAdapterFactory(target)): Db {
  return new PrismaClient({ adapter: factory });
}

/** A human description of the target for start-up messages; never includes a password. */
export function describeDbTarget(target: DbTarget): string {
  if (target.kind === "pglite") return `inbyggd databas (PGlite) i ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL på ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

// One client per process: PGlite allows a single process per data directory, and Next.js dev reloads modules.
const globalForDb = globalThis as unknown as { __arshjuletDb?: Db };

export function getDb(): Db {
  globalForDb.__arshjuletDb ??= createDb(resolveDbTarget());
  return globalForDb.__arshjuletDb;
}

export * from "./generated/enums.ts";
export type { Prisma } from "./generated/client.ts";
