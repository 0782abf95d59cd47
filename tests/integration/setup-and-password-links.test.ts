import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { loadSessionUser } from "@/lib/auth/session-user";
import { THROTTLE } from "@/lib/auth/throttle";
import { existingOrganisationName, runSetup } from "@/lib/setup/setup";
import { findPasswordToken, LINK_INVALID, PASSWORD_SET, requestPasswordReset, RESET_REQUESTED, RESET_THROTTLED, setPasswordWithToken } from "@/lib/users/password-tokens";
import { changeOwnPassword, setUserActive, updateUser } from "@/lib/users/mutations";
import { issueResetLinkForEmail } from "@/lib/users/password-tokens";
import { loadSeedRoutine } from "@/prisma/seed/seed";
import { loadQualityReviewRoutine } from "@/prisma/seed/quality-review";
import { actorFor } from "./helpers/actors";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";

const NOW = new Date("2026-11-23T10:00:00Z");
const MINUTE = 60_000;
const BASE = "https://arshjulet.kommun.example";
const routines = () => [loadSeedRoutine(), loadQualityReviewRoutine()];
const input = { organisation: "Hemtjänsten i Provstad", adminEmail: "Ada.Admin@Provstad.example", adminName: "Ada Admin" };
const tokenOf = (link: string) => link.slice(`${BASE}/nytt-losenord/`.length);
const newPassword = (password: string, token: string) => ({ token, password, passwordRepeat: password });

