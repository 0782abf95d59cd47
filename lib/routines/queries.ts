import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import { grantsFor, type Actor } from "../auth/permissions.ts";
import { ROUTINE_ACTIVITY } from "../tasks/local.ts";

/** The active version of every routine the actor may read, with its phases and activities in document order. */
export async function getActiveRoutines(actor: Actor, db: DbClient = getDb()) {
  const organisationIds = grantsFor(actor, "routine:read").map((g) => g.assignment.organisationId);
  return db.routineVersion.findMany({
    where: { status: "ACTIVE", routine: { organisationId: { in: organisationIds } } },
    orderBy: [{ routine: { title: "asc" } }],
    include: {
      routine: { select: { key: true, colour: true } },
      phases: {
        orderBy: { position: "asc" },
        include: { activities: { where: ROUTINE_ACTIVITY, orderBy: [{ startMonth: "asc" }, { endMonth: "asc" }, { position: "asc" }] } },
      },
    },
  });
}

export type ActiveRoutine = Awaited<ReturnType<typeof getActiveRoutines>>[number];
