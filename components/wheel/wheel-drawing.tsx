import { MONTH_NAMES } from "@/lib/dates/months";
import { annularSectorPath, labelRotation, monthMidAngle, monthStartAngle, polar, spanArc, weekTickAngles, type Point } from "@/lib/wheel/geometry";
import { LABEL_OPTIONS, WHEEL } from "@/lib/wheel/layout";
import type { CompletionLevel } from "@/lib/wheel/completion";
import type { ImprovementStatus } from "@/lib/db/generated/enums";
import { LEVEL_SIGN, PatternDefs } from "./levels";
import { ActionMark, ArcMark, OverdueSignDef, PATTERN_PREFIX, PointMark, WheelItem } from "./wheel-marks";
import { labelFromTip } from "./mark-label";

/**
 * The årshjul drawn from a flat model (components/wheel/wheel-svg.tsx builds it from the data and the cached layout):
 * plain SVG and hook-free, so that the server writes it for the export and the print (svgMarkup) and a client
 * component (wheel-live.tsx) draws the page's wheel from the model. The model carries each mark's place, state and
 * words once; the month ring, week ticks and spokes follow from the year and the first month (docs/decisions/013).
 */
export type DrawnName = { side: "left" | "right"; x: number; y: number; lines: readonly string[]; /** The leader line's points. */ points: string };
export type DrawnShape =
  | { kind: "arc"; d: string; /** Where the overdue sign goes, only when the mark is overdue. */ sign?: Point }
  | { kind: "point"; at: Point; radius: number; sign?: Point }
  | { kind: "survey"; d: string }
  | { kind: "action"; at: Point; status: ImprovementStatus };
export type DrawnMark = {
  id: string;
  /** 0 the survey, 1… the phases' rings from the outside, then the actions' ring. */
  ring: number;
  angle: number;
  /** The mark's tooltip (the full name, components/wheel/wheel-tooltip.tsx). */
  tip: string;
  /**
   * The mark's accessible name (markLabel): given for the survey and the actions; an activity's follows from its
   * tooltip, its `role` and its `plan` (the planned day's words), so that the page's data does not carry it twice.
   */
  label?: string;
  role?: string;
  plan?: string;
  shape: DrawnShape;
  /** An activity's state (its fill and the sign before its name); the colour is its ring's. */
  level?: CompletionLevel;
  overdue?: boolean;
  name?: DrawnName;
};
export type WheelModel = {
  year: number;
  firstMonth: number;
  ariaLabel: string;
  /** Whose wheel, in its centre. */
  whose: string;
  /** "I dag 6 december" when today lies in the wheel's year; the today line from `from` out to the month ring. */
  today: { text: string; angle: number; from: number } | null;
  /** The phases' rings, outermost first: the routine's colour and the ring's outline. */
  rings: readonly { key: string; colour: string; d: string }[];
  ringNames: readonly { key: string; name: string; pathId: string; path: string }[];
  hasActions: boolean;
  /** In the keyboard's order (by angle, then ring). */
  marks: readonly DrawnMark[];
};

/** A mark's accessible name: its own label, or an activity's from its tooltip, role and plan. */
export function markLabel(mark: DrawnMark): string {
  if (mark.label !== undefined) return mark.label;
  return `${labelFromTip(mark.tip, mark.role ?? "")}${mark.plan ? ` Planerad ${mark.plan}.` : ""}`;
}

const C = WHEEL.center;
const MONTH_BAND = WHEEL.monthBand;
const ACTION_BAND = WHEEL.actionBand;
const CENTRE_R = WHEEL.centreRadius;
/** Where the week ticks end, outside the month ring and inside LABEL_OPTIONS.exitRadius. */
const WEEK_TICK_R = 503;
export const RING_NAME_FONT = 17;
export const WHEEL_VIEWBOX = `${WHEEL.viewBox.x} ${WHEEL.viewBox.y} ${WHEEL.viewBox.width} ${WHEEL.viewBox.height}`;

