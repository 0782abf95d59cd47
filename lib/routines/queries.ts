import type { DbClient } from "../db/index.ts";

/** The active version of every routine, with its phases and activities in document order. */
export async function getActiveRoutines(db: DbClient) {
  return db.routineVersion.findMany({
    where: { status: "ACTIVE" },
    orderBy: [{ routine: { title: "asc" } }],
    include: {
      routine: { select: { key: true, colour: true } },
      phases: {
        orderBy: { position: "asc" },
        include: { activities: { orderBy: [{ startMonth: "asc" }, { endMonth: "asc" }, { position: "asc" }] } },
      },
    },
  });
}

export type ActiveRoutine = Awaited<ReturnType<typeof getActiveRoutines>>[number];
