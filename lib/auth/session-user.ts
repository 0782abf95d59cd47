import "server-only";
import { cache } from "react";
import type { DbClient } from "../db/index.ts";
import type { Role } from "../db/generated/enums.ts";
import type { Actor, RoleAssignmentLike } from "./permissions.ts";
import { rememberCycleCalendar } from "../cycle-calendar.ts";

export type SessionUser = Actor & {
  name: string;
  email: string;
  organisationId: string | null;
  /** The verksamhet's name, read in the same query (issue 35): pages need not ask for it again. */
  organisationName: string | null;
  assignments: (RoleAssignmentLike & { unitName: string | null })[];
};

type SessionRow = {
  id: string;
  name: string;
  email: string;
  organisationId: string;
  organisationName: string;
  active: boolean;
  sessionVersion: number;
  ended: boolean;
  assignments: { role: Role; organisationId: string; unitId: string | null; unitName: string | null }[];
  /** The verksamhet's cycle calendar (its routines' start months, ascending), as lib/cycle-calendar.ts reads it. */
  calendar: number[];
};

/**
 * The user, their organisation's name and cycle calendar, their roles (with the units' names) and whether the session
 * `sessionId` was ended by "Logga ut", in ONE statement (issue 35: a request used to send six for this). Cached for the request, so
 * that next-auth's jwt callback (lib/auth/options.ts) and loadSessionUser share it. Null when there is no such user.
 */
export const readSessionRow = cache(async function readSessionRow(db: DbClient, userId: string, sessionId: string): Promise<SessionRow | null> {
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT u."id", u."name", u."email", u."organisationId", o."name" AS "organisationName", u."active", u."sessionVersion",
      EXISTS (SELECT 1 FROM "EndedSession" e WHERE e."id" = ${sessionId}) AS "ended",
      COALESCE((
        SELECT json_agg(json_build_object('role', r."role", 'organisationId', r."organisationId", 'unitId', r."unitId", 'unitName', n."name") ORDER BY r."createdAt", r."id")
        FROM "RoleAssignment" r LEFT JOIN "Unit" n ON n."id" = r."unitId"
        WHERE r."userId" = u."id"
      ), '[]'::json) AS "assignments",
      COALESCE((SELECT array_agg(DISTINCT rt."startMonth" ORDER BY rt."startMonth") FROM "Routine" rt WHERE rt."organisationId" = u."organisationId"), '{}') AS "calendar"
    FROM "User" u JOIN "Organisation" o ON o."id" = u."organisationId"
    WHERE u."id" = ${userId}`;
  const row = rows[0] ?? null;
  // The page's cycles are measured with it without asking again (lib/cycle-calendar.ts).
  if (row) rememberCycleCalendar(db, row.organisationId, row.calendar);
  return row;
});

/**
 * The signed-in user as the permission rules see them, read fresh from the database on every request:
 * a deactivated user, a session issued before the user's sessions were ended, or a session ended by "Logga ut"
 * (`sessionId`, the token's sid; scripts and tests that load a user without a session leave it out) gets null. Cached for the request
 * (React's cache(): one query however many server components ask; outside a server render it is not cached).
 */
export const loadSessionUser = cache(async function loadSessionUser(db: DbClient, userId: string, sessionVersion: number, sessionId?: string): Promise<SessionUser | null> {
  const user = await readSessionRow(db, userId, sessionId ?? "");
  if (!user || !user.active || user.sessionVersion !== sessionVersion || user.ended) return null;
  // Only roles in the user's own verksamhet count, whatever else the table holds.
  // A role given by hand and the same from the directory (RoleAssignment.source) count once.
  const seen = new Set<string>();
  const assignments = user.assignments
    .filter((a) => a.organisationId === user.organisationId && !seen.has(`${a.role}|${a.unitId}`) && seen.add(`${a.role}|${a.unitId}`))
    .map((a) => ({ role: a.role, organisationId: a.organisationId, unitId: a.unitId, unitName: a.unitName }));
  return { id: user.id, name: user.name, email: user.email, organisationId: user.organisationId, organisationName: user.organisationName, assignments };
});
