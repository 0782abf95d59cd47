import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { inject } from "vitest";
import { createDb, type Db, type DbTarget } from "@/lib/db";
import { withPgClient } from "./pg-client";
import { databaseUrl, type TemplateContent } from "./template-names";

export const DATABASE_KINDS = ["pglite", "postgres"] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export type TestDatabase = {
  kind: DatabaseKind;
  target: DbTarget;
  /** The adapter the client uses: the same embedded instance for PGlite, so the migration engine can be pointed at it. */
  factory: PrismaPGlite | null;
  db: Db;
  close: () => Promise<void>;
};

/**
 * A database of its own for one test file, copied from the template the global setup prepared:
 * "seeded" (migrated, with the demo data as of SEEDED_TODAY) by default, or only "migrated". close() drops it.
 */
export async function createTestDatabase(kind: DatabaseKind, { content = "seeded" }: { content?: TemplateContent } = {}): Promise<TestDatabase> {
  const templates = inject("templates");
  if (kind === "pglite") {
    const dump = new Blob([readFileSync(templates.pglite[content])]);
    const instance = new PGlite("memory://", { loadDataDir: dump });
    const factory = new PrismaPGlite(instance);
    const target: DbTarget = { kind: "pglite", dataDir: "memory://" };
    const db = createDb(target, factory);
    return { kind, target, factory, db, close: () => db.$disconnect() };
  }
  // Named after the run, so that a later run can drop it if this one is killed before close().
  const name = `arshjulet_test_${templates.run}_${randomBytes(4).toString("hex")}`;
  await withPgClient((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templates.postgres[content]}`));
  const target: DbTarget = { kind: "postgres", url: databaseUrl(name) };
  const db = createDb(target);
  return {
    kind,
    target,
    factory: null,
    db,
    close: async () => {
      await db.$disconnect();
      await withPgClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
