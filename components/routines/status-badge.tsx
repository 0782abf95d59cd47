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

const swatch = "inline-block h-4 w-4 shrink-0 rounded-full border border-slate-500 align-middle";

/**
 * A colour as a small swatch. Decorative next to a routine's name; with `spoken`, where the colour is the
 * information itself, screen readers get it as text ("färg #0f766e") and sighted users the swatch, not a code.
 */
export function ColourSwatch({ colour, spoken = false }: { colour: string; spoken?: boolean }) {
  if (!spoken) return <span aria-hidden="true" className={swatch} style={{ backgroundColor: colour }} />;
  return (
    <span className="inline-flex items-center gap-1">
      <span aria-hidden="true" className={swatch} style={{ backgroundColor: colour }} />
      <span className="sr-only">färg {colour}</span>
    </span>
  );
}

/** Whether a stored value is a colour code (#rrggbb), to be shown as a swatch. */
export const isColourCode = (value: unknown): value is string => typeof value === "string" && /^#[0-9a-f]{6}$/i.test(value);
