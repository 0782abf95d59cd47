import type { Role, TaskStatus } from "../db/generated/enums.ts";
import { isOverdue } from "./status.ts";

/** Whose task it is for the user: their own role's (and they may change it), another role's they may change, or only readable. */
export type ToDoTier = "own" | "changeable" | "others";
const TIER_RANK: Record<ToDoTier, number> = { own: 0, changeable: 1, others: 2 };

export type ToDoCandidate = { id: string; status: TaskStatus; dueOn: Date | null; responsibleRole: Role | null; title: string };

/** The tier of one task: own when the user may change it and holds its responsible role (or it names none). */
export function toDoTier(task: Pick<ToDoCandidate, "responsibleRole">, changeable: boolean, roles: ReadonlySet<Role>): ToDoTier {
  if (!changeable) return "others";
  return task.responsibleRole === null || roles.has(task.responsibleRole) ? "own" : "changeable";
}

/**
 * "Att göra nu" in order: the user's own tasks first, then those they may change, then the rest they may read;
 * within each, overdue first (the checklist's isOverdue), then by due date and title. Pure, so it is tested alone.
 */
export function orderToDoNow<T extends ToDoCandidate>(tasks: T[], tierOf: (t: T) => ToDoTier, today: Date): (T & { tier: ToDoTier; overdue: boolean })[] {
  return tasks
    .map((t) => ({ ...t, tier: tierOf(t), overdue: isOverdue(t, today) }))
    .sort(
      (a, b) =>
        TIER_RANK[a.tier] - TIER_RANK[b.tier] ||
        Number(b.overdue) - Number(a.overdue) ||
        (a.dueOn?.getTime() ?? Infinity) - (b.dueOn?.getTime() ?? Infinity) ||
        a.title.localeCompare(b.title, "sv") ||
        a.id.localeCompare(b.id),
    );
}
