import "server-only";
import { getDb, type DbClient, type Prisma } from "../db/index.ts";
import { grantsFor, type Actor } from "../auth/permissions.ts";
import { activeUnitWhere } from "../active-units.ts";

/** The verksamhet in which the actor administers users, or null when they may not. */
export function adminOrganisationId(actor: Actor): string | null {
  return grantsFor(actor, "user:manage")[0]?.assignment.organisationId ?? null;
}

/**
 * Users an admin may see and change: the accounts of the admin's verksamhet, with or without a role. (Before every
 * user belonged to one, "no role" meant "any admin's", whichever verksamhet they were in.)
 */
export function usersOfOrganisation(organisationId: string): Prisma.UserWhereInput {
  return { organisationId };
}

export async function listUsers(actor: Actor, db: DbClient = getDb()) {
  const organisationId = adminOrganisationId(actor);
  if (!organisationId) return null;
  const [users, areas] = await Promise.all([
    db.user.findMany({
      where: usersOfOrganisation(organisationId),
      orderBy: [{ active: "desc" }, { name: "asc" }],
      select: {
        id: true, name: true, email: true, active: true, passwordHash: true, oidcSubject: true,
        roleAssignments: { where: { organisationId }, include: { unit: { select: { name: true } } }, orderBy: { role: "asc" } },
      },
    }),
    db.area.findMany({ where: { organisationId }, orderBy: { position: "asc" }, include: { units: { where: activeUnitWhere(), orderBy: { name: "asc" } } } }),
  ]);
  return {
    organisationId,
    areas,
    users: users.map(({ passwordHash, oidcSubject, ...u }) => ({ ...u, hasPassword: passwordHash !== null, oidcLinked: oidcSubject !== null })),
  };
}

export type UserList = NonNullable<Awaited<ReturnType<typeof listUsers>>>;

/** Whether the user signs in with a password of their own (else only through the municipality's provider). */
export async function hasPassword(userId: string, db: DbClient = getDb()): Promise<boolean> {
  return (await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } }))?.passwordHash != null;
}
