import "server-only";
import type { z } from "zod";
import { getDb, type DbClient, type Prisma } from "../db/index.ts";
import { chunks, inTransaction, yieldToEventLoop } from "../db/transaction.ts";
import { writeAudit, writeAudits } from "../audit/index.ts";
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
  return createUsers(actor, [raw], db);
}

/**
 * Rows per statement of a set-based write of users or roles (the organisation import writes thousands): short
 * enough that other requests are answered between them on the embedded database (issue 30, H8). Prisma compiles a
 * createMany with its values, about 1 ms a row under load: 200 rows a statement still held the thread for 300 ms.
 */
const WRITE_BATCH = 50;

/**
 * Creates users, all or none: the user form's one, the organisation import's thousands. Each is checked as the
 * form checks it and gets its own audit entry; an e-mail held by any account (or twice in the list) refuses all.
 * Set-based, WRITE_BATCH users a statement with a yield between. The answer is the first refusal, or "skapad" with
 * the last user.
 */
export async function createUsers(actor: Actor, raws: unknown[], db: DbClient = getDb()): Promise<UserResult> {
  const inputs: { name: string; email: string; passwordHash: string | null }[] = [];
  for (const raw of raws) {
    const input = createUserSchema.safeParse(raw);
    if (!input.success) return invalid(input.error);
    inputs.push({ name: input.data.name, email: input.data.email, passwordHash: input.data.password ? await hashPassword(input.data.password) : null });
  }
  if (new Set(inputs.map((i) => i.email)).size < inputs.length) return answer("epost-kan-inte-anvandas");
  return asAdmin(actor, db, async (tx, organisationId) => {
    for (const part of chunks(inputs, WRITE_BATCH)) {
      await yieldToEventLoop();
      if (await tx.user.findFirst({ where: { email: { in: part.map((i) => i.email) } }, select: { id: true } })) return answer("epost-kan-inte-anvandas");
    }
    let last: { id: string; name: string } | undefined;
    for (const part of chunks(inputs, WRITE_BATCH)) {
      await yieldToEventLoop();
      const users = await tx.user.createManyAndReturn({ data: part.map((i) => ({ organisationId, ...i })) });
      await writeAudits(tx, users.map((user) => ({
        actorId: actor.id, action: "user.create", entityType: "User", entityId: user.id,
        after: { ...publicUser(user), password: user.passwordHash ? "satt" : "ingen (bara kommunens inloggning)" },
      })));
      last = users.find((u) => u.email === part.at(-1)!.email);
    }
    return answer("skapad", last);
  });
}

export async function assignRole(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<UserResult> {
  return assignRoles(actor, [raw], db);
}

/**
 * Gives roles to users of the admin's verksamhet, all or none: the form's one, the organisation import's thousands.
 * Checked as the form checks one (the user in the verksamhet, the unit active in it, the role not held already by
 * hand), each with its own audit entry; set-based as createUsers. The answer is the first refusal, or "roll-tillagd"
 * with the last user.
 */
export async function assignRoles(actor: Actor, raws: unknown[], db: DbClient = getDb()): Promise<UserResult> {
  const inputs: z.infer<typeof assignRoleSchema>[] = [];
  for (const raw of raws) {
    const input = assignRoleSchema.safeParse(raw);
    if (!input.success) return invalid(input.error);
    inputs.push(input.data);
  }
  return asAdmin(actor, db, async (tx, organisationId) => {
    const users = new Map<string, UserWithRoles>();
    for (const part of chunks([...new Set(inputs.map((i) => i.userId))], WRITE_BATCH)) {
      await yieldToEventLoop();
      for (const user of await tx.user.findMany({ where: { id: { in: part }, ...usersOfOrganisation(organisationId) }, include: { roleAssignments: true } })) users.set(user.id, user);
    }
    const units = new Set<string>();
    for (const part of chunks([...new Set(inputs.flatMap((i) => (i.unitId ? [i.unitId] : [])))], WRITE_BATCH)) {
      await yieldToEventLoop();
      for (const unit of await tx.unit.findMany({ where: { id: { in: part }, ...activeUnitWhere(organisationId) }, select: { id: true } })) units.add(unit.id);
    }
    const planned = new Set<string>();
    for (const { userId, role, unitId } of inputs) {
      const user = users.get(userId);
      if (!user) return notFound;
      if (unitId && !units.has(unitId)) return answer("enhet-finns-inte");
      // A role from the directory may be given by hand as well: the hand-given one stays when the directory drops it.
      const key = [userId, role, unitId].join("\u0000");
      if (planned.has(key) || user.roleAssignments.some((a) => a.source === "MANUAL" && a.role === role && a.unitId === unitId && a.organisationId === organisationId)) {
        return answer("har-rollen");
      }
      planned.add(key);
    }
    for (const part of chunks(inputs, WRITE_BATCH)) {
      await yieldToEventLoop();
      const assignments = await tx.roleAssignment.createManyAndReturn({ data: part.map(({ userId, role, unitId }) => ({ userId, role, organisationId, unitId })) });
      await writeAudits(tx, assignments.map((a) => ({
        actorId: actor.id, action: "role.assign", entityType: "RoleAssignment", entityId: a.id, unitId: a.unitId, after: { user: users.get(a.userId)!.email, role: a.role, unitId: a.unitId },
      })));
    }
    const lastUser = inputs.at(-1);
    return answer("roll-tillagd", lastUser && users.get(lastUser.userId));
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
