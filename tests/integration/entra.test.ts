import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveOidcUser, type OidcOptions } from "@/lib/users/oidc";
import { unlinkOidc } from "@/lib/users/mutations";
import { endSession, startSession } from "@/lib/users/sessions";
import { actorFor } from "./helpers/actors";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";

// Issue 31: accounts shaped like Microsoft Entra ID (no email_verified; the address in preferred_username or upn).
const ENTRA: OidcOptions = { allowedDomains: ["arshjulet.example"] };
const NONE: OidcOptions = { allowedDomains: [] };

describe.each(DATABASE_KINDS)("Entra-shaped accounts on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  const userByEmail = (email: string) => t.db.user.findUniqueOrThrow({ where: { email } });
  const links = (userId: string) => t.db.auditEntry.count({ where: { action: "user.oidc-link", entityId: userId } });

  it("links an allowed-domain account by preferred_username once, then recognises it by subject", async () => {
    const user = await userByEmail("enhetschef@arshjulet.example");
    expect(await resolveOidcUser(t.db, { sub: "entra-ec", preferred_username: "Enhetschef@Arshjulet.example" }, ENTRA)).toEqual({ ok: true, userId: user.id, sessionVersion: user.sessionVersion });
    expect((await userByEmail(user.email)).oidcSubject).toBe("entra-ec");
    // Recognised by subject alone, whatever the name claims say now.
    expect(await resolveOidcUser(t.db, { sub: "entra-ec", preferred_username: "annan@annan.example" }, ENTRA)).toMatchObject({ ok: true, userId: user.id });
    expect(await links(user.id)).toBe(1);
  });

  it("takes upn when email and preferred_username are missing, and email before either", async () => {
    const koordinator = await userByEmail("koordinator@arshjulet.example");
    expect(await resolveOidcUser(t.db, { sub: "entra-ko", upn: "koordinator@arshjulet.example" }, ENTRA)).toMatchObject({ ok: true, userId: koordinator.id });
    const chef = await userByEmail("verksamhetschef@arshjulet.example");
    expect(await resolveOidcUser(t.db, { sub: "entra-vc", email: chef.email, preferred_username: "kommunikator@arshjulet.example" }, ENTRA)).toMatchObject({ ok: true, userId: chef.id });
    expect((await userByEmail("kommunikator@arshjulet.example")).oidcSubject).toBeNull();
  });

  it("refuses an account outside the allowed domains, even one the provider marks verified, and links nothing", async () => {
    for (const claims of [
      { sub: "entra-x1", preferred_username: "utvecklare@arshjulet.example.evil.se" },
      { sub: "entra-x2", email: "utvecklare@annan.example", email_verified: true },
      { sub: "entra-x3", upn: "utvecklare" },
      { sub: "entra-x4" },
    ]) {
      expect(await resolveOidcUser(t.db, claims, ENTRA)).toEqual({ ok: false, reason: "OidcDomain" });
    }
    expect((await userByEmail("utvecklare@arshjulet.example")).oidcSubject).toBeNull();
  });

  it("without the setting keeps the email_verified rule: an Entra-shaped account is refused", async () => {
    expect(await resolveOidcUser(t.db, { sub: "entra-h", preferred_username: "handlaggare@arshjulet.example" }, NONE)).toEqual({ ok: false, reason: "OidcUnverified" });
    expect(await resolveOidcUser(t.db, { sub: "entra-h", email: "handlaggare@arshjulet.example" }, NONE)).toEqual({ ok: false, reason: "OidcUnverified" });
    expect((await userByEmail("handlaggare@arshjulet.example")).oidcSubject).toBeNull();
  });

  it("an allowed-domain address with no active user is refused as unknown", async () => {
    const before = await t.db.user.count();
    expect(await resolveOidcUser(t.db, { sub: "entra-ny", preferred_username: "ny.person@arshjulet.example" }, ENTRA)).toEqual({ ok: false, reason: "OidcUnknown" });
    expect(await t.db.user.count()).toBe(before);
  });

  it("the administrator unlinks an account (audited, sessions ended); the next sign-in links again", async () => {
    const admin = await actorFor(t.db, "admin@arshjulet.example");
    const user = await userByEmail("kvalitetshandlaggare@arshjulet.example");
    await resolveOidcUser(t.db, { sub: "entra-kh", upn: user.email }, ENTRA);
    expect(await unlinkOidc(admin, { userId: user.id }, t.db)).toMatchObject({ ok: true, code: "oidc-bortkopplad" });
    const after = await userByEmail(user.email);
    expect(after.oidcSubject).toBeNull();
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await t.db.auditEntry.count({ where: { action: "user.oidc-unlink", entityId: user.id, actorId: admin.id } })).toBe(1);
    // Not linked: nothing to do, nothing audited.
    expect(await unlinkOidc(admin, { userId: user.id }, t.db)).toMatchObject({ ok: false, code: "oidc-ej-kopplad" });
    expect(await t.db.auditEntry.count({ where: { action: "user.oidc-unlink", entityId: user.id } })).toBe(1);
    // Only an administrator.
    const other = await actorFor(t.db, "verksamhetschef@arshjulet.example");
    expect(await unlinkOidc(other, { userId: (await userByEmail("enhetschef@arshjulet.example")).id }, t.db)).toMatchObject({ ok: false, code: "ej-behorig" });
    expect((await userByEmail("enhetschef@arshjulet.example")).oidcSubject).toBe("entra-ec");
    // A new directory account of the same person links afresh.
    expect(await resolveOidcUser(t.db, { sub: "entra-kh-2", upn: user.email }, ENTRA)).toMatchObject({ ok: true, userId: user.id });
  });

  it("records a sign-in and a sign-out through the municipality's sign-in with the method", async () => {
    const user = await userByEmail("enhetschef@arshjulet.example");
    await startSession(t.db, user.id, "kommunens inloggning");
    expect(await endSession(t.db, { uid: user.id, sid: "entra-sess", m: "kommunens inloggning" }, 3600)).toBe(true);
    const entries = await t.db.auditEntry.findMany({ where: { entityId: user.id, action: { in: ["session.start", "session.end"] } }, orderBy: { at: "asc" } });
    expect(entries.map((e) => [e.action, e.after])).toEqual([["session.start", { metod: "kommunens inloggning" }], ["session.end", { metod: "kommunens inloggning" }]]);
  });
});
