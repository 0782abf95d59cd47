import "server-only";
import { getDb, type DbClient, type Prisma } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import { writeAudit } from "../audit/index.ts";
import { hashPassword } from "../auth/password.ts";
import type { Actor } from "../auth/permissions.ts";
import { adminOrganisationId, usersOfOrganisation } from "./queries.ts";
import { assignRoleSchema, createUserSchema, firstMessage, removeRoleSchema, setActiveSchema, setPasswordSchema } from "./schemas.ts";

export type UserResult = { ok: true; message: string } | { ok: false; message: string };
const refused: UserResult = { ok: false, message: "Du får inte administrera användare." };
const notFound: UserResult = { ok: false, message: "Användaren finns inte eller hör inte till din verksamhet." };

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
  if (!input.success) return { ok: false, message: firstMessage(input.error) };
  const passwordHash = input.data.password ? await hashPassword(input.data.password) : null;
  return asAdmin(actor, db, async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.data.email } })) return { ok: false, message: "Det finns redan en användare med den e-postadressen." };
    const user = await tx.user.create({ data: { name: input.data.name, email: input.data.email, passwordHash } });
    await writeAudit(tx, { actorId: actor.id, action: "user.create", entityType: "User", entityId: user.id, after: { ...publicUser(user), password: passwordHash ? "satt" : "ingen (bara kommunens inloggning)" } });
    return { ok: true, message: `${user.name} är skapad. Ge hen en roll nedan.` };
  });
}

export async function assignRole(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<UserResult> {
  const input = assignRoleSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: firstMessage(input.error) };
  return onUser(actor, db, input.data.userId, async (tx, user, organisationId) => {
    const { role, unitId } = input.data;
    if (unitId && !(await tx.unit.findFirst({ where: { id: unitId, area: { organisationId } } }))) {
      return { ok: false, message: "Enheten finns inte i din verksamhet." };
    }
    if (user.roleAssignments.some((a) => a.role === role && a.unitId === unitId && a.organisationId === organisationId)) {
      return { ok: false, message: "Användaren har redan den rollen där." };
    }
    const assignment = await tx.roleAssignment.create({ data: { userId: user.id, role, organisationId, unitId } });
    await writeAudit(tx, { actorId: actor.id, action: "role.assign", entityType: "RoleAssignment", entityId: assignment.id, unitId, after: { user: user.email, role, unitId } });
    return { ok: true, message: "Rollen är tillagd." };
  });
}

export async function removeRole(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<UserResult> {
  const input = removeRoleSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: firstMessage(input.error) };
  return asAdmin(actor, db, async (tx, organisationId) => {
    const assignment = await tx.roleAssignment.findFirst({ where: { id: input.data.assignmentId, organisationId }, include: { user: true } });
    if (!assignment) return { ok: false, message: "Rollen finns inte i din verksamhet." };
    if (assignment.userId === actor.id && assignment.role === "ADMIN") {
      const otherAdmin = await tx.roleAssignment.count({ where: { userId: actor.id, role: "ADMIN", organisationId, id: { not: assignment.id } } });
      if (otherAdmin === 0) return { ok: false, message: "Du kan inte ta bort din egen sista administratörsroll." };
    }
    await tx.roleAssignment.delete({ where: { id: assignment.id } });
    await writeAudit(tx, { actorId: actor.id, action: "role.remove", entityType: "RoleAssignment", entityId: assignment.id, unitId: assignment.unitId, before: { user: assignment.user.email, role: assignment.role, unitId: assignment.unitId } });
    return { ok: true, message: "Rollen är borttagen." };
  });
}

export async function setUserActive(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<UserResult> {
  const input = setActiveSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: firstMessage(input.error) };
  return onUser(actor, db, input.data.userId, async (tx, user) => {
    if (user.id === actor.id && !input.data.active) return { ok: false, message: "Du kan inte inaktivera dig själv." };
    if (user.active === input.data.active) return { ok: false, message: input.data.active ? "Användaren är redan aktiv." : "Användaren är redan inaktiverad." };
    // A new session version ends every session the user has, at their next request.
    const updated = await tx.user.update({ where: { id: user.id }, data: { active: input.data.active, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actorId: actor.id, action: input.data.active ? "user.activate" : "user.deactivate", entityType: "User", entityId: user.id, before: publicUser(user), after: publicUser(updated) });
    return { ok: true, message: input.data.active ? `${user.name} är aktiv igen.` : `${user.name} är inaktiverad och utloggad.` };
  });
}

export async function setUserPassword(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<UserResult> {
  const input = setPasswordSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: firstMessage(input.error) };
  const passwordHash = await hashPassword(input.data.password);
  return onUser(actor, db, input.data.userId, async (tx, user) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actorId: actor.id, action: "user.password", entityType: "User", entityId: user.id, after: { password: "bytt" } });
    return { ok: true, message: `Nytt lösenord satt för ${user.name}; hens sessioner är avslutade.` };
  });
}