function lineProps(from: number, to: number, angle: number) {
  const a = polar(C, from, angle);
  const b = polar(C, to, angle);
  return { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
}

function MarkShape({ mark, colour }: { mark: DrawnMark; colour: string }) {
  const s = mark.shape;
  const level = mark.level ?? "empty";
  const overdue = mark.overdue ?? false;
  switch (s.kind) {
    case "arc":
      return <ArcMark level={level} colour={colour} overdue={overdue} d={s.d} sign={s.sign} />;
    case "point":
      return <PointMark level={level} colour={colour} overdue={overdue} at={s.at} radius={s.radius} sign={s.sign} />;
    case "survey":
      return <path className="wheel-shape" d={s.d} fill={`url(#${PATTERN_PREFIX}-survey)`} stroke="#92400e" strokeWidth="1.5" />;
    case "action":
      return <ActionMark at={s.at} status={s.status} />;
  }
}

function SignSpan({ sign, overdue }: { sign: string; overdue: boolean }) {
  return sign ? (
    <tspan fontWeight="700" fill={overdue ? "#b91c1c" : "#166534"}>
      {`${sign} `}
    </tspan>
  ) : null;
}

/** A mark's name beside the wheel, after its status sign ("✓ ", "! " …). */
function MarkName({ name, sign, overdue }: { name: DrawnName; sign: string; overdue: boolean }) {
  return (
    <text className="wheel-label" x={name.x} y={name.y} textAnchor={name.side === "right" ? "start" : "end"} dominantBaseline="central" fontSize={LABEL_OPTIONS.fontSize} fill="#0f172a" aria-hidden="true">
      {name.lines.length === 1 ? (
        // One line stands at the text's own place: no tspan to place it (40–80 names a page, issue 35).
        <>
          <SignSpan sign={sign} overdue={overdue} />
          {name.lines[0]}
        </>
      ) : (
        name.lines.map((line, i) => {
          const y = name.y + (i - (name.lines.length - 1) / 2) * LABEL_OPTIONS.lineHeight;
          // A second line starts under the first line's words, after the status sign's room (right side).
          const x = i > 0 && name.side === "right" && sign ? name.x + LABEL_OPTIONS.fontSize * 1.1 : name.x;
          return (
            <tspan key={i} x={x} y={y}>
              {i === 0 && <SignSpan sign={sign} overdue={overdue} />}
              {line}
            </tspan>
          );
        })
      )}
    </text>
  );
}

export function WheelDrawing({ model }: { model: WheelModel }) {
  const { firstMonth } = model;
  return (
    <svg viewBox={WHEEL_VIEWBOX} className="wheel-svg block h-auto w-full" role="group" aria-label={model.ariaLabel}>
      <PatternDefs prefix={PATTERN_PREFIX} />
      {model.marks.some((m) => m.overdue) && (
        <defs>
          <OverdueSignDef />
        </defs>
      )}
      <g aria-hidden="true">
        {MONTH_NAMES.map((name, i) => {
          const month = i + 1;
          const sector = spanArc(month, month, firstMonth);
          const mid = monthMidAngle(month, firstMonth);
          const at = polar(C, (MONTH_BAND.inner + MONTH_BAND.outer) / 2, mid);
          return (
            <g key={name}>
              <path d={annularSectorPath(C, { inner: CENTRE_R, outer: MONTH_BAND.inner }, sector)} fill={month % 2 === 0 ? "#f1f5f9" : "#ffffff"} />
              <path d={annularSectorPath(C, MONTH_BAND, sector)} fill={month % 2 === 0 ? "#1e3a8a" : "#1e40af"} stroke="#ffffff" strokeWidth="2" />
              <text className="wheel-month-name" x={at.x} y={at.y} transform={`rotate(${labelRotation(mid)} ${at.x} ${at.y})`} textAnchor="middle" dominantBaseline="central" fontSize="26" fontWeight="600" fill="#ffffff">
                {name.charAt(0).toUpperCase() + name.slice(1)}
              </text>
            </g>
          );
        })}
        {/* ISO weeks: a small tick at each Monday on the month ring's outer edge, inside the labels' leaders. */}
        <path
          className="wheel-week-tick"
          d={weekTickAngles(model.year, firstMonth)
            .map(({ angle }) => {
              const from = polar(C, MONTH_BAND.outer, angle);
              const to = polar(C, WEEK_TICK_R, angle);
              return `M${from.x} ${from.y}L${to.x} ${to.y}`;
            })
            .join("")}
          stroke="#475569"
          strokeWidth="1.5"
        />
        {model.rings.map((ring) => (
          <path key={ring.key} d={ring.d} fillRule="evenodd" fill={ring.colour} fillOpacity="0.07" stroke={ring.colour} strokeOpacity="0.45" strokeWidth="1" />
        ))}
        {model.hasActions && <path d={annularSectorPath(C, ACTION_BAND, spanArc(1, 12))} fillRule="evenodd" fill="#fef3c7" fillOpacity="0.6" stroke="#92400e" strokeOpacity="0.5" />}
        {Array.from({ length: 12 }, (_, i) => {
          const from = polar(C, CENTRE_R, monthStartAngle(i + 1, firstMonth));
          const to = polar(C, MONTH_BAND.inner, monthStartAngle(i + 1, firstMonth));
          return <line key={i} x1={from.x} y1={from.y} x2={to.x} y2={to.y} stroke="#94a3b8" strokeWidth="1" />;
        })}
        {model.ringNames.map((ring) => (
          <g key={ring.key}>
            <path id={ring.pathId} d={ring.path} fill="none" />
            <text fontSize={RING_NAME_FONT} fontWeight="600" fill="#1e293b" dominantBaseline="central">
              <textPath href={`#${ring.pathId}`} startOffset="50%" textAnchor="middle">
                {ring.name}
              </textPath>
            </text>
          </g>
        ))}
      </g>
      {model.marks.map((mark, order) => {
        const overdue = mark.overdue ?? false;
        const sign = mark.level ? (overdue ? "!" : LEVEL_SIGN[mark.level]) : "";
        return (
          <WheelItem key={mark.id} id={mark.id} ring={mark.ring} angle={mark.angle} order={order} label={markLabel(mark)}>
            {mark.name && <polyline className="wheel-leader" points={mark.name.points} fill="none" stroke="#64748b" strokeWidth="1.2" />}
            <MarkShape mark={mark} colour={model.rings[mark.ring - 1]?.colour ?? "#0f172a"} />
            {mark.name && <MarkName name={mark.name} sign={sign} overdue={overdue} />}
          </WheelItem>
        );
      })}
      <g aria-hidden="true">
        {model.today && (
          <>
            <line {...lineProps(model.today.from, MONTH_BAND.outer, model.today.angle)} stroke="#0f172a" strokeWidth="3" strokeDasharray="8 4" />
            <circle cx={polar(C, MONTH_BAND.outer - 6, model.today.angle).x} cy={polar(C, MONTH_BAND.outer - 6, model.today.angle).y} r="7" fill="#facc15" stroke="#0f172a" strokeWidth="2.5" />
          </>
        )}
        <circle cx={C.x} cy={C.y} r={CENTRE_R - 4} fill="#ffffff" stroke="#cbd5e1" />
        <text className="wheel-centre-year" x={C.x} y={C.y - 16} textAnchor="middle" fontSize="40" fontWeight="700" fill="#0f172a">
          {model.year}
        </text>
        <text x={C.x} y={C.y + 14} textAnchor="middle" fontSize="15" fontWeight="600" fill="#1e293b">
          {model.whose}
        </text>
        {model.today && (
          <text x={C.x} y={C.y + 36} textAnchor="middle" fontSize="13" fill="#334155">
            {model.today.text}
          </text>
        )}
      </g>
    </svg>
  );
}
