import "server-only";
import type { Prisma } from "../db/index.ts";
import { grantsFor, type Action, type Actor } from "./permissions.ts";

/**
 * The organisation filter for rows the actor may touch through an action, for use inside where clauses: the
 * verksamheter in which the actor holds it, an empty list (nothing) when none. Never undefined, which Prisma reads
 * as "no filter": no scope reaches across verksamheter.
 */
export function organisationFilter(actor: Actor, action: Action): Prisma.StringFilter {
  return { in: [...new Set(grantsFor(actor, action).map((g) => g.assignment.organisationId))] };
}

/** The verksamheter the actor holds any role in (users belong to one, docs/decisions/010). */
export const organisationsOf = (actor: Actor): string[] => [...new Set(actor.assignments.map((a) => a.organisationId))];

/** The organisation in which the actor creates new things through an action (their first grant), or null. */
export function homeOrganisationFor(actor: Actor, action: Action): string | null {
  return grantsFor(actor, action)[0]?.assignment.organisationId ?? null;
}
