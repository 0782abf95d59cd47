import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/databases";
import { withPgClient } from "./helpers/pg-client";

// Health, readiness and the session lookup while PostgreSQL refuses this database's connections and after it lets
// them back (issue 34, deliverable 1): ALLOW_CONNECTIONS false plus pg_terminate_backend stops only this database.
vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-that-is-long-enough-for-next-auth");
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
const state = vi.hoisted(() => ({ db: null as unknown, session: null as unknown }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => state.db }));
// The session cookie's claims as lib/auth/session.ts reads them (decrypted by lib/auth/session-token.ts): the test's session.
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<object>()), cookies: async () => ({ getAll: () => [] }) }));
vi.mock("@/lib/auth/session-token", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  sessionCookieValue: () => (state.session ? "the-test-session-cookie" : undefined),
  decodeSessionToken: async () => state.session,
}));

const health = await import("@/app/api/health/route");
const ready = await import("@/app/api/ready/route");
const { checkReadiness, expectedMigrationNames } = await import("@/lib/db/readiness");
const { getSessionUser, requireUser } = await import("@/lib/auth/session");
const { buildAuthOptions } = await import("@/lib/auth/options");
const { DatabaseUnavailableError, isDatabaseUnavailable } = await import("@/lib/db/availability");
const { enforceProductionSafety } = await import("@/lib/auth/production-guard");
const { DEMO_EMAIL_DOMAIN } = await import("@/lib/auth/demo-accounts");
const { getEnv } = await import("@/lib/env");
const packageJson = (await import("@/package.json")).default;

function databaseName(t: TestDatabase): string {
  return new URL((t.target as { url: string }).url).pathname.slice(1);
}

async function refuseConnections(t: TestDatabase) {
  const name = databaseName(t);
  await withPgClient(async (c) => {
    await c.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
  });
}

async function allowConnections(t: TestDatabase) {
  await withPgClient((c) => c.query(`ALTER DATABASE ${databaseName(t)} ALLOW_CONNECTIONS true`));
}

describe("health and readiness on PostgreSQL", () => {
  let t: TestDatabase;
  let session: { uid: string; sv: number; sid: string };
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    state.db = t.db;
    const user = await t.db.user.findFirstOrThrow({ where: { active: true }, orderBy: { email: "asc" } });
    session = { uid: user.id, sv: user.sessionVersion, sid: "health-test-session" };
    state.session = session;
  });
  afterAll(async () => {
    if (t) await allowConnections(t);
    await t?.close();
  });

  it("/api/health answers 200 with the version in package.json, without the database", async () => {
    await refuseConnections(t);
    try {
      const response = health.GET();
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok", version: packageJson.version });
    } finally {
      await allowConnections(t);
    }
  });

  it("/api/ready answers 200 when every migration has run", async () => {
    const response = await ready.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it("is not ready when a migration of this build has not run", async () => {
    expect(await checkReadiness(t.db, [...expectedMigrationNames(), "29991231000000_not_yet"])).toEqual({ ok: false, reason: "migrations_pending" });
    const last = expectedMigrationNames().at(-1)!;
    await t.db.$executeRawUnsafe(`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1`, last);
    try {
      const response = await ready.GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "unavailable", reason: "migrations_pending" });
    } finally {
      await t.db.$executeRawUnsafe(`UPDATE _prisma_migrations SET finished_at = now() WHERE migration_name = $1`, last);
    }
  });

  it("answers 503 with a reason code and no internals while the database refuses connections, and 200 again after", async () => {
    await refuseConnections(t);
    try {
      const response = await ready.GET();
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ status: "unavailable", reason: "database_unreachable" });
      expect(text).not.toMatch(/accepting|arshjulet_test|postgres|55000/i);
    } finally {
      await allowConnections(t);
    }
    expect((await ready.GET()).status).toBe(200);
  });

  it("is not ready when the database takes longer than the limit", async () => {
    const slow = { $queryRawUnsafe: () => new Promise((resolve) => setTimeout(() => resolve([]), 200)) };
    expect(await checkReadiness(slow as never, [], 20)).toEqual({ ok: false, reason: "database_timeout" });
  });

  it("reports the database as unavailable instead of signing the user out, and recovers by itself", async () => {
    expect((await getSessionUser())?.id).toBe(session.uid);
    const jwt = buildAuthOptions().callbacks!.jwt!;
    await refuseConnections(t);
    try {
      const error = await t.db.user.findFirst().catch((e: unknown) => e);
      expect(isDatabaseUnavailable(error)).toBe(true);
      // The token is kept (next-auth would clear the cookie on a throw), and the lookup throws: no sign-in redirect.
      const token = { uid: session.uid, sv: session.sv, sid: session.sid };
      expect(await jwt({ token } as never)).toEqual(token);
      await expect(getSessionUser()).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(requireUser()).rejects.toBeInstanceOf(DatabaseUnavailableError);
    } finally {
      await allowConnections(t);
    }
    expect((await requireUser()).id).toBe(session.uid);
  });

  it("does not count a query fault as an outage", async () => {
    const error = await t.db.$queryRawUnsafe("SELECT * FROM no_such_table").catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  describe("start-up (instrumentation.ts's production guard)", () => {
    const production = () => ({ ...getEnv(), NODE_ENV: "production" as const, DATABASE_URL: (t.target as { url: string }).url, NEXTAUTH_SECRET: "k3J9-vQ2x8Lm4Np7Rt1Zc6Yb0Wd5Hf2Gs9" });

    it("waits with a line per try and then exits non-zero while the database refuses connections", async () => {
      const lines: string[] = [];
      const log = vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
      const exit = vi.fn();
      await refuseConnections(t);
      try {
        await enforceProductionSafety(production(), t.db, { attempts: 3, delayMs: 10, exit });
      } finally {
        log.mockRestore();
        await allowConnections(t);
      }
      expect(exit).toHaveBeenCalledExactlyOnceWith(1);
      expect(lines.filter((l) => l.startsWith("Årshjulet väntar på databasen"))).toHaveLength(2);
      expect(lines.at(-1)).toBe("Årshjulet startar inte: databasen kan inte nås efter 3 försök.");
      expect(lines.join("\n")).not.toMatch(/postgres|55000|accepting/i);
    });

    it("starts once the database lets connections in again during the wait", async () => {
      await t.db.user.updateMany({ where: { email: { endsWith: DEMO_EMAIL_DOMAIN } }, data: { active: false } });
      const lines: string[] = [];
      const log = vi.spyOn(console, "error").mockImplementation((line: string) => {
        lines.push(line);
        if (lines.length === 2) void allowConnections(t);
      });
      const exit = vi.fn();
      await refuseConnections(t);
      try {
        await enforceProductionSafety(production(), t.db, { attempts: 50, delayMs: 50, exit });
      } finally {
        log.mockRestore();
        await allowConnections(t);
      }
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.every((l) => l.startsWith("Årshjulet väntar på databasen"))).toBe(true);
      expect(exit).not.toHaveBeenCalled();
    });
  });
});