describe.each(DATABASE_KINDS)("first set-up and password links on %s (issue 29)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind, { content: "migrated" });
  });
  afterAll(() => t?.close());

  let link = "";
  it("sets up an empty database once: the verksamhet, the two routines as published version 1, and an administrator with a link", async () => {
    expect(await existingOrganisationName(t.db)).toBeNull();
    const outcome = await runSetup(t.db, input, { routines: routines(), baseUrl: BASE, now: NOW });
    expect(outcome).toMatchObject({ ok: true, organisationName: "Hemtjänsten i Provstad", adminEmail: "ada.admin@provstad.example" });
    if (!outcome.ok) return;
    link = outcome.link;
    expect(link).toMatch(/^https:\/\/arshjulet\.kommun\.example\/nytt-losenord\/[A-Za-z0-9_-]{43}$/);
    const org = await t.db.organisation.findFirstOrThrow();
    const versions = await t.db.routineVersion.findMany({ where: { routine: { organisationId: org.id } }, include: { routine: true } });
    expect(versions.map((v) => [v.routine.key, v.version, v.status]).sort()).toEqual([
      ["brukarundersokning-hemtjanst", 1, "ACTIVE"],
      ["kvalitetsgranskning-hemtjanst", 1, "ACTIVE"],
    ].sort());
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: "ada.admin@provstad.example" }, include: { roleAssignments: true, passwordTokens: true } });
    expect(admin.passwordHash).toBeNull();
    expect(admin.roleAssignments).toMatchObject([{ role: "ADMIN", organisationId: org.id, unitId: null }]);
    // Only a hash of the link's secret is stored; it lives 24 hours.
    expect(admin.passwordTokens).toHaveLength(1);
    expect(admin.passwordTokens[0]!.tokenHash).not.toContain(tokenOf(link));
    expect(admin.passwordTokens[0]!.expiresAt.getTime() - NOW.getTime()).toBe(24 * 60 * MINUTE);
    expect(await t.db.auditEntry.count({ where: { action: "organisation.setup", entityId: org.id } })).toBe(1);
  });

  it("refuses a second set-up with one Swedish line and changes nothing", async () => {
    const counts = async () => Promise.all([t.db.organisation.count(), t.db.user.count(), t.db.routineVersion.count(), t.db.passwordToken.count(), t.db.auditEntry.count()]);
    const before = await counts();
    const again = await runSetup(t.db, { ...input, organisation: "Hemtjänsten i Annanstad", adminEmail: "bo@annanstad.example" }, { routines: routines(), baseUrl: BASE, now: NOW });
    expect(again).toEqual({ ok: false, message: "Årshjulet är redan installerat (verksamheten Hemtjänsten i Provstad); ingenting ändrades." });
    expect(await existingOrganisationName(t.db)).toBe("Hemtjänsten i Provstad");
    expect(await counts()).toEqual(before);
  });

  it("refuses bad set-up input in Swedish", async () => {
    expect(await runSetup(t.db, { ...input, adminEmail: "inte en adress" }, { routines: [], baseUrl: BASE })).toEqual({ ok: false, message: "Ange en giltig e-postadress för administratören (--admin-email)." });
  });

  it("sets the password through the link once; the link then no longer works", async () => {
    const token = tokenOf(link);
    expect(await findPasswordToken(t.db, token, NOW)).toEqual({ email: "ada.admin@provstad.example", purpose: "SETUP" });
    expect(await setPasswordWithToken(t.db, { ...newPassword("ett långt lösenord", token), passwordRepeat: "något annat" }, NOW)).toMatchObject({ ok: false, errors: { passwordRepeat: ["Lösenorden är inte likadana."] } });
    expect(await setPasswordWithToken(t.db, newPassword("ett långt lösenord", token), new Date(NOW.getTime() + MINUTE))).toEqual({ ok: true, message: PASSWORD_SET });
    expect(await authenticateWithPassword(t.db, "ada.admin@provstad.example", "ett långt lösenord", "10.0.0.1", NOW)).toMatchObject({ ok: true });
    // Used: refused, and the password stays the one set.
    expect(await setPasswordWithToken(t.db, newPassword("ett annat långt lösenord", token), new Date(NOW.getTime() + 2 * MINUTE))).toEqual({ ok: false, message: LINK_INVALID });
    expect(await findPasswordToken(t.db, token, NOW)).toBeNull();
    expect(await authenticateWithPassword(t.db, "ada.admin@provstad.example", "ett annat långt lösenord", "10.0.0.2", NOW)).toEqual({ ok: false, reason: "INVALID" });
    expect(await t.db.auditEntry.count({ where: { action: "user.password-link" } })).toBe(1);
  });

  it("sends a reset link that expires after 30 minutes, with the same answer for an unknown address", async () => {
    const address = async () => "10.5.0.1";
    const unknown = await requestPasswordReset(t.db, { email: "finns.inte@provstad.example" }, address, BASE, NOW);
    const known = await requestPasswordReset(t.db, { email: " Ada.Admin@provstad.example" }, address, BASE, NOW);
    expect(unknown.result).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(known.result).toEqual(unknown.result);
    expect(unknown.mail).toBeUndefined();
    expect(known.mail).toMatchObject({ to: "ada.admin@provstad.example", subject: "Nytt lösenord till Årshjulet" });
    const token = known.mail!.text.match(/\/nytt-losenord\/([A-Za-z0-9_-]+)/)![1]!;
    // Expired at 30 minutes.
    expect(await setPasswordWithToken(t.db, newPassword("återställt lösenord", token), new Date(NOW.getTime() + 30 * MINUTE))).toEqual({ ok: false, message: LINK_INVALID });
    // A fresh one works before then, once.
    const again = await requestPasswordReset(t.db, { email: "ada.admin@provstad.example" }, address, BASE, NOW);
    const fresh = again.mail!.text.match(/\/nytt-losenord\/([A-Za-z0-9_-]+)/)![1]!;
    expect(await setPasswordWithToken(t.db, newPassword("återställt lösenord", token), NOW)).toEqual({ ok: false, message: LINK_INVALID });
    expect(await setPasswordWithToken(t.db, newPassword("återställt lösenord", fresh), new Date(NOW.getTime() + 29 * MINUTE))).toEqual({ ok: true, message: PASSWORD_SET });
    expect(await setPasswordWithToken(t.db, newPassword("återställt lösenord", fresh), new Date(NOW.getTime() + 29 * MINUTE))).toEqual({ ok: false, message: LINK_INVALID });
  });

  it("throttles reset requests like sign-in, whether the account exists or not", async () => {
    const later = new Date(NOW.getTime() + 60 * MINUTE);
    for (const email of ["ada.admin@provstad.example", "okand@provstad.example"]) {
      for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) {
        expect((await requestPasswordReset(t.db, { email }, async () => `10.6.${i}.1`, BASE, later)).result.message).toBe(RESET_REQUESTED);
      }
      expect(await requestPasswordReset(t.db, { email }, async () => "10.6.9.9", BASE, later)).toEqual({ result: { ok: false, message: RESET_THROTTLED } });
    }
    // Malformed input is refused before anything is written.
    const before = await t.db.passwordResetRequest.count();
    expect((await requestPasswordReset(t.db, { email: "inte-en-adress" }, async () => "10.6.9.9", BASE, later)).result).toMatchObject({ ok: false });
    expect(await t.db.passwordResetRequest.count()).toBe(before);
  });

  it("refuses a deactivated user's copied session cookie at once, and lets the reactivated user sign in again", async () => {
    const admin = await actorFor(t.db, "ada.admin@provstad.example");
    const org = await t.db.organisation.findFirstOrThrow();
    const leaver = await t.db.user.create({ data: { organisationId: org.id, email: "slutar@provstad.example", name: "Slutar Snart" } });
    const secret = "test-secret-test-secret-test-secret-1234";
    // The cookie as next-auth writes it at sign-in, and a copy of it read back as getSessionUser does.
    const cookie = await encode({ secret, token: { uid: leaver.id, sv: leaver.sessionVersion, sid: "sid-slutar" } });
    const sessionOf = async (value: string) => {
      const claims = (await decode({ secret, token: value }))!;
      return loadSessionUser(t.db, claims.uid as string, claims.sv as number, claims.sid as string);
    };
    expect(await sessionOf(cookie)).toMatchObject({ id: leaver.id });
    expect(await setUserActive(admin, { userId: leaver.id, active: "false" }, t.db)).toMatchObject({ ok: true, code: "inaktiverad" });
    expect(await sessionOf(cookie)).toBeNull();
    // History stays: the user row and their audit trail remain.
    expect(await t.db.user.count({ where: { id: leaver.id } })).toBe(1);
    expect(await setUserActive(admin, { userId: leaver.id, active: "true" }, t.db)).toMatchObject({ ok: true, code: "aktiverad" });
    // The old cookie stays ended after reactivation; a new sign-in gets a new session.
    expect(await sessionOf(cookie)).toBeNull();
    const reactivated = await t.db.user.findUniqueOrThrow({ where: { id: leaver.id } });
    expect(await sessionOf(await encode({ secret, token: { uid: leaver.id, sv: reactivated.sessionVersion, sid: "sid-ny" } }))).toMatchObject({ id: leaver.id });
  });

  it("lets the admin change a user's name and e-mail, never to an e-mail in use", async () => {
    const admin = await actorFor(t.db, "ada.admin@provstad.example");
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "slutar@provstad.example" } });
    expect(await updateUser(admin, { userId: user.id, name: "Slutar Senare", email: "Ada.Admin@provstad.example" }, t.db)).toMatchObject({ ok: false, code: "epost-kan-inte-anvandas" });
    expect(await updateUser(admin, { userId: user.id, name: "Slutar Senare", email: " Ny.Adress@provstad.example" }, t.db)).toMatchObject({ ok: true, code: "uppgifter-sparade" });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: "Slutar Senare", email: "ny.adress@provstad.example" });
    expect(await updateUser(admin, { userId: user.id, name: "Slutar Senare", email: "ny.adress@provstad.example" }, t.db)).toMatchObject({ code: "inget-andrat" });
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: "user.update", entityId: user.id } });
    expect(audit.before).toMatchObject({ email: "slutar@provstad.example" });
    // Someone without user:manage changes nothing.
    const other = await actorFor(t.db, "ny.adress@provstad.example");
    expect(await updateUser(other, { userId: admin.id, name: "Kapad", email: "kapad@provstad.example" }, t.db)).toMatchObject({ ok: false, code: "ej-behorig" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).name).toBe("Ada Admin");
  });

  it("changes one's own password only with the current one, and ends the other sessions", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "ada.admin@provstad.example" } });
    const actor = await actorFor(t.db, user.email);
    const change = { currentPassword: "fel lösenord här", password: "mitt nya långa lösenord", passwordRepeat: "mitt nya långa lösenord" };
    expect(await changeOwnPassword(actor, change, t.db, NOW)).toMatchObject({ ok: false, errors: { currentPassword: ["Fel nuvarande lösenord."] } });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion);
    const changed = await changeOwnPassword(actor, { ...change, currentPassword: "återställt lösenord" }, t.db, NOW);
    expect(changed).toMatchObject({ ok: true, sessionVersion: user.sessionVersion + 1 });
    // Another device's session (the old version) is over; the one renewed with the new version goes on.
    expect(await loadSessionUser(t.db, user.id, user.sessionVersion, "annan-enhet")).toBeNull();
    expect(await loadSessionUser(t.db, user.id, user.sessionVersion + 1, "den-har")).not.toBeNull();
    expect(await authenticateWithPassword(t.db, user.email, "mitt nya långa lösenord", "10.7.0.1", NOW)).toMatchObject({ ok: true });
  });

  it("prints a break-glass link for an active user only", async () => {
    expect(await issueResetLinkForEmail(t.db, "okand@provstad.example", BASE, NOW)).toEqual({ ok: false, message: "Det finns ingen användare med den e-postadressen; ingenting ändrades." });
    const issued = await issueResetLinkForEmail(t.db, "ADA.admin@provstad.example", BASE, NOW);
    expect(issued).toMatchObject({ ok: true, name: "Ada Admin" });
    if (!issued.ok) return;
    expect(await setPasswordWithToken(t.db, newPassword("nödlösenordet är långt", tokenOf(issued.link)), NOW)).toEqual({ ok: true, message: PASSWORD_SET });
  });
});
