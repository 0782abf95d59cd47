import type { ChecklistPhase } from "@/lib/tasks/queries";
import type { TaskFilterKey } from "@/lib/tasks/status";
import { LiveProgress } from "./live-counts";
import { TaskItem } from "./task-item";
import { toTaskView } from "./task-view";

/** One phase of the routine: its progress over all its tasks, and the tasks the filter lets through. */
/** The tasks' actions come from a TaskActionsProvider above (task-actions.tsx). */
export function PhaseSection({ phase, index, filter, showRoutine }: { phase: ChecklistPhase; index: number; filter: TaskFilterKey; showRoutine: boolean }) {
  const headingId = `fas-${phase.key.replace(/[^a-z0-9-]/gi, "-")}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="space-y-1">
        <h2 id={headingId} className="text-xl font-semibold">
          {showRoutine && <span className="font-normal text-slate-700">{phase.routineTitle}: </span>}
          {phase.name}
        </h2>
        <LiveProgress figures={phase.progress} phase={index} label="Klara i fasen" />
      </div>
      <ol className="space-y-3">
        {phase.tasks.map((task) => (
          <TaskItem key={task.id} task={toTaskView(task)} {...(filter !== "alla" && { filter })} />
        ))}
      </ol>
    </section>
  );
}
