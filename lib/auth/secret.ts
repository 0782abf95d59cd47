import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Env } from "../env.ts";

/**
 * NEXTAUTH_SECRET when set. For the embedded demo database only, a random secret is created once and kept
 * inside its data directory (PGlite leaves other files there alone), so sessions survive a restart without
 * configuration, and two instances never share one (beside the data, instances with data under one parent did). The production guard refuses a
 * PostgreSQL deployment without a strong secret of its own.
 */
export function resolveAuthSecret(env: Env): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.DATABASE_URL) {
    if (env.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET saknas.");
    return "development-only-secret-not-for-production-use";
  }
  const dataDir = path.resolve(env.PGLITE_DATA_DIR);
  const file = path.join(dataDir, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
