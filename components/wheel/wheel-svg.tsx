import { formatDateLong, MONTH_NAMES } from "@/lib/dates/cycle";
import { annularSectorPath, arcLinePath, reversedArcLinePath, dateAngle, dayAngleInYear, dateRangeArc, labelRotation, monthMidAngle, monthStartAngle, pointPositions, polar, spanArc, weekTickAngles, type Band } from "@/lib/wheel/geometry";
import { planText } from "@/lib/tasks/plan";
import { layoutLabels, textWidth, wheelName, type LabelInput, type PlacedLabel } from "@/lib/wheel/labels";
import { LABEL_OPTIONS, labelAnchors, layoutWheel, ringInput, ringSpace, WHEEL } from "@/lib/wheel/layout";
import type { WheelData } from "@/lib/wheel/data";
import { LEVEL_SIGN, PatternDefs } from "./levels";
import { ActionMark, ArcMark, PATTERN_PREFIX, PointMark, WheelItem } from "./wheel-marks";
import { actionLabel, activityLabel, activityTip, isOverdueMark, surveyDetail, surveyLabel } from "./view";
import { WheelTooltip } from "./wheel-tooltip";

const C = WHEEL.center;
const MONTH_BAND: Band = WHEEL.monthBand;
/** Where the week ticks end, outside the month ring and inside LABEL_OPTIONS.exitRadius. */
const WEEK_TICK_R = 503;
const SURVEY_BAND: Band = WHEEL.surveyBand;
const ACTION_BAND: Band = WHEEL.actionBand;
const CENTRE_R = WHEEL.centreRadius;
const RING_NAME_FONT = 17;
export const WHEEL_VIEWBOX = `${WHEEL.viewBox.x} ${WHEEL.viewBox.y} ${WHEEL.viewBox.width} ${WHEEL.viewBox.height}`;


/**
 * The months (a run of two or three, else one) where a ring has no marks, for the ring's name; null when every month
 * is taken (the key then names the ring, components/wheel/wheel-legend.tsx).
 */
export function freeRun(taken: Set<number>): { start: number; end: number } | null {
  const order = [7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6];
  for (const first of order) {
    const second = (first % 12) + 1;
    if (!taken.has(first) && !taken.has(second)) {
      const third = (second % 12) + 1;
      return { start: first, end: taken.has(third) ? second : third };
    }
  }
  const single = order.find((m) => !taken.has(m));
  return single === undefined ? null : { start: single, end: single };
}

/** The rings of the wheel, outermost first: each phase of each routine, in document order. */
export function wheelRings(data: WheelData) {
  return data.routines.flatMap((routine) =>
    routine.phases.map((phase) => ({ routine, phase, activities: phase.activities.filter((a) => a.startMonth !== null && a.endMonth !== null) })),
  );
}

