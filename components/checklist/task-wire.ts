import type { PlanValues } from "@/components/planning/plan-form";
import type { TaskView } from "./task-view";

type Optional = "description" | "when" | "pastDue" | "current" | "comment" | "reason" | "completed" | "canUpdate" | "module" | "local" | "planning" | "justChanged";

/**
 * A TaskView as the server sends it to the browser: null, false and empty fields are left out, since a checklist
 * sends forty or more and each is in the page's payload (docs/prestanda.md). expandTaskView restores them.
 */
export type TaskWire = Omit<TaskView, Optional | "plan"> &
  Partial<Pick<TaskView, Optional>> & { plan: Partial<Omit<TaskView["plan"], "values">> & { values: Partial<PlanValues> } };

/** The TaskView of what the server sent (toTaskView in task-view.ts). */
export function expandTaskView(w: TaskWire): TaskView {
  return {
    description: null,
    when: null,
    pastDue: false,
    current: false,
    comment: null,
    reason: null,
    completed: null,
    canUpdate: false,
    module: null,
    local: false,
    planning: null,
    justChanged: null,
    ...w,
    plan: { text: null, warning: null, window: null, dayBound: false, ...w.plan, values: { plannedOn: "", plannedTime: "", plannedPlace: "", plannedLead: "", ...w.plan.values } },
  };
}
