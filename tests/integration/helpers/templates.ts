/**
 * Vitest global setup of the integration project: migrate once, seed once, and keep the result as
 * templates that every test file copies (PostgreSQL `CREATE DATABASE … TEMPLATE …`, PGlite a dumped data
 * directory). Copying takes about a second; migrating and seeding again took about ten per file.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { TestProject } from "vitest/node";
import { createAdapterFactory, createDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { seed } from "@/prisma/seed/seed";
import { SEEDED_TODAY } from "../../support/today";
import { withPgClient } from "./pg-client";
import { adminUrl, databaseUrl, TEMPLATE_CONTENTS, type TemplateContent, type Templates } from "./template-names";

declare module "vitest" {
  export interface ProvidedContext {
    templates: Templates;
  }
}

async function preparePostgres(prefix: string): Promise<Record<TemplateContent, string>> {
  const names = { migrated: `${prefix}_migrated`, seeded: `${prefix}_seeded` };
  await withPgClient((c) => c.query(`CREATE DATABASE ${names.migrated}`));
  await applyMigrations(createAdapterFactory({ kind: "postgres", url: databaseUrl(names.migrated) }));
  // The migration engine leaves its pool open, and a template can only be copied with no session on it.
  await withPgClient(async (c) => {
    await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [names.migrated]);
    await c.query(`CREATE DATABASE ${names.seeded} TEMPLATE ${names.migrated}`);
  });
  const db = createDb({ kind: "postgres", url: databaseUrl(names.seeded) });
  try {
    await seed(db, { today: SEEDED_TODAY });
  } finally {
    await db.$disconnect();
  }
  return names;
}

async function preparePglite(dir: string): Promise<Record<TemplateContent, string>> {
  mkdirSync(dir, { recursive: true });
  const files = { migrated: path.join(dir, "migrated.tar"), seeded: path.join(dir, "seeded.tar") };
  const instance = new PGlite("memory://");
  const factory = new PrismaPGlite(instance);
  await applyMigrations(factory);
  writeFileSync(files.migrated, Buffer.from(await (await instance.dumpDataDir("none")).arrayBuffer()));
  const db = createDb({ kind: "pglite", dataDir: "memory://" }, factory);
  await seed(db, { today: SEEDED_TODAY });
  writeFileSync(files.seeded, Buffer.from(await (await instance.dumpDataDir("none")).arrayBuffer()));
  await db.$disconnect();
  await instance.close();
  return files;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A run holds this advisory lock on one session for as long as it lives. Runs may share one PostgreSQL from
// different process namespaces (two checkouts, a helper's sandbox), where a live run's pid looks dead from here;
// the lock, released by PostgreSQL when that session ends, says truly whether the run is gone.
const runLockSql = "hashtext('arshjulet-test-run:' || $1)";

async function holdRunLock(run: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  await client.query(`SELECT pg_advisory_lock(${runLockSql})`, [run]);
  return client;
}

/** Drops the databases and dumps of runs that have gone (a run killed before its teardown). */
async function dropLeftovers(root: string) {
  await withPgClient(async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname ~ '^arshjulet_(tpl|test)_[0-9]+_[a-z0-9]+_'");
    const runs = new Map<string, string[]>();
    for (const { datname } of rows) {
      const [, , pid, tag] = datname.split("_");
      runs.set(`${pid}_${tag}`, [...(runs.get(`${pid}_${tag}`) ?? []), datname]);
    }
    for (const [run, names] of runs) {
      const { rows: lock } = await c.query<{ gone: boolean }>(`SELECT pg_try_advisory_lock(${runLockSql}) AS gone`, [run]);
      if (!lock[0]!.gone) continue;
      for (const name of names) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.query(`SELECT pg_advisory_unlock(${runLockSql})`, [run]);
    }
  });
  if (!existsSync(root)) return;
  for (const run of readdirSync(root)) if (!isRunning(Number(run.split("_")[0]))) rmSync(path.join(root, run), { recursive: true, force: true });
}

export default async function setup(project: TestProject) {
  const run = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const root = path.resolve(import.meta.dirname, "../../../.data/test-templates");
  const dir = path.join(root, run);
  const lock = await holdRunLock(run);
  await dropLeftovers(root);
  const teardown = async () => {
    rmSync(dir, { recursive: true, force: true });
    await withPgClient(async (c) => {
      for (const content of TEMPLATE_CONTENTS) await c.query(`DROP DATABASE IF EXISTS arshjulet_tpl_${run}_${content} WITH (FORCE)`);
    });
    await lock.end();
  };
  try {
    const [postgres, pglite] = await Promise.all([preparePostgres(`arshjulet_tpl_${run}`), preparePglite(dir)]);
    project.provide("templates", { run, postgres, pglite });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
