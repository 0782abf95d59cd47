import type { TaskEventType, TaskStatus } from "@/lib/db/generated/enums";
import { TASK_STATUS_LABELS } from "@/lib/tasks/status";
import { formatTimestamp } from "./task-view";

type Event = {
  id: string;
  at: Date;
  type: TaskEventType;
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus | null;
  comment: string | null;
  reason: string | null;
  actor: { name: string } | null;
};

const WHAT: Record<TaskEventType, string> = {
  CREATED: "Uppgiften skapades",
  STATUS_CHANGED: "Ändrade status",
  COMMENTED: "Kommenterade",
  LETTER_RECORDED: "Registrerade ett brukarbrev",
  LETTER_CORRECTED: "Rättade ett registrerat brukarbrev",
  ACTIVITY_CHANGED: "Aktiviteten ändrades i en ny version av rutinen",
  PLANNED: "Planerade",
};

function describe(e: Event): string {
  if (e.type === "STATUS_CHANGED" && e.toStatus) {
    const from = e.fromStatus ? ` från ${TASK_STATUS_LABELS[e.fromStatus].toLowerCase()}` : "";
    return `${WHAT.STATUS_CHANGED}${from} till ${TASK_STATUS_LABELS[e.toStatus].toLowerCase()}`;
  }
  // A plan's event carries the plan as text; none means the plan was removed.
  if (e.type === "PLANNED") return e.comment ? `${WHAT.PLANNED} till ${e.comment}` : "Tog bort planen";
  return WHAT[e.type];
}

/** The append-only history of a task, newest first: who did what and when. */
export function TaskHistoryList({ events }: { events: Event[] }) {
  if (events.length === 0) return <p className="text-slate-700">Inget har hänt med uppgiften ännu.</p>;
  return (
    <ol className="space-y-3">
      {events.map((e) => (
        <li key={e.id} className="rounded border border-slate-200 bg-white p-3">
          <p className="text-sm text-slate-700">
            <time dateTime={e.at.toISOString()}>{formatTimestamp(e.at)}</time> · {e.actor?.name ?? "Systemet (exempeldata eller automatik)"}
          </p>
          <p className="font-medium">{describe(e)}</p>
          {e.reason && <p className="text-sm">Motivering: {e.reason}</p>}
          {e.comment && e.type !== "PLANNED" && <p className="text-sm whitespace-pre-line">”{e.comment}”</p>}
        </li>
      ))}
    </ol>
  );
}
