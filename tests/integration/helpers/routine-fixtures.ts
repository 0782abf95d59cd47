import type { Db } from "@/lib/db";

/** Counts and states that a refused or invalid call must leave exactly as they were. */
export async function snapshot(db: Db) {
  const [routines, versions, phases, activities, tasks, events, cycles, audit] = await Promise.all([
    db.routine.findMany({ orderBy: { key: "asc" }, select: { key: true, title: true, colour: true } }),
    db.routineVersion.findMany({ orderBy: [{ routineId: "asc" }, { version: "asc" }], select: { id: true, version: true, status: true, title: true, purpose: true, decidedBy: true } }),
    db.phase.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, position: true } }),
    db.activityTemplate.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, shortName: true, position: true, startMonth: true, endMonth: true, phaseId: true } }),
    db.task.findMany({ orderBy: { id: "asc" }, select: { id: true, activityId: true, status: true, dueOn: true, version: true } }),
    db.taskEvent.count(),
    db.cycle.findMany({ orderBy: { year: "asc" }, select: { year: true, surveyDispatchOn: true, surveyReminderOn: true, surveyLastAnswerOn: true, resultsPublishedOn: true } }),
    db.auditEntry.count(),
  ]);
  return { routines, versions, phases, activities, tasks, events, cycles, audit };
}

export const UTVECKLARE = "utvecklare@arshjulet.example";
export const ENHETSCHEF = "enhetschef@arshjulet.example";
export const VERKSAMHETSCHEF = "verksamhetschef@arshjulet.example";
export const SEED_KEY = "brukarundersokning-hemtjanst";

/** A valid activity form, as the editor posts it. */
export function activityForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    title: "Kvalitetsgenomgång med enhetscheferna",
    phase: "uppfoljning",
    responsibleRole: "ENHETSCHEF",
    timing: "MONTH",
    startMonth: "3",
    endMonth: "",
    scope: "UNIT",
    kind: "CHECKLIST",
    description: "",
    templateRef: "",
    note: "",
    letterNumber: "",
    key: "",
    ...over,
  };
}
