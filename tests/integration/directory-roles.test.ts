import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveOidcUser, type OidcOptions } from "@/lib/users/oidc";
import { createDirectoryMapping, removeDirectoryMapping } from "@/lib/users/directory-mappings";
import { assignRole } from "@/lib/users/mutations";
import { claimValues } from "@/lib/users/directory-roles";
import { removeArea } from "@/lib/organisation/mutations";
import { WHOLE_VERKSAMHET } from "@/lib/users/schemas";
import type { SessionUser } from "@/lib/auth/session-user";
import { actorFor } from "./helpers/actors";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";

// Issue 31, item 2: roles from the directory's claim through the admin's table, kept apart from roles given by hand.
const ENTRA: OidcOptions = { allowedDomains: ["arshjulet.example"], rolesClaim: "roles" };

describe("claimValues", () => {
  it("reads an array or a single string, drops blanks and duplicates, and leaves the roles alone on a groups overage", () => {
    expect(claimValues({ roles: ["A", " A ", "", 3, "B"] }, "roles")).toEqual(["A", "B"]);
    expect(claimValues({ groups: "g-1" }, "groups")).toEqual(["g-1"]);
    expect(claimValues({}, "roles")).toEqual([]);
    expect(claimValues({ roles: { A: true } }, "roles")).toEqual([]);
    expect(claimValues({ _claim_names: { groups: "src1" } }, "groups")).toBeNull();
  });
});

