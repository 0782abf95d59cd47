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
  const values = Prisma.join(requests.map((r, i) => Prisma.sql`(${i}::int, ${r.cycleId}, ${formatDateIso(r.date)}::date, ${r.unitId ?? null}::text)`));
  const rows = await db.$queryRaw<Row[]>`
    SELECT v.i AS "i",
      count(*) FILTER (WHERE t."status" <> 'NOT_APPLICABLE')::int AS "total",
      count(*) FILTER (WHERE t."status" = 'NOT_APPLICABLE')::int AS "notApplicable",
      count(*) FILTER (WHERE t."status" = 'DONE' AND t."doneOn" <= v.cutoff)::int AS "done",
      count(*) FILTER (WHERE t."status" <> 'NOT_APPLICABLE' AND t."dueOn" <= v.cutoff)::int AS "due",
      count(*) FILTER (WHERE t."status" = 'DONE' AND t."doneOn" <= v.cutoff AND t."dueOn" <= v.cutoff)::int AS "dueDone"
    FROM (VALUES ${values}) AS v(i, id, cutoff, unit)
    JOIN "Task" t ON t."cycleId" = v.id AND (v.unit IS NULL OR t."unitId" = v.unit)
    GROUP BY v.i`;
  return requests.map((_, i) => {
    const row = rows.find((r) => r.i === i);
    return row ? { total: row.total, notApplicable: row.notApplicable, done: row.done, due: row.due, dueDone: row.dueDone } : emptyProgress();
  });
}
