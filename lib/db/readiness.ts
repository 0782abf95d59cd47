import { readdirSync } from "node:fs";
import path from "node:path";
import type { DbClient } from "./index.ts";
import { isDatabaseUnavailable } from "./availability.ts";

export type Readiness = { ok: true } | { ok: false; reason: "database_unreachable" | "database_timeout" | "migrations_pending" | "database_error" };

/** How long the database may take to answer before the app counts as not ready. */
export const READY_TIMEOUT_MS = 1000;

/**
 * The migrations this build carries: prisma/migrations under the working directory (npm start, the tests and the
 * scripts all run from the project root). Read without the migration engine, which the server does not load.
 */
export function expectedMigrationNames(dir = path.join(process.cwd(), "prisma", "migrations")): string[] {
  // Read at run time from the project root; the ignore comment keeps Next from tracing the whole project into the build.
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

/**
 * Ready when the database answers within READY_TIMEOUT_MS and every migration of this build has finished in it.
 * The reason is a short code for a load balancer or a person, never a message from the database.
 */
export async function checkReadiness(db: DbClient, expected = expectedMigrationNames(), timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const applied = db.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  try {
    const rows = await Promise.race([applied, timeout]);
    if (rows === "timeout") {
      applied.catch(() => {}); // answered later or failed: no one is waiting any more
      return { ok: false, reason: "database_timeout" };
    }
    const done = new Set(rows.map((r) => r.migration_name));
    return expected.every((name) => done.has(name)) ? { ok: true } : { ok: false, reason: "migrations_pending" };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ok: false, reason: "database_unreachable" };
    // No _prisma_migrations table: nothing has been migrated yet.
    if (/_prisma_migrations|42P01|P2010/.test(String((error as { code?: unknown }).code ?? "") + String((error as Error).message ?? ""))) {
      return { ok: false, reason: "migrations_pending" };
    }
    return { ok: false, reason: "database_error" };
  } finally {
    clearTimeout(timer);
  }
}