describe.each(DATABASE_KINDS)("roles from the directory on %s", (kind) => {
  let t: TestDatabase;
  let admin: SessionUser;
  const unit = (name: string) => t.db.unit.findFirstOrThrow({ where: { name } });
  const area = (name: string) => t.db.area.findFirstOrThrow({ where: { name } });
  const rolesOf = async (email: string, source: "MANUAL" | "DIRECTORY") => {
    const rows = await t.db.roleAssignment.findMany({ where: { user: { email }, source }, include: { unit: { select: { name: true } } } });
    return rows.map((r) => `${r.role}:${r.unit?.name ?? "*"}`).sort();
  };
  const map = async (claimValue: string, role: string, scope: string) => createDirectoryMapping(admin, { claimValue, role, scope }, t.db);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    admin = await actorFor(t.db, "admin@arshjulet.example");
    expect(await map("Arshjulet.Enhetschef.Larkan", "ENHETSCHEF", `enhet:${(await unit("Lärkan")).id}`)).toMatchObject({ ok: true, code: "rad-tillagd" });
    // A second value that gives the same role: one assignment, not two.
    expect(await map("grupp-larkan-chefer", "ENHETSCHEF", `enhet:${(await unit("Lärkan")).id}`)).toMatchObject({ ok: true });
    expect(await map("Arshjulet.Koordinator.Norr", "KOORDINATOR", `omrade:${(await area("Område Norr")).id}`)).toMatchObject({ ok: true });
    expect(await map("Arshjulet.Utvecklare", "VERKSAMHETSUTVECKLARE", WHOLE_VERKSAMHET)).toMatchObject({ ok: true });
  });
  afterAll(() => t?.close());

  it("validates a row: an unknown or closed unit, another verksamhet's area, a duplicate and bad input are refused in Swedish, and nothing is saved", async () => {
    const before = await t.db.directoryRoleMapping.count();
    const closed = await unit("Kastanjen");
    await t.db.unit.update({ where: { id: closed.id }, data: { active: false, closedOn: new Date("2026-06-01") } });
    const other = await t.db.organisation.create({ data: { slug: "annan-verksamhet", name: "Annan verksamhet", areas: { create: { name: "Annat område", units: { create: { name: "Annan enhet" } } } } }, include: { areas: { include: { units: true } } } });
    expect(await map("x", "ENHETSCHEF", "enhet:finns-inte")).toMatchObject({ ok: false, code: "enhet-finns-inte", message: expect.stringContaining("Enheten finns inte") });
    expect(await map("x", "ENHETSCHEF", `enhet:${closed.id}`)).toMatchObject({ ok: false, code: "enhet-finns-inte" });
    expect(await map("x", "ENHETSCHEF", `enhet:${other.areas[0]!.units[0]!.id}`)).toMatchObject({ ok: false, code: "enhet-finns-inte" });
    expect(await map("x", "ENHETSCHEF", `omrade:${other.areas[0]!.id}`)).toMatchObject({ ok: false, code: "omrade-finns-inte" });
    expect(await map("Arshjulet.Utvecklare", "VERKSAMHETSUTVECKLARE", WHOLE_VERKSAMHET)).toMatchObject({ ok: false, code: "rad-finns" });
    expect(await map("", "ENHETSCHEF", WHOLE_VERKSAMHET)).toMatchObject({ ok: false, code: "varde-saknas" });
    expect(await map("x".repeat(201), "ENHETSCHEF", WHOLE_VERKSAMHET)).toMatchObject({ ok: false, code: "varde-langt" });
    expect(await map("x", "SUPERADMIN", WHOLE_VERKSAMHET)).toMatchObject({ ok: false, code: "roll-saknas" });
    expect(await map("x", "ENHETSCHEF", "")).toMatchObject({ ok: false, code: "omfattning-saknas" });
    expect(await map("x", "ENHETSCHEF", "enhet:")).toMatchObject({ ok: false, code: "omfattning-saknas" });
    // Only an administrator.
    const chef = await actorFor(t.db, "verksamhetschef@arshjulet.example");
    expect(await createDirectoryMapping(chef, { claimValue: "x", role: "ADMIN", scope: WHOLE_VERKSAMHET }, t.db)).toMatchObject({ ok: false, code: "ej-behorig" });
    expect(await t.db.directoryRoleMapping.count()).toBe(before);
    await t.db.unit.update({ where: { id: closed.id }, data: { active: true, closedOn: null } });
  });

  it("creates an unknown allowed-domain user at the first sign-in with the mapped roles, once per role, audited", async () => {
    const email = "ny.chef@arshjulet.example";
    const result = await resolveOidcUser(t.db, { sub: "entra-ny-chef", preferred_username: "Ny.Chef@arshjulet.example", name: "Ny Chef", roles: ["Arshjulet.Enhetschef.Larkan", "grupp-larkan-chefer", "Okänt.Värde"] }, ENTRA);
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    expect(result).toEqual({ ok: true, userId: user.id, sessionVersion: user.sessionVersion });
    expect(user).toMatchObject({ name: "Ny Chef", passwordHash: null, oidcSubject: "entra-ny-chef", active: true, organisationId: admin.assignments[0]!.organisationId });
    expect(await rolesOf(email, "DIRECTORY")).toEqual(["ENHETSCHEF:Lärkan"]);
    expect(await rolesOf(email, "MANUAL")).toEqual([]);
    const audit = await t.db.auditEntry.findMany({ where: { entityId: user.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["user.created.jit", "roles.synced"]);
    expect(audit[1]!.before).toEqual({ roller: [] });
    expect(audit[1]!.after).toEqual({ roller: [{ role: "ENHETSCHEF", unitId: (await unit("Lärkan")).id }] });
  });

  it("refuses an account whose values have no row, or that is outside the domains, and creates nothing", async () => {
    const before = await t.db.user.count();
    expect(await resolveOidcUser(t.db, { sub: "entra-u1", preferred_username: "omappad@arshjulet.example", roles: ["Okänt.Värde"] }, ENTRA)).toEqual({ ok: false, reason: "OidcUnknown" });
    expect(await resolveOidcUser(t.db, { sub: "entra-u2", preferred_username: "utan.roller@arshjulet.example" }, ENTRA)).toEqual({ ok: false, reason: "OidcUnknown" });
    expect(await resolveOidcUser(t.db, { sub: "entra-u3", preferred_username: "chef@annan.example", roles: ["Arshjulet.Utvecklare"] }, ENTRA)).toEqual({ ok: false, reason: "OidcDomain" });
    // Without OIDC_ALLOWED_EMAIL_DOMAINS no one is created, even with a verified address and a mapped value.
    expect(await resolveOidcUser(t.db, { sub: "entra-u4", email: "verifierad@arshjulet.example", email_verified: true, roles: ["Arshjulet.Utvecklare"] }, { allowedDomains: [], rolesClaim: "roles" })).toEqual({ ok: false, reason: "OidcUnknown" });
    // Without OIDC_ROLES_CLAIM, as before issue 31's roles: no one is created.
    expect(await resolveOidcUser(t.db, { sub: "entra-u5", preferred_username: "utan.installning@arshjulet.example", roles: ["Arshjulet.Utvecklare"] }, { allowedDomains: ["arshjulet.example"] })).toEqual({ ok: false, reason: "OidcUnknown" });
    expect(await t.db.user.count()).toBe(before);
  });

  it("re-sets the directory's roles at every sign-in and never touches the ones given by hand", async () => {
    const email = "koordinator@arshjulet.example";
    const claims = (roles: string[]) => ({ sub: "entra-ko", upn: email, roles });
    expect(await resolveOidcUser(t.db, claims(["Arshjulet.Koordinator.Norr"]), ENTRA)).toMatchObject({ ok: true });
    // An area row gives one role per open unit of the area; the hand-given role from the seed stays as it is.
    expect(await rolesOf(email, "DIRECTORY")).toEqual(["KOORDINATOR:Ekdungen", "KOORDINATOR:Lärkan", "KOORDINATOR:Tallbacken"]);
    expect(await rolesOf(email, "MANUAL")).toEqual(["KOORDINATOR:Lärkan"]);
    // The same roles again: nothing changes, nothing audited.
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    const synced = () => t.db.auditEntry.count({ where: { entityId: user.id, action: "roles.synced" } });
    expect(await synced()).toBe(1);
    await resolveOidcUser(t.db, claims(["Arshjulet.Koordinator.Norr"]), ENTRA);
    expect(await synced()).toBe(1);
    // The claim changes: the new role comes, the old one goes; the hand-given one stays.
    await resolveOidcUser(t.db, claims(["Arshjulet.Utvecklare"]), ENTRA);
    expect(await rolesOf(email, "DIRECTORY")).toEqual(["VERKSAMHETSUTVECKLARE:*"]);
    expect(await rolesOf(email, "MANUAL")).toEqual(["KOORDINATOR:Lärkan"]);
    // The claim is gone: every role from the directory goes at this sign-in.
    await resolveOidcUser(t.db, { sub: "entra-ko", upn: email }, ENTRA);
    expect(await rolesOf(email, "DIRECTORY")).toEqual([]);
    expect(await rolesOf(email, "MANUAL")).toEqual(["KOORDINATOR:Lärkan"]);
    expect(await synced()).toBe(3);
    // The admin may give by hand a role the directory gives too, and it survives the directory's change.
    await resolveOidcUser(t.db, claims(["Arshjulet.Utvecklare"]), ENTRA);
    expect(await assignRole(admin, { userId: user.id, role: "VERKSAMHETSUTVECKLARE", unitId: WHOLE_VERKSAMHET }, t.db)).toMatchObject({ ok: true });
    // Held from both sources, the role counts once in the session.
    expect((await actorFor(t.db, email)).assignments.filter((a) => a.role === "VERKSAMHETSUTVECKLARE")).toHaveLength(1);
    await resolveOidcUser(t.db, claims([]), ENTRA);
    expect(await rolesOf(email, "MANUAL")).toEqual(["KOORDINATOR:Lärkan", "VERKSAMHETSUTVECKLARE:*"]);
    // A groups overage (the claim did not fit): the roles are left as they are.
    await resolveOidcUser(t.db, claims(["Arshjulet.Utvecklare"]), ENTRA);
    await resolveOidcUser(t.db, { sub: "entra-ko", upn: email, _claim_names: { roles: "src1" } }, ENTRA);
    expect(await rolesOf(email, "DIRECTORY")).toEqual(["VERKSAMHETSUTVECKLARE:*"]);
  });

  it("a row whose unit was closed later gives no role; a removed row's role goes at the next sign-in", async () => {
    const email = "enhetschef@arshjulet.example";
    const tallbacken = await unit("Tallbacken");
    expect(await map("Arshjulet.Enhetschef.Tallbacken", "ENHETSCHEF", `enhet:${tallbacken.id}`)).toMatchObject({ ok: true });
    await resolveOidcUser(t.db, { sub: "entra-ec", preferred_username: email, roles: ["Arshjulet.Enhetschef.Tallbacken", "Arshjulet.Utvecklare"] }, ENTRA);
    expect(await rolesOf(email, "DIRECTORY")).toEqual(["ENHETSCHEF:Tallbacken", "VERKSAMHETSUTVECKLARE:*"]);
    await t.db.unit.update({ where: { id: tallbacken.id }, data: { active: false, closedOn: new Date("2026-10-01") } });
    await resolveOidcUser(t.db, { sub: "entra-ec", roles: ["Arshjulet.Enhetschef.Tallbacken", "Arshjulet.Utvecklare"] }, ENTRA);
    expect(await rolesOf(email, "DIRECTORY")).toEqual(["VERKSAMHETSUTVECKLARE:*"]);
    await t.db.unit.update({ where: { id: tallbacken.id }, data: { active: true, closedOn: null } });
    const row = await t.db.directoryRoleMapping.findFirstOrThrow({ where: { claimValue: "Arshjulet.Utvecklare" } });
    expect(await removeDirectoryMapping(admin, { mappingId: row.id }, t.db)).toMatchObject({ ok: true, code: "rad-borttagen" });
    expect(await t.db.auditEntry.count({ where: { action: "directory-mapping.remove", entityId: row.id, actorId: admin.id } })).toBe(1);
    expect(await removeDirectoryMapping(admin, { mappingId: row.id }, t.db)).toMatchObject({ ok: false, code: "rad-finns-inte" });
    await resolveOidcUser(t.db, { sub: "entra-ec", roles: ["Arshjulet.Enhetschef.Tallbacken", "Arshjulet.Utvecklare"] }, ENTRA);
    expect(await rolesOf(email, "DIRECTORY")).toEqual(["ENHETSCHEF:Tallbacken"]);
    expect(await rolesOf(email, "MANUAL")).toEqual(["ENHETSCHEF:Lärkan", "ENHETSCHEF:Tallbacken"]);
  });

  it("keeps verksamheter apart: another verksamhet's rows give nothing here and cannot be removed from here", async () => {
    const other = await t.db.organisation.findUniqueOrThrow({ where: { slug: "annan-verksamhet" } });
    const foreign = await t.db.directoryRoleMapping.create({ data: { organisationId: other.id, claimValue: "Arshjulet.Enhetschef.Larkan", role: "ADMIN" } });
    expect(await removeDirectoryMapping(admin, { mappingId: foreign.id }, t.db)).toMatchObject({ ok: false, code: "rad-finns-inte" });
    // A user of this verksamhet with that value gets this verksamhet's role only, never the other's ADMIN.
    await resolveOidcUser(t.db, { sub: "entra-ny-chef", roles: ["Arshjulet.Enhetschef.Larkan"] }, ENTRA);
    expect(await rolesOf("ny.chef@arshjulet.example", "DIRECTORY")).toEqual(["ENHETSCHEF:Lärkan"]);
    // A new user whose values give roles in two verksamheter is not created (a user belongs to one).
    const before = await t.db.user.count();
    expect(await resolveOidcUser(t.db, { sub: "entra-tva", preferred_username: "tva.verksamheter@arshjulet.example", roles: ["Arshjulet.Enhetschef.Larkan"] }, ENTRA)).toEqual({ ok: false, reason: "OidcUnknown" });
    expect(await t.db.user.count()).toBe(before);
    // The other verksamhet's value alone: the new user is created there, with that verksamhet's role.
    await t.db.directoryRoleMapping.create({ data: { organisationId: other.id, claimValue: "Annan.Admin", role: "ADMIN" } });
    expect(await resolveOidcUser(t.db, { sub: "entra-annan", preferred_username: "annan.admin@arshjulet.example", roles: ["Annan.Admin"] }, ENTRA)).toMatchObject({ ok: true });
    const created = await t.db.user.findUniqueOrThrow({ where: { email: "annan.admin@arshjulet.example" }, include: { roleAssignments: true } });
    expect(created.organisationId).toBe(other.id);
    expect(created.roleAssignments.map((a) => [a.role, a.organisationId, a.source])).toEqual([["ADMIN", other.id, "DIRECTORY"]]);
  });

  it("an area used by a row cannot be removed until the row is gone", async () => {
    const empty = await t.db.area.create({ data: { organisationId: admin.assignments[0]!.organisationId, name: "Tomt område" } });
    expect(await map("Tomt", "KOORDINATOR", `omrade:${empty.id}`)).toMatchObject({ ok: true });
    expect(await removeArea(admin, { areaId: empty.id }, t.db)).toMatchObject({ ok: false, message: expect.stringContaining("Roller från katalogen") });
    const row = await t.db.directoryRoleMapping.findFirstOrThrow({ where: { areaId: empty.id } });
    await removeDirectoryMapping(admin, { mappingId: row.id }, t.db);
    expect(await removeArea(admin, { areaId: empty.id }, t.db)).toMatchObject({ ok: true });
  });
});
