import "server-only";
import type { ActivityKind, ActivityScope, ImprovementStatus, Role, TaskStatus, Timing } from "../db/generated/enums.ts";
import type { Completion, CompletionLevel } from "./completion.ts";

/* The shapes of the wheel's data and how activity rows become routines → phases → numbered activities. */

export type WheelActivity = {
  /** routineId/key: one activity even when the cycle's tasks hang on two versions of the routine. */
  id: string;
  /**
   * "12": the activity's place among all the routines' activities of the cycle, whatever the scope shows; "E1": a
   * unit's own activity, numbered apart so that it never shifts the routines' numbers (issue 33).
   */
  number: string;
  key: string;
  title: string;
  /** The name on the wheel, the agenda and the print (kortnamn); null: the title is written, wrapped. */
  shortName: string | null;
  description: string | null;
  kind: ActivityKind;
  timing: Timing;
  startMonth: number | null;
  endMonth: number | null;
  responsibleRole: Role | null;
  scope: ActivityScope;
  /** A unit's own activity (issue 21): it concerns that unit only and is not part of the routine's document. */
  local: boolean;
  startsOn: Date | null;
  dueOn: Date | null;
  /**
   * How far the units have come. With a unit chosen, only the verksamhet's own tasks are counted (a verksamhet-wide
   * activity's): a unit's activity shows the unit's status (unitStatus) instead.
   */
  completion: Completion;
  /** The units whose task is overdue, in unit order, with that task (the verksamhet's wheel with no unit chosen only). */
  overdueUnits: { id: string; name: string; taskId: string }[];
  /** With a unit chosen: that unit's status (the verksamhet's for verksamhet-wide activities); null = no task. */
  unitStatus?: TaskStatus | null;
  /** The chosen unit's task of the activity with its plan (issue 21), for a plan form in the activity panel. */
  unitTask?: { id: string; version: number; plannedOn: Date | null; plannedTime: string | null; plannedPlace: string | null; plannedLead: string | null } | null;
  level: CompletionLevel;
};
export type WheelPhase = { key: string; name: string; activities: WheelActivity[] };
export type WheelRoutine = { id: string; key: string; title: string; colour: string; versions: number[]; phases: WheelPhase[] };
export type WheelAction = { id: string; title: string; status: ImprovementStatus; dueOn: Date | null; ownerName: string; unitName: string | null; indicatorName: string | null; inYear: boolean };
export type WheelUnit = { id: string; name: string; areaId: string; areaName: string };

/** An activity of a routine version with its phase and routine, as the wheel reads it (lib/wheel/data.ts, one statement). */
export type ActivityRow = Pick<WheelActivity, "key" | "title" | "shortName" | "description" | "kind" | "timing" | "startMonth" | "endMonth" | "responsibleRole" | "scope"> & {
  id: string;
  position: number;
  ownerUnitId: string | null;
  phase: { key: string; name: string; position: number };
  routineVersion: { version: number; routine: { id: string; key: string; title: string; colour: string; startMonth: number } };
};

/** The newest version's definition of each activity, keyed routineId/key, with the ids of every version's row. */
export function mergeVersions(rows: ActivityRow[]) {
  const merged = new Map<string, { row: ActivityRow; ids: string[] }>();
  for (const row of [...rows].sort((a, b) => b.routineVersion.version - a.routineVersion.version)) {
    const id = `${row.routineVersion.routine.id}/${row.key}`;
    const entry = merged.get(id);
    if (entry) entry.ids.push(row.id);
    else merged.set(id, { row, ids: [row.id] });
  }
  return merged;
}

/** The wheel's order: routines by title, phases by position, activities by months and then their place in the document. */
function compareRows(a: ActivityRow, b: ActivityRow): number {
  const ra = a.routineVersion.routine;
  const rb = b.routineVersion.routine;
  return (
    ra.title.localeCompare(rb.title, "sv") ||
    ra.id.localeCompare(rb.id) ||
    a.phase.position - b.phase.position ||
    (a.startMonth ?? 13) - (b.startMonth ?? 13) ||
    (a.endMonth ?? 13) - (b.endMonth ?? 13) ||
    a.position - b.position
  );
}

/**
 * The routines' activity numbers ("1", "2" …), keyed routineId/key, counted over every routine activity of the cycle
 * (`rows`: not only those a scope or a layer shows, and never a unit's own), so that a number means the same activity
 * on every role's wheel and in every print.
 */
export function activityNumbers(rows: ActivityRow[]): Map<string, string> {
  const merged = [...mergeVersions(rows.filter((r) => r.ownerUnitId === null))];
  merged.sort(([, a], [, b]) => compareRows(a.row, b.row));
  return new Map(merged.map(([id], i) => [id, String(i + 1)]));
}

export function buildRoutines(
  merged: ReturnType<typeof mergeVersions>,
  rows: ActivityRow[],
  activity: (id: string, row: ActivityRow, ids: string[]) => Omit<WheelActivity, "number">,
  numbers: Map<string, string> = activityNumbers(rows),
) {
  const routines = new Map<string, WheelRoutine & { phaseOrder: Map<string, number> }>();
  for (const [id, { row, ids }] of merged) {
    const r = row.routineVersion.routine;
    const routine = routines.get(r.id) ?? { ...r, versions: [] as number[], phases: [] as WheelPhase[], phaseOrder: new Map<string, number>() };
    routines.set(r.id, routine);
    let phase = routine.phases.find((p) => p.key === row.phase.key);
    if (!phase) {
      phase = { key: row.phase.key, name: row.phase.name, activities: [] };
      routine.phases.push(phase);
      routine.phaseOrder.set(row.phase.key, row.phase.position);
    }
    phase.activities.push({ ...activity(id, row, ids), number: "" });
  }
  for (const row of rows) {
    const routine = routines.get(row.routineVersion.routine.id)!;
    if (!routine.versions.includes(row.routineVersion.version)) routine.versions.push(row.routineVersion.version);
  }
  const position = new Map(rows.map((r) => [`${r.routineVersion.routine.id}/${r.key}`, r.position]));
  // A unit's own activities: "E1", "E2" … in the wheel's order, apart from the routines' numbers.
  let local = 0;
  return [...routines.values()]
    .sort((a, b) => a.title.localeCompare(b.title, "sv"))
    .map(({ phaseOrder, ...routine }) => {
      routine.versions.sort((a, b) => a - b);
      routine.phases.sort((a, b) => phaseOrder.get(a.key)! - phaseOrder.get(b.key)!);
      for (const phase of routine.phases) {
        phase.activities.sort((a, b) => (a.startMonth ?? 13) - (b.startMonth ?? 13) || (a.endMonth ?? 13) - (b.endMonth ?? 13) || position.get(a.id)! - position.get(b.id)!);
        for (const a of phase.activities) a.number = numbers.get(a.id) ?? `E${++local}`;
      }
      return routine;
    });
}
