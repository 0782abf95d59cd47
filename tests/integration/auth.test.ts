import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { resolveOidcUser } from "@/lib/users/oidc";
import { DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { can } from "@/lib/auth/permissions";
import { findProductionProblem } from "@/lib/auth/production-guard";
import { hashPassword } from "@/lib/auth/password";
import { loadSessionUser, readSessionRow } from "@/lib/auth/session-user";
import { getCycleCalendar } from "@/lib/cycle-calendar";
import { THROTTLE } from "@/lib/auth/throttle";
import type { Env } from "@/lib/env";
import { taskWhereFor } from "@/lib/tasks/scope";
import { DEMO_USERS } from "@/prisma/seed/demo-organisation";
import { actorFor as loadActor } from "./helpers/actors";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";

const NOW = new Date("2026-11-23T10:00:00Z");

describe.each(DATABASE_KINDS)("authentication and scoping on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  const actorFor = (email: string) => loadActor(t.db, email);

  it.each(DEMO_USERS.map((u) => u.email))("scopes task queries for %s exactly as can() decides", async (email) => {
    const actor = await actorFor(email);
    const all = await t.db.task.findMany({ include: { cycle: true, activity: true } });
    for (const action of ["task:read", "task:update"] as const) {
      const expected = all
        .filter((task) => can(actor, action, { organisationId: task.cycle.organisationId, unitId: task.unitId, assigneeKey: task.assigneeKey, responsibleRole: task.activity.responsibleRole }))
        .map((task) => task.id)
        .sort();
      const scoped = (await t.db.task.findMany({ where: taskWhereFor(actor, action), select: { id: true } })).map((x) => x.id).sort();
      expect(scoped).toEqual(expected);
    }
  });

  it("lets a demo user in with the right password and never says whether an account exists", async () => {
    const ok = await authenticateWithPassword(t.db, "Enhetschef@Arshjulet.example ", DEMO_PASSWORD, "10.0.0.1", NOW);
    expect(ok).toMatchObject({ ok: true });
    expect(await authenticateWithPassword(t.db, "enhetschef@arshjulet.example", "fel-lösenord", "10.0.0.1", NOW)).toEqual({ ok: false, reason: "INVALID" });
    expect(await authenticateWithPassword(t.db, "finns-inte@arshjulet.example", DEMO_PASSWORD, "10.0.0.1", NOW)).toEqual({ ok: false, reason: "INVALID" });
  });

  it("locks an address out of an account after repeated failures, and lets it in again later", async () => {
    const email = "koordinator@arshjulet.example";
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) await authenticateWithPassword(t.db, email, "fel", "10.1.0.1", NOW);
    const soon = new Date(NOW.getTime() + (THROTTLE.slowSeconds + 1) * 1000);
    expect(await authenticateWithPassword(t.db, email, DEMO_PASSWORD, "10.1.0.1", soon)).toEqual({ ok: false, reason: "THROTTLED" });
    // An unknown account is throttled the same way, so throttling reveals nothing either.
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) await authenticateWithPassword(t.db, "okand@x.example", "fel", "10.2.0.1", NOW);
    expect(await authenticateWithPassword(t.db, "okand@x.example", "fel", "10.2.0.1", soon)).toEqual({ ok: false, reason: "THROTTLED" });
    const later = new Date(NOW.getTime() + (THROTTLE.windowMinutes + 1) * 60_000);
    expect(await authenticateWithPassword(t.db, email, DEMO_PASSWORD, "10.1.0.1", later)).toMatchObject({ ok: true });
  });

  // Issue 30: five wrong passwords from anywhere locked the owner out from every address for 15 minutes.
  it("slows an account guessed at from many addresses, and lets its owner in from a new address (decision 019)", async () => {
    const email = "verksamhetschef@arshjulet.example";
    // A day before the other tests' attempts, so that their windows never meet.
    const START = new Date(NOW.getTime() - 24 * 3600_000);
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) await authenticateWithPassword(t.db, email, "fel", `10.3.0.${i}`, START);
    // Moments after the last guess: one attempt per slowSeconds on the account, from anywhere.
    expect(await authenticateWithPassword(t.db, email, "gissning", "10.3.1.1", START)).toEqual({ ok: false, reason: "THROTTLED" });
    const slot = (n: number) => new Date(START.getTime() + n * (THROTTLE.slowSeconds + 1) * 1000);
    // The next guess in the next slot is answered, and the one right after it is slowed again.
    expect(await authenticateWithPassword(t.db, email, "gissning", "10.3.1.2", slot(1))).toEqual({ ok: false, reason: "INVALID" });
    expect(await authenticateWithPassword(t.db, email, "gissning", "10.3.1.3", slot(1))).toEqual({ ok: false, reason: "THROTTLED" });
    // The owner, from a new address with the right password: not refused.
    expect(await authenticateWithPassword(t.db, email, DEMO_PASSWORD, "10.3.9.9", slot(2))).toMatchObject({ ok: true });
  });

  it("refuses an e-mail or password longer than any account's, and stores nothing of it (issue 30)", async () => {
    const before = await t.db.loginAttempt.count();
    expect(await authenticateWithPassword(t.db, `${"a".repeat(100_000)}@x.example`, "fel", "10.4.0.1", NOW)).toEqual({ ok: false, reason: "INVALID" });
    expect(await authenticateWithPassword(t.db, "enhetschef@arshjulet.example", "x".repeat(201), "10.4.0.1", NOW)).toEqual({ ok: false, reason: "INVALID" });
    expect(await t.db.loginAttempt.count()).toBe(before);
  });

  it("throttles an address that tries many accounts", async () => {
    for (let i = 0; i < THROTTLE.maxFailuresPerAddress; i++) {
      await authenticateWithPassword(t.db, `gissning${i}@x.example`, "fel", "10.9.9.9", NOW);
    }
    expect(await authenticateWithPassword(t.db, "verksamhetschef@arshjulet.example", DEMO_PASSWORD, "10.9.9.9", NOW)).toEqual({ ok: false, reason: "THROTTLED" });
    expect(await authenticateWithPassword(t.db, "verksamhetschef@arshjulet.example", DEMO_PASSWORD, "10.9.9.10", NOW)).toMatchObject({ ok: true });
  });

  it("reads the verksamhet's cycle calendar in the session's statement, as getCycleCalendar reads it (issue 35)", async () => {
    const user = await t.db.user.findFirstOrThrow({ where: { email: "enhetschef@arshjulet.example" } });
    const row = (await readSessionRow(t.db, user.id, ""))!;
    expect(row.calendar.length).toBeGreaterThan(0);
    expect(row.calendar).toEqual(await getCycleCalendar(t.db, user.organisationId));
    // A routine with another start month is in both, in order; a verksamhet without routines has an empty calendar.
    const routine = await t.db.routine.findFirstOrThrow({ where: { organisationId: user.organisationId } });
    const other = Math.max(...row.calendar) === 12 ? 1 : 12;
    await t.db.routine.update({ where: { id: routine.id }, data: { startMonth: other } });
    const after = (await readSessionRow(t.db, user.id, ""))!.calendar;
    expect(after).toContain(other);
    expect(after).toEqual([...after].sort((a, b) => a - b));
    expect(after).toEqual(await getCycleCalendar(t.db, user.organisationId));
    await t.db.routine.update({ where: { id: routine.id }, data: { startMonth: routine.startMonth } });
    const empty = await t.db.organisation.create({ data: { name: "Utan rutiner", slug: "utan-rutiner" } });
    const lonely = await t.db.user.create({ data: { organisationId: empty.id, email: "ensam@arshjulet.example", name: "Ensam" } });
    expect((await readSessionRow(t.db, lonely.id, ""))!.calendar).toEqual([]);
    expect(await getCycleCalendar(t.db, empty.id)).toEqual([]);
  });

  it("ends the sessions of a deactivated user and refuses their sign-in", async () => {
    const { id: organisationId } = await t.db.organisation.findFirstOrThrow();
    const user = await t.db.user.create({ data: { organisationId, email: "tillfallig@arshjulet.example", name: "Tillfällig", passwordHash: await hashPassword("ett-langt-losenord") } });
    expect(await loadSessionUser(t.db, user.id, user.sessionVersion)).not.toBeNull();
    await t.db.user.update({ where: { id: user.id }, data: { active: false, sessionVersion: { increment: 1 } } });
    expect(await loadSessionUser(t.db, user.id, user.sessionVersion)).toBeNull();
    expect(await authenticateWithPassword(t.db, user.email, "ett-langt-losenord", "10.3.0.1", NOW)).toEqual({ ok: false, reason: "INVALID" });
    expect(await resolveOidcUser(t.db, { sub: "tillfallig", email: user.email, email_verified: true })).toEqual({ ok: false, reason: "OidcUnknown" });
  });

  describe("production guard", () => {
    const env = (over: Partial<Env>): Env => ({
      ARSHJULET_TODAY: undefined, NODE_ENV: "production", DATABASE_URL: "postgresql://x@127.0.0.1/y", PGLITE_DATA_DIR: ".data/pglite",
      NEXTAUTH_SECRET: "k3J9-vQ2x8Lm4Np7Rt1Zc6Yb0Wd5Hf2Gs9", SESSION_MAX_AGE_HOURS: 8, TRUSTED_PROXIES: 0, AUDIT_RETENTION_DAYS: undefined, OIDC_DISPLAY_NAME: "Kommunens inloggning", OIDC_ALLOWED_EMAIL_DOMAINS: [], OIDC_ROLES_CLAIM: undefined, AUTH_PASSWORD_SIGN_IN: "on", AUTH_BREAK_GLASS: "off", LOG_FORMAT: "text",
      NEXTAUTH_URL: undefined, OIDC_ISSUER: undefined, OIDC_CLIENT_ID: undefined, OIDC_CLIENT_SECRET: undefined,
      SMTP_URL: undefined, MAIL_FROM: "Årshjulet <arshjulet@localhost>", KOLADA_BASE_URL: "https://api.kolada.se/v3", ACCESSIBILITY_CONTACT_EMAIL: "tillganglighet@arshjulet.example", SHARE_FRAME_ANCESTORS: "*", WEB_CONCURRENCY: undefined, DATABASE_PREPARED_STATEMENTS: "on", ...over,
    });

    it("lets the embedded demo and development start whatever the secret", async () => {
      expect(await findProductionProblem(env({ DATABASE_URL: undefined, NEXTAUTH_SECRET: undefined }), t.db)).toBeNull();
      expect(await findProductionProblem(env({ NODE_ENV: "development", NEXTAUTH_SECRET: undefined }), t.db)).toBeNull();
    });

    it("refuses a missing or weak secret on PostgreSQL in production", async () => {
      expect(await findProductionProblem(env({ NEXTAUTH_SECRET: undefined }), t.db)).toMatch(/^NEXTAUTH_SECRET saknas/);
      expect(await findProductionProblem(env({ NEXTAUTH_SECRET: "kort" }), t.db)).toMatch(/för svag/);
      expect(await findProductionProblem(env({ NEXTAUTH_SECRET: "a".repeat(40) }), t.db)).toMatch(/för svag/);
    });

    it("refuses while a demo account still has the demo password, and allows once none has", async () => {
      expect(await findProductionProblem(env({}), t.db)).toMatch(/^Demokontot .* demolösenordet/);
      await t.db.user.updateMany({ where: { email: { endsWith: "@arshjulet.example" } }, data: { active: false } });
      expect(await findProductionProblem(env({}), t.db)).toBeNull();
      await t.db.user.updateMany({ where: { email: { endsWith: "@arshjulet.example" } }, data: { active: true } });
    });
  });
});
