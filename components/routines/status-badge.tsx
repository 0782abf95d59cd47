import type { RoutineStatus } from "@/lib/db/generated/enums";
import { ROUTINE_STATUS_LABELS } from "@/lib/routines/labels";

const TONES: Record<RoutineStatus, string> = {
  DRAFT: "bg-amber-100 text-amber-900 border-amber-700",
  ACTIVE: "bg-green-100 text-green-900 border-green-700",
  ARCHIVED: "bg-slate-100 text-slate-800 border-slate-500",
};

export function StatusBadge({ status }: { status: RoutineStatus }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold ${TONES[status]}`}>{ROUTINE_STATUS_LABELS[status]}</span>;
}

/** The routine's layer colour as a small swatch; decorative, the name is written next to it. */
export function ColourSwatch({ colour }: { colour: string }) {
  return <span aria-hidden="true" className="inline-block h-4 w-4 shrink-0 rounded-full border border-slate-500 align-middle" style={{ backgroundColor: colour }} />;
}
