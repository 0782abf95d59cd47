import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries, auditFilterSchema } from "@/lib/audit/queries";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session-user";
import { assignRole, assignRoles, createUser, createUsers, removeRole, setUserActive, setUserPassword } from "@/lib/users/mutations";
import { EMAIL_UNAVAILABLE } from "@/lib/users/messages";
import { listUsers } from "@/lib/users/queries";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";

describe.each(DATABASE_KINDS)("user administration and the audit trail on %s", (kind) => {
  let t: TestDatabase;
  let admin: SessionUser;
  let chief: SessionUser;
  const actor = async (email: string) => {
    const u = await t.db.user.findUniqueOrThrow({ where: { email } });
    return (await loadSessionUser(t.db, u.id, u.sessionVersion))!;
  };
  const snapshot = async () => ({
    users: await t.db.user.count(),
    roles: await t.db.roleAssignment.count(),
    audit: await t.db.auditEntry.count(),
    active: await t.db.user.count({ where: { active: true } }),
  });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    admin = await actor("admin@arshjulet.example");
    chief = await actor("enhetschef@arshjulet.example");
  });
  afterAll(() => t?.close());

  it("lets the admin create a user, give a unit role, and the user can sign in", async () => {
    const larkan = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    expect(await createUser(admin, { name: "Ny Chef", email: "Ny.Chef@kommun.example", password: "ett-langt-losenord" }, t.db)).toMatchObject({ ok: true });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "ny.chef@kommun.example" } });
    expect(await assignRole(admin, { userId: user.id, role: "ENHETSCHEF", unitId: larkan.id }, t.db)).toMatchObject({ ok: true });
    const session = await loadSessionUser(t.db, user.id, user.sessionVersion);
    expect(session?.assignments).toEqual([expect.objectContaining({ role: "ENHETSCHEF", unitId: larkan.id })]);
    expect(await authenticateWithPassword(t.db, "ny.chef@kommun.example", "ett-langt-losenord", "10.5.0.1")).toMatchObject({ ok: true });
    const audit = await t.db.auditEntry.findMany({ where: { actorId: admin.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["user.create", "role.assign"]);
    expect(JSON.stringify(audit)).not.toMatch(/scrypt|ett-langt-losenord/);
    // The whole verksamhet is a choice of its own, made explicitly.
    expect(await assignRole(admin, { userId: user.id, role: "VERKSAMHETSUTVECKLARE", unitId: "hela-verksamheten" }, t.db)).toMatchObject({ ok: true });
    expect(await t.db.roleAssignment.findFirstOrThrow({ where: { userId: user.id, role: "VERKSAMHETSUTVECKLARE" } })).toMatchObject({ unitId: null });
    await t.db.roleAssignment.deleteMany({ where: { userId: user.id, role: "VERKSAMHETSUTVECKLARE" } });
  });

  it("deactivation ends the user's sessions and sign-ins; reactivation lets them in again", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "ny.chef@kommun.example" } });
    expect(await setUserActive(admin, { userId: user.id, active: "false" }, t.db)).toMatchObject({ ok: true });
    expect(await loadSessionUser(t.db, user.id, user.sessionVersion)).toBeNull();
    expect(await authenticateWithPassword(t.db, user.email, "ett-langt-losenord", "10.5.0.2")).toEqual({ ok: false, reason: "INVALID" });
    expect(await setUserActive(admin, { userId: user.id, active: "true" }, t.db)).toMatchObject({ ok: true });
    expect(await authenticateWithPassword(t.db, user.email, "ett-langt-losenord", "10.5.0.3")).toMatchObject({ ok: true });
  });

  it("refuses bad input and other roles, changing nothing", async () => {
    const before = await snapshot();
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "ny.chef@kommun.example" } });
    const cases = [
      [admin, createUser, { name: "Dubblett", email: "ny.chef@kommun.example", password: "" }, EMAIL_UNAVAILABLE],
      [admin, createUser, { name: "Kort", email: "kort@kommun.example", password: "kort" }, "Lösenordet måste ha minst 12 tecken."],
      [admin, createUser, { name: "X", email: "inte-en-adress", password: "" }, "Ange namn."],
      [admin, assignRole, { userId: user.id, role: "BRANDCHEF", unitId: "" }, "Välj en roll."],
      // Neither the role nor its scope has a default: an untouched field is refused, not read as the whole verksamhet.
      [admin, assignRole, { userId: user.id, role: "", unitId: "hela-verksamheten" }, "Välj en roll."],
      [admin, assignRole, { userId: user.id, role: "ENHETSCHEF", unitId: "" }, "Välj vad rollen gäller: en enhet eller hela verksamheten."],
      [admin, assignRole, { userId: user.id, role: "ENHETSCHEF" }, "Välj vad rollen gäller: en enhet eller hela verksamheten."],
      [admin, assignRole, { userId: user.id, role: "ENHETSCHEF", unitId: "okand-enhet" }, "Enheten finns inte i din verksamhet."],
      [admin, setUserActive, { userId: admin.id, active: "false" }, "Du kan inte inaktivera dig själv."],
      [chief, createUser, { name: "Smygare", email: "smyg@kommun.example", password: "" }, "Du får inte administrera användare."],
      [chief, setUserActive, { userId: user.id, active: "false" }, "Du får inte administrera användare."],
      [chief, setUserPassword, { userId: user.id, password: "ett-annat-langt-losen" }, "Du får inte administrera användare."],
    ] as const;
    for (const [who, mutation, input, message] of cases) {
      expect(await mutation(who, input, t.db)).toMatchObject({ ok: false, message });
    }
    const own = await t.db.roleAssignment.findFirstOrThrow({ where: { userId: admin.id, role: "ADMIN" } });
    expect(await removeRole(admin, { assignmentId: own.id }, t.db)).toMatchObject({ ok: false, code: "sista-admin", message: "Du kan inte ta bort din egen sista administratörsroll." });
    expect(await snapshot()).toEqual(before);
    expect(await listUsers(chief, t.db)).toBeNull();
  });

  it("filters the audit trail by user, unit and date, and hides it from roles without access", async () => {
    const all = (await listAuditEntries(admin, auditFilterSchema.parse({}), t.db))!;
    expect(all.total).toBeGreaterThanOrEqual(5);
    const byAdmin = (await listAuditEntries(admin, auditFilterSchema.parse({ anvandare: admin.id }), t.db))!;
    expect(byAdmin.entries.every((e) => e.actorId === admin.id)).toBe(true);
    expect(byAdmin.entries[0]!.at.getTime()).toBeGreaterThanOrEqual(byAdmin.entries.at(-1)!.at.getTime());
    const larkan = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    const byUnit = (await listAuditEntries(admin, auditFilterSchema.parse({ enhet: larkan.id }), t.db))!;
    expect(byUnit.entries.map((e) => e.action)).toEqual(["role.assign"]);
    const future = (await listAuditEntries(admin, auditFilterSchema.parse({ fran: "2999-01-01" }), t.db))!;
    expect(future.total).toBe(0);
    expect(await listAuditEntries(chief, auditFilterSchema.parse({}), t.db)).toBeNull();
  });

  it("filters the log by Swedish days: 00:30 on 1 December in Sweden is 1 December, not 30 November", async () => {
    const organisationId = admin.organisationId!;
    const write = (at: string) => t.db.auditEntry.create({ data: { at: new Date(at), actorId: admin.id, action: "test.midnight", entityType: "Organisation", entityId: organisationId } });
    const [early, late] = [await write("2026-11-30T23:30:00Z"), await write("2026-12-01T23:30:00Z")];
    const ids = async (filter: Record<string, string>) =>
      (await listAuditEntries(admin, auditFilterSchema.parse(filter), t.db))!.entries.filter((e) => e.action === "test.midnight").map((e) => e.id);
    expect(await ids({ fran: "2026-12-01", till: "2026-12-01" })).toEqual([early.id]);
    expect(await ids({ till: "2026-11-30" })).toEqual([]);
    expect(await ids({ fran: "2026-12-02" })).toEqual([late.id]);
    await t.db.auditEntry.deleteMany({ where: { action: "test.midnight" } });
  });

  // The organisation import's path (issue 30, H8): hundreds at once, written in several statements, still all or none.
  it("creates users and gives roles hundreds at once, all or none, one audit entry each", async () => {
    const larkan = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    const many = Array.from({ length: 450 }, (_, i) => ({ name: `Massa ${i + 1}`, email: `massa-${i + 1}@kommun.example`, password: "" }));
    const before = await snapshot();
    // One address in the last part is taken: nothing of the earlier parts is written either.
    expect(await createUsers(admin, [...many, { name: "Dubblett", email: "admin@arshjulet.example", password: "" }], t.db)).toMatchObject({ ok: false, code: "epost-kan-inte-anvandas" });
    expect(await createUsers(admin, [...many, many[3]!], t.db)).toMatchObject({ ok: false, code: "epost-kan-inte-anvandas" });
    expect(await createUsers(chief, many, t.db)).toMatchObject({ ok: false });
    expect(await snapshot()).toEqual(before);
    expect(await createUsers(admin, many, t.db)).toMatchObject({ ok: true, code: "skapad" });
    const created = await t.db.user.findMany({ where: { email: { startsWith: "massa-" } }, select: { id: true, passwordHash: true } });
    expect(created).toHaveLength(450);
    expect(created.every((u) => u.passwordHash === null)).toBe(true);
    expect(await t.db.auditEntry.count({ where: { action: "user.create", entityId: { in: created.map((u) => u.id) } } })).toBe(450);

    const roles = created.map((u) => ({ userId: u.id, role: "KOORDINATOR", unitId: larkan.id }));
    const afterUsers = await snapshot();
    expect(await assignRoles(admin, [...roles, roles[7]!], t.db)).toMatchObject({ ok: false, code: "har-rollen" });
    expect(await assignRoles(admin, [...roles, { userId: chief.id, role: "KOORDINATOR", unitId: "finns-inte" }], t.db)).toMatchObject({ ok: false, code: "enhet-finns-inte" });
    expect(await snapshot()).toEqual(afterUsers);
    // Nothing to give (an import without role rows): an answer, and nothing written.
    expect(await assignRoles(admin, [], t.db)).toMatchObject({ ok: true, code: "roll-tillagd" });
    expect(await snapshot()).toEqual(afterUsers);
    expect(await assignRoles(admin, roles, t.db)).toMatchObject({ ok: true, code: "roll-tillagd" });
    expect(await t.db.roleAssignment.count({ where: { userId: { in: created.map((u) => u.id) }, role: "KOORDINATOR", unitId: larkan.id, source: "MANUAL" } })).toBe(450);
    expect(await t.db.auditEntry.count({ where: { action: "role.assign", after: { path: ["role"], equals: "KOORDINATOR" }, actorId: admin.id } })).toBeGreaterThanOrEqual(450);
    // Held already: the one-at-a-time form says so too.
    expect(await assignRole(admin, roles[0]!, t.db)).toMatchObject({ ok: false, code: "har-rollen" });
  });
});
