import "server-only";
import { getDb, type DbClient, type Prisma } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import { writeAudit } from "../audit/index.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { isThrottled, recordAttempt } from "../auth/throttle.ts";
import { fieldErrorsOf, type Failure } from "../forms.ts";
import type { Actor } from "../auth/permissions.ts";
import { adminOrganisationId, usersOfOrganisation } from "./queries.ts";
import { codeOfMessage, USER_TEXTS, type UserCode } from "./messages.ts";
import { assignRoleSchema, changeOwnPasswordSchema, createUserSchema, firstMessage, removeRoleSchema, setActiveSchema, setPasswordSchema, unlinkOidcSchema, updateUserSchema } from "./schemas.ts";
import { activeUnitWhere } from "../active-units.ts";
import { getEnv } from "../env.ts";

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
    if (await tx.user.findUnique({ where: { email: input.data.email } })) return answer("epost-kan-inte-anvandas");
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
    // A role from the directory may be given by hand as well: the hand-given one stays when the directory drops it.
    if (user.roleAssignments.some((a) => a.source === "MANUAL" && a.role === role && a.unitId === unitId && a.organisationId === organisationId)) {
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

/**
 * The admin unlinks a user from the account of the municipality's sign-in (a wrong link, or a person whose directory
 * account was replaced): the stored subject goes, and the user's sessions end. The next sign-in through the provider
 * links again by e-mail, under the same rules as the first (lib/users/oidc.ts).
 */
export async function unlinkOidc(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<UserResult> {
  const input = unlinkOidcSchema.safeParse(raw);
  if (!input.success) return invalid(input.error);
  return onUser(actor, db, input.data.userId, async (tx, user) => {
    const { count } = await tx.user.updateMany({ where: { id: user.id, oidcSubject: { not: null } }, data: { oidcSubject: null, sessionVersion: { increment: 1 } } });
    if (count === 0) return answer("oidc-ej-kopplad");
    await writeAudit(tx, { actorId: actor.id, action: "user.oidc-unlink", entityType: "User", entityId: user.id, before: { kopplad: "kommunens inloggning" }, after: { kopplad: "nej" } });
    return answer("oidc-bortkopplad", user);
  });
}

/** The admin changes a user's name and e-mail; a new e-mail must be free (refused in the words of decision 031). Sessions go on (the person is the same). */
export async function updateUser(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<UserResult> {
  const input = updateUserSchema.safeParse(raw);
  if (!input.success) return invalid(input.error);
  const { name, email } = input.data;
  return onUser(actor, db, input.data.userId, async (tx, user) => {
    if (user.name === name && user.email === email) return answer("inget-andrat", user);
    if (email !== user.email && (await tx.user.findUnique({ where: { email } }))) return answer("epost-kan-inte-anvandas");
    const updated = await tx.user.update({ where: { id: user.id }, data: { name, email } });
    await writeAudit(tx, { actorId: actor.id, action: "user.update", entityType: "User", entityId: user.id, before: publicUser(user), after: publicUser(updated) });
    return answer("uppgifter-sparade", updated);
  });
}

// Counted as a failed sign-in of the account (lib/auth/throttle.ts), so a stolen session cannot guess the password.
const OWN_PASSWORD_ADDRESS = "installningar";

/**
 * Every user's own new password (/installningar): the current one is required, and every session of the user ends
 * but the one that changed it (the caller renews that one's cookie with the returned sessionVersion).
 */
export async function changeOwnPassword(actor: Actor, raw: unknown, db: DbClient = getDb(), now = new Date()): Promise<({ ok: true; message: string; sessionVersion: number }) | Failure> {
  const input = changeOwnPasswordSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: "Kontrollera lösenorden.", errors: fieldErrorsOf(input.error) };
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user?.active) return { ok: false, message: "Ditt konto är inte aktivt." };
  if (!user.passwordHash) return { ok: false, message: `Ditt konto har inget lösenord: du loggar in med ${getEnv().OIDC_DISPLAY_NAME}.` };
  if (await isThrottled(db, user.email, OWN_PASSWORD_ADDRESS, now)) return { ok: false, message: "För många felaktiga försök. Vänta 15 minuter och försök igen." };
  if (!(await verifyPassword(input.data.currentPassword, user.passwordHash))) {
    await recordAttempt(db, user.email, OWN_PASSWORD_ADDRESS, false, now);
    return { ok: false, message: "Kontrollera lösenorden.", errors: { currentPassword: ["Fel nuvarande lösenord."] } };
  }
  const passwordHash = await hashPassword(input.data.password);
  return inTransaction(db, async (tx) => {
    // Only if nothing changed the account meanwhile (another session's change, a deactivation).
    const { count } = await tx.user.updateMany({ where: { id: user.id, active: true, sessionVersion: user.sessionVersion }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    if (count === 0) return { ok: false as const, message: "Kontot ändrades samtidigt. Ladda om sidan och försök igen." };
    await writeAudit(tx, { actorId: user.id, action: "user.password", entityType: "User", entityId: user.id, after: { password: "bytt av användaren" } });
    return { ok: true as const, message: "Lösenordet är bytt. Du är utloggad på dina andra enheter.", sessionVersion: user.sessionVersion + 1 };
  });
}
