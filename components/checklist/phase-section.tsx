import type { ChecklistPhase } from "@/lib/tasks/queries";
import type { TaskAction } from "./action-state";
import type { PlanAction } from "@/components/planning/plan-form";
import { Progress } from "./badges";
import { TaskItem } from "./task-item";
import { toTaskView } from "./task-view";

/** One phase of the routine: its progress over all its tasks, and the tasks the filter lets through. */
export function PhaseSection({ phase, action, planAction, showRoutine }: { phase: ChecklistPhase; action: TaskAction; planAction?: PlanAction; showRoutine: boolean }) {
  const headingId = `fas-${phase.key.replace(/[^a-z0-9-]/gi, "-")}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="space-y-1">
        <h2 id={headingId} className="text-xl font-semibold">
          {showRoutine && <span className="font-normal text-slate-700">{phase.routineTitle}: </span>}
          {phase.name}
        </h2>
        <Progress figures={phase.progress} label="Klara i fasen" />
      </div>
      <ol className="space-y-3">
        {phase.tasks.map((task) => (
          <TaskItem key={task.id} task={toTaskView(task)} action={action} planAction={planAction} historyHref={`/checklista/uppgift/${task.id}`} />
        ))}
      </ol>
    </section>
  );
}
