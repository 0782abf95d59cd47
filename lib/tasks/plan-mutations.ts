import "server-only";
import { getDb, type DbClient, type Prisma } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import type { Actor } from "../auth/permissions.ts";
import * as clock from "../clock.ts";
import { formatDateIso } from "../dates/cycle.ts";
import { findWritableTask, invalid, STALE_STATUS, stale, writeGuarded, type TaskFailure, type TaskState } from "./mutations.ts";
import { outsideWindowWarning, planText } from "./plan.ts";
import { planTaskSchema } from "./schemas.ts";

export type PlanResult = { ok: true; message: string; warning: string | null; task: TaskState } | TaskFailure;

const planOf = (t: TaskState) => ({
  plannedOn: t.plannedOn ? formatDateIso(t.plannedOn) : null,
  plannedTime: t.plannedTime,
  plannedPlace: t.plannedPlace,
  plannedLead: t.plannedLead,
});

/**
 * Plans (or replans, or unplans) a task inside the caller's transaction, with the same guards as a status change:
 * the actor may change the task, the cycle is the current one, the version is the one the actor read. A day outside
 * the activity's window is saved with a warning. The change gets a TaskEvent (before and after) and an audit entry.
 */
export async function planTaskIn(tx: Prisma.TransactionClient, actor: Actor, input: unknown, options: { today?: Date } = {}): Promise<PlanResult> {
  const parsed = planTaskSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { taskId, version, ...plan } = parsed.data;
  const found = await findWritableTask(tx, actor, taskId, version, options.today ?? clock.today(), STALE_STATUS);
  if (!found.task) return found.failure;
  const task = found.task;
  const before = planOf(task);
  const after = await writeGuarded(tx, actor.id, task, version, {
    data: plan,
    event: { at: clock.now(), type: "PLANNED", comment: planText(plan), details: { before, after: { ...plan, plannedOn: plan.plannedOn ? formatDateIso(plan.plannedOn) : null } } },
    action: "task.plan",
    audited: (t) => ({ ...planOf(t), version: t.version }),
  });
  if (!after) return stale(tx, taskId, STALE_STATUS);
  const warning = plan.plannedOn ? outsideWindowWarning(plan.plannedOn, task) : null;
  const message = plan.plannedOn ? `”${task.activity.title}” är planerad till ${planText(plan)}.` : `Planen för ”${task.activity.title}” är borttagen.`;
  return { ok: true, message: warning ? `${message} Observera: ${warning} Planen är sparad ändå.` : message, warning, task: after };
}

/** Plans a task in one transaction (or in the caller's, when db is a transaction client). */
export async function planTask(actor: Actor, input: unknown, db: DbClient = getDb(), options: { today?: Date } = {}) {
  return inTransaction(db, (tx) => planTaskIn(tx, actor, input, options));
}
