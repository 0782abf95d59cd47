import type { Prisma } from "./db/index.ts";

/**
 * The one filter for a verksamhet's active units (docs/decisions/018-closed-units-and-the-organisation-workbook.md):
 * every unit picker, the heat map, the planning check, the cycle counts, the wheel, the reminders and the Kolada
 * fetch list units through it, so that they all count the same units. A closed unit (active false, closedOn set)
 * keeps its history and is read by id where that history is shown.
 * Not marked server-only: the seed and scripts load it (docs/decisions/007-server-only-outside-next.md).
 */
export function activeUnitWhere(organisationId?: string | Prisma.StringFilter<"Area">): Prisma.UnitWhereInput {
  return organisationId === undefined ? { active: true } : { active: true, area: { organisationId } };
}

/** A task of an active unit, or one without a unit (the verksamhet's, kommunikationsenhetens). */
export const taskOfActiveUnitWhere: Prisma.TaskWhereInput = { OR: [{ unitId: null }, { unit: { active: true } }] };
