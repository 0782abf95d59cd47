import "server-only";
import { activeUnitWhere } from "../active-units.ts";
import { writeAudit } from "../audit/index.ts";
import type { OidcClaims } from "../auth/credentials.ts";
import type { Prisma } from "../db/index.ts";
import type { Role } from "../db/generated/enums.ts";

/** A role as the directory gives it: where it applies (a unit, or the whole verksamhet with null). */
export type DirectoryRole = { role: Role; unitId: string | null };

type Tx = Prisma.TransactionClient;

export const CLAIM_VALUE_MAX_LENGTH = 200;

/**
 * The values of the roles claim (OIDC_ROLES_CLAIM): Entra ID sends `roles` and `groups` as arrays of strings, other
 * providers sometimes one string. Null when the directory says the claim did not fit in the token (Entra's "groups
 * overage": `_claim_names` names the claim): the roles are then left as they are, not taken away.
 */
export function claimValues(claims: OidcClaims, claim: string): string[] | null {
  const overflow = claims._claim_names;
  if (overflow && typeof overflow === "object" && Object.hasOwn(overflow, claim)) return null;
  const raw = Object.hasOwn(claims, claim) ? claims[claim] : undefined;
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
  const values = list.filter((v): v is string => typeof v === "string").map((v) => v.trim());
  return [...new Set(values.filter((v) => v !== "" && v.length <= CLAIM_VALUE_MAX_LENGTH))];
}

const keyOf = (r: DirectoryRole) => `${r.role}|${r.unitId ?? ""}`;

/**
 * The roles the admin's table gives these claim values in one verksamhet, without duplicates (two values may give the
 * same role). A row for a unit gives it only while the unit is open; a row for an area gives one role per open unit of
 * the area as it is now; a value without a row gives nothing.
 */
export async function mappedRoles(tx: Tx, organisationId: string, values: readonly string[]): Promise<DirectoryRole[]> {
  if (values.length === 0) return [];
  const rows = await tx.directoryRoleMapping.findMany({
    where: { organisationId, claimValue: { in: [...values] } },
    select: {
      role: true,
      unitId: true,
      areaId: true,
      unit: { select: { active: true, area: { select: { organisationId: true } } } },
      area: { select: { units: { where: activeUnitWhere(organisationId), select: { id: true } } } },
    },
  });
  const roles = new Map<string, DirectoryRole>();
  const add = (r: DirectoryRole) => roles.set(keyOf(r), r);
  for (const row of rows) {
    if (row.unitId) {
      if (row.unit?.active && row.unit.area.organisationId === organisationId) add({ role: row.role, unitId: row.unitId });
    } else if (row.areaId) {
      for (const unit of row.area?.units ?? []) add({ role: row.role, unitId: unit.id });
    } else {
      add({ role: row.role, unitId: null });
    }
  }
  return [...roles.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

/**
 * Sets the user's roles from the directory to what the claim values give now, in the user's own verksamhet; the
 * roles given by hand (source MANUAL) are never read or touched. A change is audited as roles.synced with the roles
 * before and after; no change, no entry.
 */
export async function syncDirectoryRoles(tx: Tx, user: { id: string; organisationId: string }, values: readonly string[]): Promise<void> {
  const current = await tx.roleAssignment.findMany({ where: { userId: user.id, source: "DIRECTORY" }, select: { id: true, role: true, unitId: true, organisationId: true } });
  const wanted = await mappedRoles(tx, user.organisationId, values);
  const wantedKeys = new Set(wanted.map(keyOf));
  const kept = new Set<string>();
  const stale: string[] = [];
  for (const a of current) {
    const k = keyOf(a);
    // A second copy of the same role (two sign-ins at once) goes too.
    if (a.organisationId === user.organisationId && wantedKeys.has(k) && !kept.has(k)) kept.add(k);
    else stale.push(a.id);
  }
  const added = wanted.filter((r) => !kept.has(keyOf(r)));
  if (stale.length === 0 && added.length === 0) return;
  if (stale.length > 0) await tx.roleAssignment.deleteMany({ where: { id: { in: stale }, userId: user.id, source: "DIRECTORY" } });
  if (added.length > 0) {
    await tx.roleAssignment.createMany({ data: added.map((r) => ({ userId: user.id, organisationId: user.organisationId, role: r.role, unitId: r.unitId, source: "DIRECTORY" as const })) });
  }
  const describe = (list: readonly DirectoryRole[]) => list.map((r) => ({ role: r.role, unitId: r.unitId })).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  await writeAudit(tx, { actorId: user.id, action: "roles.synced", entityType: "User", entityId: user.id, before: { roller: describe(current) }, after: { roller: describe(wanted) } });
}

/**
 * The one verksamhet in which these claim values give a role, for a user created at the first sign-in; null when they
 * give none, or roles in more than one verksamhet (a user belongs to one: the admin creates such a user by hand).
 */
export async function organisationForNewUser(tx: Tx, values: readonly string[]): Promise<string | null> {
  if (values.length === 0) return null;
  const rows = await tx.directoryRoleMapping.findMany({ where: { claimValue: { in: [...values] } }, select: { organisationId: true }, distinct: ["organisationId"] });
  const withRoles: string[] = [];
  for (const { organisationId } of rows) {
    if ((await mappedRoles(tx, organisationId, values)).length > 0) withRoles.push(organisationId);
  }
  return withRoles.length === 1 ? withRoles[0]! : null;
}
