import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import { canAny, type Actor } from "../auth/permissions.ts";
import { homeOrganisationFor } from "../auth/scope.ts";
import { activeUnitWhere } from "../active-units.ts";

/** The verksamhet's areas, each with all its units (closed ones last), for /admin/organisation; null without organisation:read. */
export async function getOrganisationTree(actor: Actor, db: DbClient = getDb()) {
  const organisationId = homeOrganisationFor(actor, "organisation:read");
  if (!organisationId) return null;
  const [organisation, areas] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } }),
    db.area.findMany({
      where: { organisationId },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: {
        id: true, name: true,
        units: { orderBy: [{ active: "desc" }, { name: "asc" }], select: { id: true, name: true, active: true, closedOn: true, koladaOuId: true, _count: { select: { roleAssignments: { where: { role: "ENHETSCHEF", user: { active: true } } } } } } },
      },
    }),
  ]);
  return {
    organisationName: organisation.name,
    canManage: canAny(actor, "organisation:manage"),
    areas: areas.map((a) => ({ id: a.id, name: a.name, units: a.units.map(({ _count, ...u }) => ({ ...u, chiefs: _count.roleAssignments })) })),
  };
}
export type OrganisationTree = NonNullable<Awaited<ReturnType<typeof getOrganisationTree>>>;

/**
 * The active units that no active user holds the enhetschef role for (nor a verksamhet-wide enhetschef): nobody gets
 * their reminders. For the overview.
 */
export async function getActiveUnitsWithoutChief(organisationId: string, db: DbClient = getDb()) {
  const wide = await db.roleAssignment.count({ where: { organisationId, role: "ENHETSCHEF", unitId: null, user: { active: true } } });
  if (wide > 0) return [];
  return db.unit.findMany({
    where: { ...activeUnitWhere(organisationId), roleAssignments: { none: { role: "ENHETSCHEF", user: { active: true } } } },
    orderBy: [{ area: { position: "asc" } }, { name: "asc" }],
    select: { id: true, name: true },
  });
}
