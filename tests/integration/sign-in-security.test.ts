import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { resolveOidcUser } from "@/lib/users/oidc";
import { DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { isSessionEnded } from "@/lib/auth/session-end";
import { endSession } from "@/lib/users/sessions";
import { loadSessionUser } from "@/lib/auth/session-user";
import { recordAttempt, THROTTLE } from "@/lib/auth/throttle";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";

const NOW = new Date("2026-11-23T10:00:00Z");
const HOUR = 3600;

describe.each(DATABASE_KINDS)("sign-in security on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  const userCount = () => t.db.user.count();
  const userByEmail = (email: string) => t.db.user.findUniqueOrThrow({ where: { email } });

  describe("throttle by address (issue 18, item 3)", () => {
    // As the request handler does: the address from the socket and the header, then the sign-in.
    const attempt = (email: string, password: string, peer: string, forwardedFor: string | undefined, trustedProxies = 0) =>
      authenticateWithPassword(t.db, email, password, clientAddress(peer, forwardedFor, trustedProxies), NOW);
    // A failed sign-in as authenticateWithPassword records it, without its password hashing (twenty of them per test).
    const fail = (email: string, peer: string, forwardedFor: string | undefined, trustedProxies = 0) =>
      recordAttempt(t.db, email, clientAddress(peer, forwardedFor, trustedProxies), false, NOW);

    it("gives no fresh attempts for a rotated X-Forwarded-For", async () => {
      expect(await attempt("sprayad@x.example", "fel", "203.0.113.10", "198.51.100.250")).toEqual({ ok: false, reason: "INVALID" });
      for (let i = 1; i < THROTTLE.maxFailuresPerAddress; i++) await fail(`sprayad${i}@x.example`, "203.0.113.10", `198.51.100.${i}`);
      expect(await attempt("enhetschef@arshjulet.example", DEMO_PASSWORD, "203.0.113.10", "198.51.100.200")).toEqual({ ok: false, reason: "THROTTLED" });
    });

    it("gives no fresh attempts for a rotated forged prefix behind a trusted proxy", async () => {
      for (let i = 0; i < THROTTLE.maxFailuresPerAddress; i++) {
        await fail(`bakom${i}@x.example`, "10.0.0.2", `198.51.100.${i}, 203.0.113.20`, 1);
      }
      expect(await attempt("enhetschef@arshjulet.example", DEMO_PASSWORD, "10.0.0.2", "198.51.100.201, 203.0.113.20", 1)).toEqual({ ok: false, reason: "THROTTLED" });
      // Another client behind the same proxy is its own bucket.
      expect(await attempt("enhetschef@arshjulet.example", DEMO_PASSWORD, "10.0.0.2", "203.0.113.21", 1)).toMatchObject({ ok: true });
    });

    it("does not lock out another client without the header after 20 failures from one", async () => {
      for (let i = 0; i < THROTTLE.maxFailuresPerAddress; i++) await fail(`direkt${i}@x.example`, "203.0.113.30", undefined);
      expect(await attempt("koordinator@arshjulet.example", DEMO_PASSWORD, "203.0.113.30", undefined)).toEqual({ ok: false, reason: "THROTTLED" });
      expect(await attempt("koordinator@arshjulet.example", DEMO_PASSWORD, "203.0.113.31", undefined)).toMatchObject({ ok: true });
    });
  });

  describe("sign-out ends the session on the server (issue 18, item 4)", () => {
    it("refuses the ended session only, keeps the user's other sessions, audits once and cannot be repeated", async () => {
      const user = await userByEmail("kommunikator@arshjulet.example");
      expect(await loadSessionUser(t.db, user.id, user.sessionVersion, "sess-a")).not.toBeNull();
      expect(await endSession(t.db, { uid: user.id, sv: user.sessionVersion, sid: "sess-a" }, 8 * HOUR, NOW)).toBe(true);
      expect(await loadSessionUser(t.db, user.id, user.sessionVersion, "sess-a")).toBeNull();
      expect(await isSessionEnded(t.db, "sess-a")).toBe(true);
      // The same user on another device is still signed in; the user's version is untouched.
      expect(await loadSessionUser(t.db, user.id, user.sessionVersion, "sess-b")).not.toBeNull();
      expect(await isSessionEnded(t.db, "sess-b")).toBe(false);
      expect((await userByEmail(user.email)).sessionVersion).toBe(user.sessionVersion);
      // Signing out the same cookie again changes nothing.
      expect(await endSession(t.db, { uid: user.id, sid: "sess-a" }, 8 * HOUR, NOW)).toBe(false);
      const audit = await t.db.auditEntry.findMany({ where: { action: "session.end", entityId: user.id } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: user.id, entityType: "User" });
      const ended = await t.db.endedSession.findUniqueOrThrow({ where: { id: "sess-a" } });
      // Kept as long as any copy of the cookie could live: a copy cannot be renewed once ended.
      expect(ended.expiresAt.getTime()).toBe(NOW.getTime() + 8 * HOUR * 1000);
    });

    it("changes nothing for a token it cannot read, or a user that does not exist", async () => {
      const before = await t.db.endedSession.count();
      expect(await endSession(t.db, null, 8 * HOUR, NOW)).toBe(false);
      expect(await endSession(t.db, { uid: "finns-inte", sid: "sess-x" }, 8 * HOUR, NOW)).toBe(false);
      expect(await endSession(t.db, { uid: 42, sid: "sess-y" }, 8 * HOUR, NOW)).toBe(false);
      expect(await t.db.endedSession.count()).toBe(before);
    });

    it("clears ended sessions whose time is past when another session ends", async () => {
      const user = await userByEmail("utvecklare@arshjulet.example");
      await endSession(t.db, { uid: user.id, sid: "sess-gammal" }, HOUR, NOW);
      const later = new Date(NOW.getTime() + 2 * HOUR * 1000);
      await endSession(t.db, { uid: user.id, sid: "sess-ny" }, HOUR, later);
      expect(await isSessionEnded(t.db, "sess-gammal")).toBe(false);
      expect(await isSessionEnded(t.db, "sess-ny")).toBe(true);
    });
  });

  describe("municipal sign-in maps accounts (issue 18, item 13)", () => {
    it("links a verified e-mail to its user once, then matches by subject alone", async () => {
      const before = await userCount();
      const user = await userByEmail("verksamhetschef@arshjulet.example");
      expect(user.oidcSubject).toBeNull();
      const first = await resolveOidcUser(t.db, { sub: "idp-vc", email: "VERKSAMHETSCHEF@arshjulet.example", email_verified: true });
      expect(first).toEqual({ ok: true, userId: user.id, sessionVersion: user.sessionVersion });
      expect((await userByEmail(user.email)).oidcSubject).toBe("idp-vc");
      expect(await t.db.auditEntry.count({ where: { action: "user.oidc-link", entityId: user.id } })).toBe(1);
      // Linked: the subject decides, even when the provider no longer sends (or verifies) the address.
      expect(await resolveOidcUser(t.db, { sub: "idp-vc" })).toMatchObject({ ok: true, userId: user.id });
      expect(await resolveOidcUser(t.db, { sub: "idp-vc", email: "annan@kommun.example", email_verified: false })).toMatchObject({ ok: true, userId: user.id });
      expect(await t.db.auditEntry.count({ where: { action: "user.oidc-link", entityId: user.id } })).toBe(1);
      expect(await userCount()).toBe(before);
    });

    it("never lets another provider account take a linked user by its e-mail", async () => {
      expect(await resolveOidcUser(t.db, { sub: "idp-inkraktare", email: "verksamhetschef@arshjulet.example", email_verified: true })).toEqual({ ok: false, reason: "OidcUnknown" });
    });

    it("refuses an unverified e-mail and links nothing", async () => {
      for (const email_verified of [false, undefined, "false", 1, "ja"]) {
        expect(await resolveOidcUser(t.db, { sub: "idp-overifierad", email: "enhetschef@arshjulet.example", email_verified })).toEqual({ ok: false, reason: "OidcUnverified" });
      }
      expect((await userByEmail("enhetschef@arshjulet.example")).oidcSubject).toBeNull();
    });

    it("accepts the string \"true\" that some providers send for a verified e-mail", async () => {
      expect(await resolveOidcUser(t.db, { sub: "idp-handl", email: "handlaggare@arshjulet.example", email_verified: "true" })).toMatchObject({ ok: true });
    });

    it("refuses an unknown account, a deactivated user and a token without a subject, and creates nothing", async () => {
      const before = await userCount();
      expect(await resolveOidcUser(t.db, { sub: "idp-ny", email: "ny.person@kommun.example", email_verified: true })).toEqual({ ok: false, reason: "OidcUnknown" });
      expect(await resolveOidcUser(t.db, { email: "koordinator@arshjulet.example", email_verified: true })).toEqual({ ok: false, reason: "OidcUnknown" });
      expect(await resolveOidcUser(t.db, { sub: 42, email: "koordinator@arshjulet.example", email_verified: true })).toEqual({ ok: false, reason: "OidcUnknown" });
      const linkedThenDeactivated = await userByEmail("kvalitetshandlaggare@arshjulet.example");
      await resolveOidcUser(t.db, { sub: "idp-kh", email: linkedThenDeactivated.email, email_verified: true });
      await t.db.user.update({ where: { id: linkedThenDeactivated.id }, data: { active: false } });
      expect(await resolveOidcUser(t.db, { sub: "idp-kh" })).toEqual({ ok: false, reason: "OidcUnknown" });
      expect(await userCount()).toBe(before);
    });
  });
});
