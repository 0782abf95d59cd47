import type { Role } from "../db/generated/enums.ts";
import { can } from "../auth/permissions.ts";

export type Holder = { userId: string; role: Role; organisationId: string; unitId: string | null };
export type RecipientTask = { organisationId: string; unitId: string | null; assigneeKey: string; responsibleRole: Role | null };

/**
 * Whether a role assignment makes its holder a recipient of a task's reminders: the task's responsible role held
 * for the task's unit (or verksamhet-wide); verksamhet tasks only to verksamhet-wide holders; kommunikationsenhetens
 * tasks to the kommunikatörer. A task without a responsible role reminds no one (the planning check shows that gap).
 * And only through an assignment that may update the task: a reminder asks for something the holder can do.
 */
export function isRecipient(holder: Holder, task: RecipientTask): boolean {
  if (holder.organisationId !== task.organisationId) return false;
  if (!can({ id: holder.userId, assignments: [holder] }, "task:update", task)) return false;
  if (task.assigneeKey === "COMMUNICATIONS") return holder.role === "KOMMUNIKATOR";
  if (!task.responsibleRole || holder.role !== task.responsibleRole) return false;
  if (task.unitId === null) return holder.unitId === null;
  return holder.unitId === null || holder.unitId === task.unitId;
}

/** The distinct users to remind about a task. */
export function recipientsOf(task: RecipientTask, holders: readonly Holder[]): string[] {
  return [...new Set(holders.filter((h) => isRecipient(h, task)).map((h) => h.userId))];
}
