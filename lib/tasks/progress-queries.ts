import "server-only";
import type { DbClient } from "../db/index.ts";
import { Prisma } from "../db/generated/client.ts";
import { formatDateIso } from "../dates/cycle.ts";
import { emptyProgress, type ProgressFigures } from "./progress.ts";

/** One cycle to measure at a date, optionally only one unit's tasks. */
export type ProgressRequest = { cycleId: string; date: Date; unitId?: string };

type Row = { i: number; total: number; notApplicable: number; done: number; due: number; dueDone: number };

/**
 * countProgress (lib/tasks/progress.ts) in SQL: the figures of several cycles, each at its own date, in one
 * query whatever the number of cycles, units and tasks. Returned in the order asked.
 */
export async function getCycleProgress(db: DbClient, requests: ProgressRequest[]): Promise<ProgressFigures[]> {
  if (requests.length === 0) return [];
  // One aggregate per request, each on its own cycle's tasks (the (cycleId, …) index): a join of the requests with
  // "Task" read every cycle's tasks at 600 units (110 ms against 35 ms, issue 35).
  const parts = requests.map((r, i) => {
    const cutoff = Prisma.sql`${formatDateIso(r.date)}::date`;
    return Prisma.sql`
      SELECT ${i}::int AS "i",
        count(*) FILTER (WHERE t."status" <> 'NOT_APPLICABLE')::int AS "total",
        count(*) FILTER (WHERE t."status" = 'NOT_APPLICABLE')::int AS "notApplicable",
        count(*) FILTER (WHERE t."status" = 'DONE' AND t."doneOn" <= ${cutoff})::int AS "done",
        count(*) FILTER (WHERE t."status" <> 'NOT_APPLICABLE' AND t."dueOn" <= ${cutoff})::int AS "due",
        count(*) FILTER (WHERE t."status" = 'DONE' AND t."doneOn" <= ${cutoff} AND t."dueOn" <= ${cutoff})::int AS "dueDone"
      FROM "Task" t
      WHERE t."cycleId" = ${r.cycleId}${r.unitId ? Prisma.sql` AND t."unitId" = ${r.unitId}` : Prisma.empty}`;
  });
  const rows = await db.$queryRaw<Row[]>`${Prisma.join(parts, " UNION ALL ")}`;
  return requests.map((_, i) => {
    const row = rows.find((r) => r.i === i);
    return row ? { total: row.total, notApplicable: row.notApplicable, done: row.done, due: row.due, dueDone: row.dueDone } : emptyProgress();
  });
}
