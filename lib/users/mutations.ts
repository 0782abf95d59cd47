import "server-only";
import { getDb, type DbClient, type Prisma } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import { writeAudit } from "../audit/index.ts";
import { hashPassword } from "../auth/password.ts";
import type { Actor } from "../auth/permissions.ts";
import { adminOrganisationId, usersOfOrganisation } from "./queries.ts";
import { codeOfMessage, USER_TEXTS, type UserCode } from "./messages.ts";
import { assignRoleSchema, createUserSchema, firstMessage, removeRoleSchema, setActiveSchema, setPasswordSchema } from "./schemas.ts";
import { activeUnitWhere } from "../active-units.ts";

/** An answer by code (lib/users/messages.ts), with its text and the user it is about, for the page after the redirect. */
export type UserResult = { ok: boolean; code: UserCode; message: string; userId?: string };

function answer(code: UserCode, user?: { id: string; name: string }): UserResult {
  const entry: { text: string; error?: boolean } = USER_TEXTS[code];
  return { ok: !entry.error, code, message: entry.text.replaceAll("{namn}", user?.name ?? "Användaren"), ...(user ? { userId: user.id } : {}) };
}
const invalid = (error: Parameters<typeof firstMessage>[0]) => answer(codeOfMessage(firstMessage(error)));
const refused = answer("ej-behorig");
const notFound = answer("finns-inte");

type Tx = Prisma.TransactionClient;

// Every user mutation: the actor's admin verksamhet, then the work in one transaction.
async function asAdmin(actor: Actor, db: DbClient, work: (tx: Tx, organisationId: string) => Promise<UserResult>): Promise<UserResult> {
  const organisationId = adminOrganisationId(actor);
  if (!organisationId) return refused;
  return inTransaction(db, (tx) => work(tx, organisationId));
}

function findUser(tx: Tx, organisationId: string, userId: string) {
  return tx.user.findFirst({ where: { id: userId, ...usersOfOrganisation(organisationId) }, include: { roleAssignments: true } });
}

type UserWithRoles = NonNullable<Awaited<ReturnType<typeof findUser>>>;

// A change to one user: asAdmin, and that user in the actor's verksamhet (or notFound).
function onUser(actor: Actor, db: DbClient, userId: string, work: (tx: Tx, user: UserWithRoles, organisationId: string) => Promise<UserResult>): Promise<UserResult> {
  return asAdmin(actor, db, async (tx, organisationId) => {
    const user = await findUser(tx, organisationId, userId);
    return user ? work(tx, user, organisationId) : notFound;
  });
}

const publicUser = (u: { name: string; email: string; active: boolean }) => ({ name: u.name, email: u.email, active: u.active });

export async function createUser(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<UserResult> {
  const input = createUserSchema.safeParse(raw);
  if (!input.success) return invalid(input.error);
  const passwordHash = input.data.password ? await hashPassword(input.data.password) : null;
  return asAdmin(actor, db, async (tx, organisationId) => {
    if (await tx.user.findUnique({ where: { email: input.data.email } })) return answer("epost-upptagen");
    const user = await tx.user.create({ data: { organisationId, name: input.data.name, email: input.data.email, passwordHash } });
    await writeAudit(tx, { actorId: actor.id, action: "user.create", entityType: "User", entityId: user.id, after: { ...publicUser(user), password: passwordHash ? "satt" : "ingen (bara kommunens inloggning)" } });
    return answer("skapad", user);
  });
}

export async function assignRole(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<UserResult> {
  const input = assignRoleSchema.safeParse(raw);
  if (!input.success) return invalid(input.error);
  return onUser(actor, db, input.data.userId, async (tx, user, organisationId) => {
    const { role, unitId } = input.data;
    if (unitId && !(await tx.unit.findFirst({ where: { id: unitId, ...activeUnitWhere(organisationId) } }))) {
      return answer("enhet-finns-inte");
    }
    if (user.roleAssignments.some((a) => a.role === role && a.unitId === unitId && a.organisationId === organisationId)) {
      return answer("har-rollen");
    }
    const assignment = await tx.roleAssignment.create({ data: { userId: user.id, role, organisationId, unitId } });
    await writeAudit(tx, { actorId: actor.id, action: "role.assign", entityType: "RoleAssignment", entityId: assignment.id, unitId, after: { user: user.email, role, unitId } });
    return answer("roll-tillagd", user);
  });
}

export async function removeRole(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<UserResult> {
  const input = removeRoleSchema.safeParse(raw);
  if (!input.success) return invalid(input.error);
  return asAdmin(actor, db, async (tx, organisationId) => {
    const assignment = await tx.roleAssignment.findFirst({ where: { id: input.data.assignmentId, organisationId }, include: { user: true } });
    if (!assignment) return answer("roll-finns-inte");
    if (assignment.userId === actor.id && assignment.role === "ADMIN") {
      const otherAdmin = await tx.roleAssignment.count({ where: { userId: actor.id, role: "ADMIN", organisationId, id: { not: assignment.id } } });
      if (otherAdmin === 0) return answer("sista-admin");
    }
    await tx.roleAssignment.delete({ where: { id: assignment.id } });
    await writeAudit(tx, { actorId: actor.id, action: "role.remove", entityType: "RoleAssignment", entityId: assignment.id, unitId: assignment.unitId, before: { user: assignment.user.email, role: assignment.role, unitId: assignment.unitId } });
    return answer("roll-borttagen", assignment.user);
  });
}

export async function setUserActive(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<UserResult> {
  const input = setActiveSchema.safeParse(raw);
  if (!input.success) return invalid(input.error);
  return onUser(actor, db, input.data.userId, async (tx, user) => {
    if (user.id === actor.id && !input.data.active) return answer("inaktivera-sig-sjalv");
    if (user.active === input.data.active) return answer(input.data.active ? "redan-aktiv" : "redan-inaktiv");
    // A new session version ends every session the user has, at their next request.
    const updated = await tx.user.update({ where: { id: user.id }, data: { active: input.data.active, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actorId: actor.id, action: input.data.active ? "user.activate" : "user.deactivate", entityType: "User", entityId: user.id, before: publicUser(user), after: publicUser(updated) });
    return answer(input.data.active ? "aktiverad" : "inaktiverad", user);
  });
}

export async function setUserPassword(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<UserResult> {
  const input = setPasswordSchema.safeParse(raw);
  if (!input.success) return invalid(input.error);
  const passwordHash = await hashPassword(input.data.password);
  return onUser(actor, db, input.data.userId, async (tx, user) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actorId: actor.id, action: "user.password", entityType: "User", entityId: user.id, after: { password: "bytt" } });
    return answer("losenord-satt", user);
  });
}
