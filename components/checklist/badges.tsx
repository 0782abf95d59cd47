import type { TaskStatus } from "@/lib/db/generated/enums";
import { TASK_STATUS_LABELS } from "@/lib/tasks/status";
import { formatShare, shareOfYear, type ProgressFigures } from "@/lib/tasks/progress";

const TONES: Record<TaskStatus, string> = {
  NOT_STARTED: "border-slate-500 bg-white text-slate-800",
  IN_PROGRESS: "border-amber-700 bg-amber-50 text-amber-900",
  DONE: "border-green-700 bg-green-50 text-green-900",
  NOT_APPLICABLE: "border-slate-500 bg-slate-100 text-slate-800",
};

const badge = "inline-block rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap";

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return (
    <span className={`${badge} ${TONES[status]}`}>
      <span className="sr-only">Status: </span>
      {TASK_STATUS_LABELS[status]}
      {status === "DONE" && <span aria-hidden="true"> ✓</span>}
    </span>
  );
}

export function OverdueBadge() {
  return <span className={`${badge} border-red-800 bg-red-50 text-red-900`}>Försenad</span>;
}

export function CurrentBadge() {
  return <span className={`${badge} border-blue-800 bg-blue-50 text-blue-900`}>Denna månad</span>;
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
