import { formatDateLong } from "@/lib/dates/cycle";
import { annularSectorPath, dateAngle, dayAngleInYear, dateRangeArc, pointPositions, polar } from "@/lib/wheel/geometry";
import { planText } from "@/lib/tasks/plan";
import { wheelName } from "@/lib/wheel/labels";
import { WHEEL } from "@/lib/wheel/layout";
import { freeRun, wheelLayout, type WheelLayoutInput } from "@/lib/wheel/layout-cache";
import type { WheelData } from "@/lib/wheel/data";
import { actionLabel, activityRole, activityTip, isOverdueMark, surveyDetail, surveyLabel } from "./view";
import { WheelDrawing, WHEEL_VIEWBOX, type DrawnMark, type WheelModel } from "./wheel-drawing";
import { LiveWheel } from "./wheel-live";
import { toWheelWire } from "./wheel-wire";

const C = WHEEL.center;
const SURVEY_BAND = WHEEL.surveyBand;
const ACTION_BAND = WHEEL.actionBand;
const CENTRE_R = WHEEL.centreRadius;

export { freeRun, WHEEL_VIEWBOX };

/** The rings of the wheel, outermost first: each phase of each routine, in document order. */
export function wheelRings(data: WheelData) {
  return data.routines.flatMap((routine) =>
    routine.phases.map((phase) => ({ routine, phase, activities: phase.activities.filter((a) => a.startMonth !== null && a.endMonth !== null) })),
  );
}

const isPoint = (a: { startMonth: number | null; endMonth: number | null; timing: string }) => a.startMonth === a.endMonth && a.timing === "MONTH";

/**
 * What the wheel's layout depends on (lib/wheel/layout-cache.ts), and nothing else: the same for every user who sees
 * the same routines' versions, activities and layers; a unit's planned days move its point marks.
 */
export function wheelLayoutInput(data: WheelData): WheelLayoutInput {
  const moved: Record<string, number> = {};
  const rings = wheelRings(data).map(({ routine, phase, activities }) => ({
    key: `${routine.id}:${phase.key}`,
    name: phase.name,
    activities: activities.map((a) => {
      // A unit's planned task (issue 21) is drawn at its planned day, not spread over its month.
      const plannedOn = data.unit !== null && isPoint(a) ? (a.unitTask?.plannedOn ?? null) : null;
      const angle = plannedOn ? dayAngleInYear(plannedOn, data.year, data.firstMonth) : null;
      if (angle !== null) moved[a.id] = angle;
      return { id: a.id, timing: a.timing, startMonth: a.startMonth!, endMonth: a.endMonth!, name: wheelName(a) };
    }),
  }));
  return {
    versions: data.routines.map((r) => `${r.id}@${r.versions.join(",")}`),
    firstMonth: data.firstMonth,
    hasActions: data.actions.some((a) => a.inYear && a.dueOn),
    rings,
    moved,
  };
}

/**
 * The wheel as a flat model for WheelDrawing: the cached layout (bands, places, names) with this request's states
 * and words. Each mark once, in the keyboard's order.
 */