/** The årshjul as SVG: month sectors, one ring per phase, the survey period, improvement actions and today. */
export function WheelSvg({ data, still = false }: { data: WheelData; /** A picture only (export, print): no tooltip, a client component. */ still?: boolean }) {
  const rings = wheelRings(data);
  const inputs = rings.map(({ routine, phase, activities }) => ringInput(`${routine.id}:${phase.key}`, activities, data.firstMonth));
  const actionsInYear = data.actions.filter((a) => a.inYear && a.dueOn);
  const layout = layoutWheel(inputs, ringSpace(actionsInYear.length > 0), data.firstMonth);
  const anchors = labelAnchors(layout);
  const innerEdge = layout.at(-1)?.band.inner ?? CENTRE_R;
  const unitName = data.unit?.name ?? null;
  // Whose wheel it is, in its centre and its name: a unit, all units, or the part of the verksamhet the role has.
  const whose = unitName ?? { verksamhet: "Alla enheter", units: "Alla enheter", communications: "Kommunikationsenheten", review: "Kvalitetsgranskningen", routines: "Rutinerna" }[data.scope];
  const survey = surveyDetail(data.survey);
  const surveyArc = survey && data.survey ? dateRangeArc(data.survey.dispatchOn!, data.survey.lastAnswerOn!, data.year, data.firstMonth) : null;
  const todayInYear = dateRangeArc(data.today, data.today, data.year, data.firstMonth) !== null;
  const todayAngle = dateAngle(data.today, 0.5, data.firstMonth);

  // tip: the full name the tooltip shows on hover and focus (components/wheel/wheel-tooltip.tsx).
  const items: { id: string; ring: number; angle: number; label: string; tip: string; node: React.ReactNode }[] = [];
  const labelInputs: LabelInput[] = [];
  const signs = new Map<string, { sign: string; overdue: boolean }>();
  const ringNames: { key: string; name: string; colour: string; r: number; months: { start: number; end: number } }[] = [];
  layout.forEach((ring, ringIndex) => {
    const { routine, phase, activities } = rings[ringIndex]!;
    const byId = new Map(activities.map((a) => [a.id, a]));
    const taken = new Set<number>();
    for (const placed of ring.arcs) {
      const a = byId.get(placed.id)!;
      const overdue = isOverdueMark(a, unitName !== null, data.today);
      const node = <ArcMark center={C} level={a.level} colour={routine.colour} overdue={overdue} arc={placed.arc} band={placed.band} />;
      items.push({ id: a.id, ring: ringIndex + 1, angle: placed.arc.start, label: activityLabel(a, unitName, data.today), tip: activityTip(a, unitName, data.today), node });
      // The name leaves from near the start of the span, in the month the activity begins.
      labelInputs.push({ id: a.id, ...anchors.get(a.id)!, text: wheelName(a) });
      signs.set(a.id, { sign: overdue ? "!" : LEVEL_SIGN[a.level], overdue });
      for (let m = a.startMonth!; ; m = (m % 12) + 1) {
        taken.add(m);
        if (m === a.endMonth) break;
      }
    }
    for (const placed of ring.points) {
      const a = byId.get(placed.id)!;
      const overdue = isOverdueMark(a, unitName !== null, data.today);
      // A unit's planned task (issue 21) is drawn at its planned day, not spread over its month.
      const plannedOn = unitName !== null ? (a.unitTask?.plannedOn ?? null) : null;
      const angle = (plannedOn && dayAngleInYear(plannedOn, data.year, data.firstMonth)) ?? placed.angle;
      const node = <PointMark center={C} level={a.level} colour={routine.colour} overdue={overdue} angle={angle} r={placed.r} radius={ring.dotRadius} />;
      const plan = plannedOn && a.unitTask ? planText(a.unitTask) : null;
      items.push({ id: a.id, ring: ringIndex + 1, angle, label: `${activityLabel(a, unitName, data.today)}${plan ? ` Planerad ${plan}.` : ""}`, tip: activityTip(a, unitName, data.today), node });
      labelInputs.push({ id: a.id, angle, r: placed.r, text: wheelName(a) });
      signs.set(a.id, { sign: overdue ? "!" : LEVEL_SIGN[a.level], overdue });
      taken.add(a.startMonth!);
    }
    const months = freeRun(taken);
    const r = (ring.band.inner + ring.band.outer) / 2;
    // Written only where it fits in the free months; otherwise the key names the ring by its number.
    const room = months ? (r * Math.PI * (((months.end - months.start + 12) % 12) + 1) * 30) / 180 - 20 : 0;
    if (months && textWidth(phase.name, RING_NAME_FONT) <= room) ringNames.push({ key: ring.key, name: phase.name, colour: routine.colour, r, months });
  });
  const labels = new Map<string, PlacedLabel>(layoutLabels(labelInputs, LABEL_OPTIONS).map((l) => [l.id, l]));
  if (survey && surveyArc) {
    items.push({ id: "survey", ring: 0, angle: surveyArc.start, label: surveyLabel(survey), tip: survey.title, node: <path className="wheel-shape" d={annularSectorPath(C, SURVEY_BAND, surveyArc)} fill={`url(#${PATTERN_PREFIX}-survey)`} stroke="#92400e" strokeWidth="1.5" /> });
  }
  const actionMonths = new Map<number, typeof actionsInYear>();
  for (const a of actionsInYear) actionMonths.set(a.dueOn!.getUTCMonth() + 1, [...(actionMonths.get(a.dueOn!.getUTCMonth() + 1) ?? []), a]);
  for (const [month, actions] of actionMonths) {
    const positions = pointPositions(month, actions.length, [(ACTION_BAND.inner + ACTION_BAND.outer) / 2], data.firstMonth);
    actions.forEach((a, i) => {
      const { angle, r } = positions[i]!;
      items.push({ id: `action:${a.id}`, ring: layout.length + 1, angle, label: actionLabel(a), tip: `Förbättringsåtgärd: ${a.title}`, node: <ActionMark center={C} angle={angle} r={r} status={a.status} /> });
    });
  }
  const ordered = [...items].sort((a, b) => a.angle - b.angle || a.ring - b.ring);

  return (
    <>
    <svg viewBox={WHEEL_VIEWBOX} className="wheel-svg block h-auto w-full" role="group" aria-label={`Årshjul ${data.year}, ${unitName ?? whose.toLowerCase()}`}>
      <PatternDefs prefix={PATTERN_PREFIX} />
      <g aria-hidden="true">
        {MONTH_NAMES.map((name, i) => {
          const month = i + 1;
          const sector = spanArc(month, month, data.firstMonth);
          const mid = monthMidAngle(month, data.firstMonth);
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
        {/* One path of 52 short strokes, not 52 lines: a quarter of the bytes in the HTML and the RSC data (issue 35). */}
        <path
          className="wheel-week-tick"
          d={weekTickAngles(data.year, data.firstMonth)
            .map(({ angle }) => {
              const from = polar(C, MONTH_BAND.outer, angle);
              const to = polar(C, WEEK_TICK_R, angle);
              return `M${from.x} ${from.y}L${to.x} ${to.y}`;
            })
            .join("")}
          fill="none"
          stroke="#475569"
          strokeWidth="1.5"
        />
        {layout.map((ring, i) => (
          <path key={ring.key} d={annularSectorPath(C, ring.band, spanArc(1, 12))} fillRule="evenodd" fill={rings[i]!.routine.colour} fillOpacity="0.07" stroke={rings[i]!.routine.colour} strokeOpacity="0.45" strokeWidth="1" />
        ))}
        {actionsInYear.length > 0 && <path d={annularSectorPath(C, ACTION_BAND, spanArc(1, 12))} fillRule="evenodd" fill="#fef3c7" fillOpacity="0.6" stroke="#92400e" strokeOpacity="0.5" />}
        {Array.from({ length: 12 }, (_, i) => {
          const from = polar(C, CENTRE_R, monthStartAngle(i + 1, data.firstMonth));
          const to = polar(C, MONTH_BAND.inner, monthStartAngle(i + 1, data.firstMonth));
          return <line key={i} x1={from.x} y1={from.y} x2={to.x} y2={to.y} stroke="#94a3b8" strokeWidth="1" />;
        })}
        {ringNames.map((ring) => {
          const arc = spanArc(ring.months.start, ring.months.end, data.firstMonth);
          // Read left to right: clockwise on the upper half, anticlockwise (the path reversed) on the lower half.
          const mid = (arc.start + arc.end) / 2;
          const lower = ((mid % 360) + 360) % 360 > 90 && ((mid % 360) + 360) % 360 < 270;
          const path = lower ? reversedArcLinePath(C, ring.r, arc) : arcLinePath(C, ring.r, arc);
          return (
            <g key={ring.key}>
              <path id={`ring-name-${ring.key.replace(/[^a-z0-9]/gi, "-")}`} d={path} fill="none" />
              <text fontSize={RING_NAME_FONT} fontWeight="600" fill="#1e293b" dominantBaseline="central">
                <textPath href={`#ring-name-${ring.key.replace(/[^a-z0-9]/gi, "-")}`} startOffset="50%" textAnchor="middle">
                  {ring.name}
                </textPath>
              </text>
            </g>
          );
        })}
      </g>
      {ordered.map((item, order) => {
        const label = labels.get(item.id);
        const sign = signs.get(item.id);
        return (
          <WheelItem key={item.id} id={item.id} ring={item.ring} angle={item.angle} order={order} label={item.label} tip={item.tip}>
            {label && <polyline className="wheel-leader" points={label.leader.map((p) => `${p.x},${p.y}`).join(" ")} fill="none" stroke="#64748b" strokeWidth="1.2" />}
            {item.node}
            {label && (
              <text className="wheel-label" x={label.at.x} y={label.at.y} textAnchor={label.side === "right" ? "start" : "end"} dominantBaseline="central" fontSize={LABEL_OPTIONS.fontSize} fill="#0f172a" aria-hidden="true">
                {label.lines.map((line, i) => {
                  const y = label.at.y + (i - (label.lines.length - 1) / 2) * LABEL_OPTIONS.lineHeight;
                  // A second line starts under the first line's words, after the status sign's room (right side).
                  const x = i > 0 && label.side === "right" && sign?.sign ? label.at.x + LABEL_OPTIONS.fontSize * 1.1 : label.at.x;
                  return (
                    <tspan key={i} x={x} y={y}>
                      {i === 0 && sign?.sign && (
                        <tspan fontWeight="700" fill={sign.overdue ? "#b91c1c" : "#166534"}>
                          {sign.sign}{" "}
                        </tspan>
                      )}
                      {line}
                    </tspan>
                  );
                })}
              </text>
            )}
          </WheelItem>
        );
      })}
      <g aria-hidden="true">
        {todayInYear && (
          <>
            <line {...lineProps(innerEdge - (actionsInYear.length > 0 ? 40 : 4), MONTH_BAND.outer, todayAngle)} stroke="#0f172a" strokeWidth="3" strokeDasharray="8 4" />
            <circle cx={polar(C, MONTH_BAND.outer - 6, todayAngle).x} cy={polar(C, MONTH_BAND.outer - 6, todayAngle).y} r="7" fill="#facc15" stroke="#0f172a" strokeWidth="2.5" />
          </>
        )}
        <circle cx={C.x} cy={C.y} r={CENTRE_R - 4} fill="#ffffff" stroke="#cbd5e1" />
        <text className="wheel-centre-year" x={C.x} y={C.y - 16} textAnchor="middle" fontSize="40" fontWeight="700" fill="#0f172a">
          {data.year}
        </text>
        <text x={C.x} y={C.y + 14} textAnchor="middle" fontSize="15" fontWeight="600" fill="#1e293b">
          {whose}
        </text>
        {todayInYear && (
          <text x={C.x} y={C.y + 36} textAnchor="middle" fontSize="13" fill="#334155">
            I dag {formatDateLong(data.today).replace(/ \d{4}$/, "")}
          </text>
        )}
      </g>
    </svg>
    {!still && <WheelTooltip />}
    </>
  );
}

function lineProps(from: number, to: number, angle: number) {
  const a = polar(C, from, angle);
  const b = polar(C, to, angle);
  return { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
}
