import "server-only";
import type { Prisma } from "../db/index.ts";
import { grantsFor, type Action, type Actor } from "./permissions.ts";

/**
 * The organisation filter for rows the actor may touch through an action, for use inside where clauses:
 * undefined means every organisation (scope "everything"), an empty list means none.
 */
export function organisationFilter(actor: Actor, action: Action): Prisma.StringFilter | undefined {
  const grants = grantsFor(actor, action);
  if (grants.some((g) => g.scope === "everything")) return undefined;
  return { in: [...new Set(grants.map((g) => g.assignment.organisationId))] };
}

/** The organisation in which the actor creates new things through an action (their first grant), or null. */
export function homeOrganisationFor(actor: Actor, action: Action): string | null {
  return grantsFor(actor, action)[0]?.assignment.organisationId ?? null;
}
