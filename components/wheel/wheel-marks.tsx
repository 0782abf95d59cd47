import type { ReactNode } from "react";
import type { Point } from "@/lib/wheel/geometry";
import type { CompletionLevel } from "@/lib/wheel/completion";
import type { ImprovementStatus } from "@/lib/db/generated/enums";
import { LEVEL_STYLE, levelPaint, OVERDUE_COLOUR } from "./levels";

export const PATTERN_PREFIX = "wheel";

/**
 * Shared attributes of every focusable mark: the explorer finds marks by data-wheel-item and orders them by data-order;
 * the tooltip (wheel-tooltip.tsx) finds the mark's full name in the model by data-wheel-item (not in the markup, where
 * it would repeat most of the mark's accessible name, issue 35).
 */
type ItemProps = { id: string; ring: number; angle: number; order: number; label: string; children: ReactNode };

/** A mark with its name: a button (Enter or Space opens it in the panel) named by the activity's name and state. */
export function WheelItem({ id, ring, angle, order, label, children }: ItemProps) {
  return (
    <g className="wheel-item" data-wheel-item={id} data-ring={ring} data-angle={angle} data-order={order} tabIndex={0} role="button" aria-label={label}>
      {children}
    </g>
  );
}

const SIGN_ID = `${PATTERN_PREFIX}-sign`;

/** The "!" sign drawn once in the wheel's defs (at 0, 0); every overdue mark uses it (OverdueSign). */
export function OverdueSignDef() {
  return (
    <g id={SIGN_ID}>
      <circle r="6.5" fill={OVERDUE_COLOUR} stroke="#ffffff" strokeWidth="1.5" />
      <text y="0.5" textAnchor="middle" dominantBaseline="central" fontSize="9" fontWeight="700" fill="#ffffff">
        !
      </text>
    </g>
  );
}

/** The "!" sign of an activity with overdue tasks: a use of OverdueSignDef, so that each mark carries only its place. */
function OverdueSign({ at }: { at: Point }) {
  return <use href={`#${SIGN_ID}`} x={at.x} y={at.y} aria-hidden="true" />;
}

type MarkProps = { level: CompletionLevel; colour: string; overdue: boolean };

/** A span or continuous activity: a ring segment in its lane (its name stands beside the wheel); `d` and `sign` from the cached layout. */
export function ArcMark({ level, colour, overdue, d, sign }: MarkProps & { d: string; /** Where the overdue sign goes (given when overdue). */ sign?: Point }) {
  return (
    <>
      <path
        className="wheel-shape"
        d={d}
        fill={levelPaint(level, PATTERN_PREFIX)}
        fillRule="evenodd"
        stroke={colour}
        strokeWidth="1.5"
        strokeDasharray={LEVEL_STYLE[level].dashed ? "4 3" : undefined}
      />
      {overdue && sign && <OverdueSign at={sign} />}
    </>
  );
}

/** A one-month activity: a dot (its name stands beside the wheel). */
export function PointMark({ level, colour, overdue, at, radius, sign }: MarkProps & { at: Point; radius: number; sign?: Point }) {
  return (
    <>
      <circle
        className="wheel-shape"
        cx={at.x}
        cy={at.y}
        r={radius}
        fill={levelPaint(level, PATTERN_PREFIX)}
        stroke={colour}
        strokeWidth="2"
        strokeDasharray={LEVEL_STYLE[level].dashed ? "3 2" : undefined}
      />
      {overdue && sign && <OverdueSign at={sign} />}
    </>
  );
}

export const ACTION_FILL: Record<ImprovementStatus, string> = { PLANNED: "#ffffff", IN_PROGRESS: "#bbf7d0", DONE: "#166534", CANCELLED: "#cbd5e1" };

/** An improvement action: a diamond at its due date. */
export function ActionMark({ at, status }: { at: Point; status: ImprovementStatus }) {
  const s = 9;
  return (
    <path
      className="wheel-shape"
      d={`M ${at.x} ${at.y - s} L ${at.x + s} ${at.y} L ${at.x} ${at.y + s} L ${at.x - s} ${at.y} Z`}
      fill={ACTION_FILL[status]}
      stroke="#0f172a"
      strokeWidth="2"
      strokeDasharray={status === "CANCELLED" ? "3 2" : undefined}
    />
  );
}
