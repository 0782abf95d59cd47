import { planText } from "@/lib/tasks/plan";
import type { WheelData } from "@/lib/wheel/data";
import { timelineDay, timelineSpan, viewRange, type WheelView } from "@/lib/wheel/views";
import { actionLabel, activityLabel, isOverdueMark, surveyDetail, surveyLabel } from "./view";

/** One row of the quarter or month timeline: an activity's bar, the survey period, or an improvement action's day. */
export type TimelineRow = {
  id: string;
  title: string;
  label: string;
  colour: string;
  level: string;
  overdue: boolean;
  span: { left: number; width: number; continuesBefore: boolean; continuesAfter: boolean } | null;
  /** A planned task's day (issue 21) and, in the month view, its time: drawn at that day. */
  plan: { at: number; text: string } | null;
  /** An improvement action's due day. */
  point: number | null;
};
export type TimelineGroup = { key: string; title: string; colour: string; rows: TimelineRow[] };

/**
 * The activities of a quarter or month as rows on a timeline, grouped by routine and phase, in the wheel's
 * order; only what falls in the view. A task with a plan inside the view gets its day (and time) marked.
 */
export function timelineGroups(data: WheelData, view: WheelView): TimelineGroup[] {
  const range = viewRange(view, data.year, data.firstMonth);
  const unitName = data.unit?.name ?? null;
  const groups: TimelineGroup[] = [];
  for (const routine of data.routines) {
    for (const phase of routine.phases) {
      const rows: TimelineRow[] = [];
      for (const a of phase.activities) {
        if (!a.startsOn || !a.dueOn) continue;
        const span = timelineSpan(a.startsOn, a.dueOn, range);
        if (!span) continue;
        const planned = a.unitTask?.plannedOn ? timelineDay(a.unitTask.plannedOn, range) : null;
        const text = a.unitTask && planned !== null ? planText(a.unitTask) : null;
        rows.push({
          id: a.id,
          title: a.title,
          label: `${activityLabel(a, unitName, data.today)}${text ? ` Planerad ${text}.` : ""}`,
          colour: routine.colour,
          level: a.level,
          overdue: isOverdueMark(a, unitName !== null, data.today),
          span,
          plan: planned !== null && text ? { at: planned, text: view.kind === "month" ? text.replace(/ \d{4}(?= kl\.|,|$)/, "") : "" } : null,
          point: null,
        });
      }
      if (rows.length > 0) groups.push({ key: `${routine.id}:${phase.key}`, title: `${routine.title}: ${phase.name}`, colour: routine.colour, rows });
    }
  }
  const survey = surveyDetail(data.survey);
  const surveySpan = survey && data.survey ? timelineSpan(data.survey.dispatchOn!, data.survey.lastAnswerOn!, range) : null;
  const others: TimelineRow[] = [];
  if (survey && surveySpan) others.push({ id: "survey", title: survey.title, label: surveyLabel(survey), colour: "#92400e", level: "survey", overdue: false, span: surveySpan, plan: null, point: null });
  for (const a of data.actions) {
    const at = a.dueOn ? timelineDay(a.dueOn, range) : null;
    if (at === null) continue;
    others.push({ id: `action:${a.id}`, title: a.title, label: actionLabel(a), colour: "#0f172a", level: a.status, overdue: false, span: null, plan: null, point: at });
  }
  if (others.length > 0) groups.push({ key: "others", title: "Enkätperiod och förbättringsåtgärder", colour: "#92400e", rows: others });
  return groups;
}
