import { formatDateLong } from "@/lib/dates/cycle";
import { roleLabel, SCOPE_LABELS } from "@/lib/routines/labels";
import type { WheelData } from "@/lib/wheel/data";
import type { CompletionLevel } from "@/lib/wheel/completion";
import { ACTION_STATUS_LABELS, actionWho, ringNumbers, activityState, activityTime, isOverdueMark, surveyDetail } from "./view";
import { WheelTableView } from "./wheel-table-view";

/**
 * One activity's row as data: number, title, time, responsible, scope, level and state in words (the level's note
 * follows from the level, in the client component).
 * The table is drawn by a client component from these rows (wheel-table-view.tsx), so that the page's data carries
 * each value once instead of the table as an element tree beside its HTML (issue 35, docs/decisions/013).
 */
export type WheelTableRow = [number: string, title: string, time: string, role: string, scope: string, level: CompletionLevel, state: string];
export type WheelTableModel = {
  year: number;
  unitName: string | null;
  routines: { id: string; title: string; colour: string; versions: string; phases: { key: string; ring: number; name: string; rows: WheelTableRow[] }[] }[];
  survey: { label: string; value: string }[] | null;
  actions: { id: string; title: string; who: string; due: string; status: string }[];
};

export function wheelTableModel(data: WheelData): WheelTableModel {
  const unitName = data.unit?.name ?? null;
  const rings = ringNumbers(data);
  return {
    year: data.year,
    unitName,
    routines: data.routines.map((routine) => ({
      id: routine.id,
      title: routine.title,
      colour: routine.colour,
      versions: routine.versions.join(" och "),
      phases: routine.phases.map((phase) => ({
        key: phase.key,
        ring: rings.get(`${routine.id}:${phase.key}`)!,
        name: phase.name,
        rows: phase.activities.map((a): WheelTableRow => [
          a.number,
          a.title,
          activityTime(a),
          roleLabel(a.responsibleRole),
          SCOPE_LABELS[a.scope],
          a.level,
          `${activityState(a, unitName)}${isOverdueMark(a, unitName !== null, data.today) && !(unitName === null || a.scope !== "UNIT") ? ", försenad" : ""}`,
        ]),
      })),
    })),
    survey: surveyDetail(data.survey)?.rows ?? null,
    actions: data.actions.map((a) => ({ id: a.id, title: a.title, who: actionWho(a), due: a.dueOn ? formatDateLong(a.dueOn) : "Inget slutdatum", status: ACTION_STATUS_LABELS[a.status] })),
  };
}

/** The wheel's content as tables: every activity per routine and phase, the survey dates and the improvement actions. */
export function WheelTable({ data }: { data: WheelData }) {
  return <WheelTableView model={wheelTableModel(data)} />;
}
