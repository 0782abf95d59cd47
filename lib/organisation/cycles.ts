import type { Prisma } from "../db/index.ts";
import { getCycleCalendar } from "../cycle-calendar.ts";
import { ensureCycleTasks } from "../cycles/instantiate.ts";
import { formatDateLong, openCycleYears, utcDate } from "../dates/cycle.ts";

type Tx = Prisma.TransactionClient;
const OPEN = ["NOT_STARTED", "IN_PROGRESS"] as const;

/** The reason a closed unit's open tasks get: "Enheten stängd 6 december 2026". */
export const closingReason = (closedOn: Date) => `Enheten stängd ${formatDateLong(closedOn)}`;

/** The cycles a change of the organisation reaches: the open ones and any started ahead; earlier cycles are history. */
async function currentCycles(tx: Tx, organisationId: string, today: Date) {
  const first = Math.min(...openCycleYears(today, await getCycleCalendar(tx, organisationId)));
  return tx.cycle.findMany({ where: { organisationId, year: { gte: first } }, select: { id: true, year: true } });
}

/** A unit created or reopened during a cycle: its tasks in the current cycles, from the first day of this month on. */
export async function addUnitToCurrentCycles(tx: Tx, organisationId: string, unitId: string, today: Date): Promise<number> {
  const fromDay = utcDate(today.getUTCFullYear(), today.getUTCMonth() + 1, 1);
  let created = 0;
  for (const cycle of await currentCycles(tx, organisationId, today)) created += await ensureCycleTasks(tx, cycle.id, { unitIds: [unitId], fromDay });
  return created;
}

/** A closed unit's open tasks in the current cycles become ej aktuell with the closing's reason, each with its event. */
export async function retireUnitTasks(tx: Tx, organisationId: string, unitId: string, closedOn: Date, actorId: string, today: Date, now: Date): Promise<number> {
  const cycles = await currentCycles(tx, organisationId, today);
  const tasks = await tx.task.findMany({ where: { unitId, cycleId: { in: cycles.map((c) => c.id) }, status: { in: [...OPEN] } }, select: { id: true, status: true } });
  if (tasks.length === 0) return 0;
  const reason = closingReason(closedOn);
  await tx.task.updateMany({ where: { id: { in: tasks.map((t) => t.id) } }, data: { status: "NOT_APPLICABLE", notApplicableReason: reason, version: { increment: 1 } } });
  await tx.taskEvent.createMany({ data: tasks.map((t) => ({ taskId: t.id, actorId, at: now, type: "STATUS_CHANGED" as const, fromStatus: t.status, toStatus: "NOT_APPLICABLE" as const, reason })) });
  return tasks.length;
}

/**
 * A reopened unit: the tasks its closing made ej aktuell (that reason, untouched since) are to do again, each with
 * its event. A task someone marked ej aktuell for another reason stays as it is.
 */
export async function restoreUnitTasks(tx: Tx, organisationId: string, unitId: string, closedOn: Date, actorId: string, today: Date, now: Date): Promise<number> {
  const cycles = await currentCycles(tx, organisationId, today);
  const reason = closingReason(closedOn);
  const tasks = await tx.task.findMany({ where: { unitId, cycleId: { in: cycles.map((c) => c.id) }, status: "NOT_APPLICABLE", notApplicableReason: reason }, select: { id: true } });
  if (tasks.length === 0) return 0;
  await tx.task.updateMany({ where: { id: { in: tasks.map((t) => t.id) } }, data: { status: "NOT_STARTED", notApplicableReason: null, version: { increment: 1 } } });
  await tx.taskEvent.createMany({ data: tasks.map((t) => ({ taskId: t.id, actorId, at: now, type: "STATUS_CHANGED" as const, fromStatus: "NOT_APPLICABLE" as const, toStatus: "NOT_STARTED" as const, reason: "Enheten öppnad igen" })) });
  return tasks.length;
}
