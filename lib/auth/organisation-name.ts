import type { Actor } from "./permissions.ts";

/**
 * The organisation's name when the signed-in user's session already read it (SessionUser.organisationName, issue 35),
 * so that a page does not ask the database again; undefined for another organisation or an actor without it.
 */
export function knownOrganisationName(actor: Actor, organisationId: string): Promise<{ name: string }> | undefined {
  const { organisationId: own, organisationName } = actor as Actor & { organisationId?: string | null; organisationName?: string | null };
  return own === organisationId && typeof organisationName === "string" ? Promise.resolve({ name: organisationName }) : undefined;
}
