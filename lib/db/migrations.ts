import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * Migrations without the native Prisma CLI engine: Prisma's own schema engine compiled to WebAssembly,
 * driven through a driver adapter. Writes and applies migrations in Prisma's folder format and records
 * them in _prisma_migrations exactly as `prisma migrate deploy` does. Used by scripts/db.ts and the tests.
 */
export const PRISMA_DIR = path.resolve(import.meta.dirname, "../../prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const EMPTY_MIGRATION = "-- This is an empty migration.";

const NO_FILTER = { externalTables: [], externalEnums: [] };
let wasmReady: Promise<void> | undefined;

// The package's ESM entry imports the .wasm file directly, which Node 20 only allows behind a flag;
// instantiating it by hand works on every Node version and in vitest.
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    (engineBindings as unknown as { __wbg_set_wasm: (w: unknown) => void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

type ScriptDriver = { exec?: (sql: string) => Promise<unknown>; query?: (sql: string) => Promise<unknown> };
type AdapterInternals = { client?: ScriptDriver; underlyingDriver?: () => ScriptDriver; onError?: (e: unknown) => never };

/**
 * The adapter with executeScript sending the migration's whole text to PostgreSQL in one go, as `prisma migrate deploy`
 * and psql do, instead of @prisma/adapter-pg's split at every semicolon (which breaks DO blocks and functions with
 * $$ bodies). On pg a query without parameters goes over the simple query protocol, which takes several statements;
 * on PGlite exec() does the same, and is awaited here so that a failing migration fails (the adapter drops its promise).
 * PostgreSQL runs such a text as one implicit transaction, so a failing migration leaves nothing half-applied.
 */
function wholeScriptAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const internals = adapter as unknown as AdapterInternals;
  const driver = internals.underlyingDriver?.() ?? internals.client;
  if (!driver) return adapter;
  adapter.executeScript = async (script: string) => {
    try {
      if (typeof driver.exec === "function") await driver.exec(script);
      else if (typeof driver.query === "function") await driver.query(script);
      else throw new Error("Okänd databasdrivrutin för migreringar.");
    } catch (error) {
      if (internals.onError) internals.onError.call(adapter, error);
      throw error;
    }
  };
  return adapter;
}

/** The factory with every adapter it hands out running scripts whole (wholeScriptAdapter); checksums are unaffected. */
export function wholeScriptFactory(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wholeScriptAdapter(await factory.connect()),
    connectToShadowDb: async () => wholeScriptAdapter(await factory.connectToShadowDb()),
  };
}

async function openEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  await loadWasm();
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const Engine = (engineBindings as unknown as { SchemaEngine: typeof SchemaEngine }).SchemaEngine;
  return Engine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(wholeScriptFactory(factory)));
}

export function readMigrationList(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} saknas` },
        },
      };
    }),
  };
}

/** A migration already applied to the database whose text in prisma/migrations has changed since (issue 34). */
export class EditedMigrationError extends Error {
  constructor(readonly names: string[]) {
    super(
      `Databasen vägrar uppgraderas: ${names.length === 1 ? "migreringen" : "migreringarna"} ${names.join(", ")} har ändrats sedan ${names.length === 1 ? "den" : "de"} kördes i databasen. ` +
        "En migrering som har körts får aldrig ändras: återställ filen och lägg ändringen i en ny migrering.",
    );
    this.name = "EditedMigrationError";
  }
}

/**
 * Applies every migration not yet recorded in _prisma_migrations; returns the names applied now. The engine records
 * each applied migration's SHA-256 checksum there; a database where an applied migration's text has changed since
 * is refused with EditedMigrationError before anything is applied (what `prisma migrate deploy` only warns about).
 */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, dir = MIGRATIONS_DIR) {
  const engine = await openEngine(factory);
  try {
    const migrationsList = readMigrationList(dir);
    const diagnosis = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER });
    if (diagnosis.editedMigrationNames.length > 0) throw new EditedMigrationError([...diagnosis.editedMigrationNames].sort());
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** SQL that takes the migrations to schema.prisma; EMPTY_MIGRATION when they agree. Runs on an in-memory PGlite. */
export async function diffMigrationsToSchema(dir = MIGRATIONS_DIR): Promise<string> {
  const engine = await openEngine(new PrismaPGlite(new PGlite()));
  try {
    const list = readMigrationList(dir);
    const from = list.migrationDirectories.length ? { tag: "migrations" as const, ...list } : { tag: "empty" as const };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, "utf8") }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return (result.stdout ?? "").trim();
  } finally {
    engine.free();
  }
}

export function isEmptyMigration(sql: string): boolean {
  return sql === "" || sql === EMPTY_MIGRATION;
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema diff; returns its folder or null. */
export async function writeMigration(name: string, now = new Date(), dir = MIGRATIONS_DIR): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Migrationens namn får bara innehålla a–z, 0–9 och _.");
  const sql = await diffMigrationsToSchema(dir);
  if (isEmptyMigration(sql)) return null;
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(dir, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), `${sql}\n`);
  const lock = path.join(dir, "migration_lock.toml");
  if (!existsSync(lock)) {
    writeFileSync(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  }
  return folder;
}
