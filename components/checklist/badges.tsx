import type { TaskStatus } from "@/lib/db/generated/enums";
import { TASK_STATUS_LABELS } from "@/lib/tasks/status";
import { formatShare, shareOfYear, type ProgressFigures } from "@/lib/tasks/progress";

// Named in app/globals.css: a checklist has a badge or two on each of its tasks.
const TONES: Record<TaskStatus, string> = {
  NOT_STARTED: "badge badge-not-started",
  IN_PROGRESS: "badge badge-in-progress",
  DONE: "badge badge-done",
  NOT_APPLICABLE: "badge badge-not-applicable",
};

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return (
    <span className={TONES[status]}>
      <span className="sr-only">Status: </span>
      {TASK_STATUS_LABELS[status]}
      {status === "DONE" && <span aria-hidden="true"> ✓</span>}
    </span>
  );
}

export function OverdueBadge() {
  return <span className="badge badge-late">Försenad</span>;
}

export function CurrentBadge() {
  return <span className="badge badge-now">Denna månad</span>;
}

/**
 * A progress bar with its numbers in text; the bar itself is decoration. Counted as every share is
 * (lib/tasks/progress.ts): klara of all tasks but the ej aktuella.
 */
export function Progress({ figures, label }: { figures: ProgressFigures; label: string }) {
  const share = shareOfYear(figures);
  const width = share === null ? 0 : Math.floor(share * 100);
  return (
    <div>
      <p className="text-sm">
        <span className="font-semibold">{label}:</span> {figures.done} av {figures.total} klara ({formatShare(share)})
        {figures.notApplicable > 0 && <>, {figures.notApplicable} ej aktuella räknas inte</>}
      </p>
      <div aria-hidden="true" className="mt-1 h-2 w-full overflow-hidden rounded bg-slate-200">
        <div className="h-full rounded bg-green-700" style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}
