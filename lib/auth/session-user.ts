import "server-only";
import { cache } from "react";
import type { DbClient } from "../db/index.ts";
import type { Actor, RoleAssignmentLike } from "./permissions.ts";

export type SessionUser = Actor & {
  name: string;
  email: string;
  organisationId: string | null;
  assignments: (RoleAssignmentLike & { unitName: string | null })[];
};

/**
 * The signed-in user as the permission rules see them, read fresh from the database on every request:
 * a deactivated user, a session issued before the user's sessions were ended, or a session ended by "Logga ut"
 * (`sessionId`, the token's sid; scripts and tests that load a user without a session leave it out) gets null. Cached for the request
 * (React's cache(): one query however many server components ask; outside a server render it is not cached).
 */
export const loadSessionUser = cache(async function loadSessionUser(db: DbClient, userId: string, sessionVersion: number, sessionId?: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: {
      roleAssignments: { include: { unit: { select: { name: true } } } },
      endedSessions: { where: { id: sessionId ?? "" }, select: { id: true } },
    },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion || user.endedSessions.length > 0) return null;
  // Only roles in the user's own verksamhet count, whatever else the table holds.
  // A role given by hand and the same from the directory (RoleAssignment.source) count once.
  const seen = new Set<string>();
  const assignments = user.roleAssignments
    .filter((a) => a.organisationId === user.organisationId && !seen.has(`${a.role}|${a.unitId}`) && seen.add(`${a.role}|${a.unitId}`))
    .map((a) => ({ role: a.role, organisationId: a.organisationId, unitId: a.unitId, unitName: a.unit?.name ?? null }));
  return { id: user.id, name: user.name, email: user.email, organisationId: user.organisationId, assignments };
});