export function wheelModel(data: WheelData): WheelModel {
  const rings = wheelRings(data);
  const actionsInYear = data.actions.filter((a) => a.inYear && a.dueOn);
  // Bands, marks, names and ring names: computed once per input and shared by every request (lib/wheel/layout-cache.ts).
  const geometry = wheelLayout(wheelLayoutInput(data));
  const layout = geometry.rings;
  const innerEdge = layout.at(-1)?.band.inner ?? CENTRE_R;
  const unitName = data.unit?.name ?? null;
  // Whose wheel it is, in its centre and its name: a unit, all units, or the part of the verksamhet the role has.
  const whose = unitName ?? { verksamhet: "Alla enheter", units: "Alla enheter", communications: "Kommunikationsenheten", review: "Kvalitetsgranskningen", routines: "Rutinerna" }[data.scope];
  const survey = surveyDetail(data.survey);
  const surveyArc = survey && data.survey ? dateRangeArc(data.survey.dispatchOn!, data.survey.lastAnswerOn!, data.year, data.firstMonth) : null;
  const todayInYear = dateRangeArc(data.today, data.today, data.year, data.firstMonth) !== null;

  const marks: DrawnMark[] = [];
  // Arcs before points, as the layout places them, so that marks at the same angle keep their order.
  for (const kind of ["arc", "point"] as const) {
    rings.forEach(({ activities }, ringIndex) => {
      for (const a of activities) {
        const shape = geometry.marks.get(a.id)!;
        if (shape.kind !== kind) continue;
        const placed = geometry.labels.get(a.id);
        const plan = shape.kind === "point" && unitName !== null && a.unitTask?.plannedOn ? planText(a.unitTask) : null;
        const overdue = isOverdueMark(a, unitName !== null, data.today);
        const sign = overdue ? shape.sign : undefined;
        marks.push({
          id: a.id,
          ring: ringIndex + 1,
          angle: shape.angle,
          // The accessible name follows from the tooltip, the role and the plan (markLabel: the same as activityLabel).
          tip: activityTip(a, unitName, data.today),
          role: activityRole(a),
          ...(plan && { plan }),
          // Keys left out rather than undefined: the page's data (RSC) would carry each as "$undefined".
          shape: shape.kind === "arc" ? { kind: "arc", d: shape.d, ...(sign && { sign }) } : { kind: "point", at: shape.at, radius: shape.radius, ...(sign && { sign }) },
          level: a.level,
          ...(overdue && { overdue }),
          ...(placed && { name: { side: placed.side, x: placed.at.x, y: placed.at.y, lines: placed.lines, points: placed.points } }),
        });
      }
    });
  }
  if (survey && surveyArc) {
    marks.push({ id: "survey", ring: 0, angle: surveyArc.start, label: surveyLabel(survey), tip: survey.title, shape: { kind: "survey", d: annularSectorPath(C, SURVEY_BAND, surveyArc) } });
  }
  const actionMonths = new Map<number, typeof actionsInYear>();
  for (const a of actionsInYear) actionMonths.set(a.dueOn!.getUTCMonth() + 1, [...(actionMonths.get(a.dueOn!.getUTCMonth() + 1) ?? []), a]);
  for (const [month, actions] of actionMonths) {
    const positions = pointPositions(month, actions.length, [(ACTION_BAND.inner + ACTION_BAND.outer) / 2], data.firstMonth);
    actions.forEach((a, i) => {
      const { angle, r } = positions[i]!;
      marks.push({ id: `action:${a.id}`, ring: layout.length + 1, angle, label: actionLabel(a), tip: `Förbättringsåtgärd: ${a.title}`, shape: { kind: "action", at: polar(C, r, angle), status: a.status } });
    });
  }
  marks.sort((a, b) => a.angle - b.angle || a.ring - b.ring);

  return {
    year: data.year,
    firstMonth: data.firstMonth,
    ariaLabel: `Årshjul ${data.year}, ${unitName ?? whose.toLowerCase()}`,
    whose,
    today: todayInYear
      ? { text: `I dag ${formatDateLong(data.today).replace(/ \d{4}$/, "")}`, angle: dateAngle(data.today, 0.5, data.firstMonth), from: innerEdge - (actionsInYear.length > 0 ? 40 : 4) }
      : null,
    rings: layout.map((ring, i) => ({ key: ring.key, colour: rings[i]!.routine.colour, d: geometry.ringPaths[i]! })),
    ringNames: geometry.ringNames.map(({ key, name, pathId, path }) => ({ key, name, pathId, path })),
    hasActions: actionsInYear.length > 0,
    marks,
  };
}

/**
 * The årshjul as SVG: month sectors, one ring per phase, the survey period, improvement actions and today. On a page
 * it is drawn by a client component from the flat model, so that the page's data carries each mark once instead of
 * the whole SVG a second time (issue 35); `still` (export, print) writes the same drawing on the server.
 */
export function WheelSvg({ data, still = false }: { data: WheelData; /** A picture only (export, print): no tooltip, no client component. */ still?: boolean }) {
  const model = wheelModel(data);
  return still ? <WheelDrawing model={model} /> : <LiveWheel wire={toWheelWire(model)} />;
}

