import "server-only";
import type { DbClient } from "../db/index.ts";
import { Prisma } from "../db/generated/client.ts";
import { checkUnitPlanning, DAY_BOUND_KINDS, type PlanCheckTask, type UnitPlanCheck } from "./plan.ts";
import { activeUnitWhere } from "../active-units.ts";

export type UnitPlanning<U> = { unit: U } & UnitPlanCheck;

/**
 * The planning check of every unit of a cycle (issue 21): which day-bound steps are not yet planned and which plans
 * fall outside their window (lib/tasks/plan.ts checkUnitPlanning). One query whatever the number of units.
 */
export async function getPlanningCheck<U extends { id: string }>(db: DbClient, cycleId: string, units: U[]): Promise<UnitPlanning<U>[]> {
  const rows = await db.task.findMany({
    // Only what the check looks at: day-bound steps, and anything planned (whose plan may lie outside its window).
    where: { cycleId, unitId: { in: units.map((u) => u.id) }, OR: [{ activity: { kind: { in: [...DAY_BOUND_KINDS] }, timing: { not: "CONTINUOUS" } } }, { plannedOn: { not: null } }] },
    orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { activity: { position: "asc" } }, { id: "asc" }],
    select: { id: true, unitId: true, status: true, plannedOn: true, startsOn: true, dueOn: true, activity: { select: { title: true, kind: true, timing: true, ownerUnitId: true } } },
  });
  const byUnit = new Map<string, PlanCheckTask[]>();
  for (const r of rows) {
    const task: PlanCheckTask = { id: r.id, title: r.activity.title, kind: r.activity.kind, timing: r.activity.timing, status: r.status, plannedOn: r.plannedOn, startsOn: r.startsOn, dueOn: r.dueOn, local: r.activity.ownerUnitId !== null };
    byUnit.set(r.unitId!, [...(byUnit.get(r.unitId!) ?? []), task]);
  }
  return units.map((unit) => ({ unit, ...checkUnitPlanning(byUnit.get(unit.id) ?? []) }));
}

export type AreaPlanning = { areaId: string; dayBound: number; planned: number; plannedShare: number | null; unplanned: number; outsideWindow: number };

/**
 * The planning check summed per area, in SQL (the overview above 60 units): the same counts as checkUnitPlanning's,
 * unit by unit, added up (tests/integration/dashboard.test.ts compares them), without reading every unit's tasks.
 */
export async function getAreaPlanning(db: DbClient, cycleId: string, areaIds: string[]): Promise<AreaPlanning[]> {
  const dayBound = Prisma.sql`a."kind"::text IN (${Prisma.join([...DAY_BOUND_KINDS])}) AND a."timing" <> 'CONTINUOUS' AND t."status" <> 'NOT_APPLICABLE'`;
  const rows = await db.$queryRaw<{ areaId: string; dayBound: number; unplanned: number; outsideWindow: number }[]>`
    SELECT u."areaId" AS "areaId",
      count(*) FILTER (WHERE ${dayBound})::int AS "dayBound",
      count(*) FILTER (WHERE ${dayBound} AND t."plannedOn" IS NULL AND t."status" <> 'DONE')::int AS "unplanned",
      count(*) FILTER (WHERE t."plannedOn" IS NOT NULL AND t."startsOn" IS NOT NULL AND t."dueOn" IS NOT NULL
        AND (t."plannedOn" < t."startsOn" OR t."plannedOn" > t."dueOn"))::int AS "outsideWindow"
    FROM "Task" t JOIN "Unit" u ON u."id" = t."unitId" JOIN "ActivityTemplate" a ON a."id" = t."activityId"
    WHERE t."cycleId" = ${cycleId} AND u."active"
    GROUP BY u."areaId"`;
  const byArea = new Map(rows.map((r) => [r.areaId, r]));
  return areaIds.map((areaId) => {
    const r = byArea.get(areaId) ?? { dayBound: 0, unplanned: 0, outsideWindow: 0 };
    const planned = r.dayBound - r.unplanned;
    return { areaId, dayBound: r.dayBound, planned, plannedShare: r.dayBound === 0 ? null : planned / r.dayBound, unplanned: r.unplanned, outsideWindow: r.outsideWindow };
  });
}

/** The whole verksamhet's figure: planned day-bound steps of all units together. */
export function totalPlanning(units: readonly UnitPlanCheck[]): { dayBound: number; planned: number; plannedShare: number | null; unplanned: number; outsideWindow: number } {
  const dayBound = units.reduce((n, u) => n + u.dayBound, 0);
  const planned = units.reduce((n, u) => n + u.planned, 0);
  return {
    dayBound,
    planned,
    plannedShare: dayBound === 0 ? null : planned / dayBound,
    unplanned: units.reduce((n, u) => n + u.unplanned.length, 0),
    outsideWindow: units.reduce((n, u) => n + u.outsideWindow.length, 0),
  };
}

/** The routine's own step that asks for the planning check: "Säkerställ att varje steg i rutinen är inplanerat i årshjulet". */
export const PLANNING_STEP_KEY = "arshjul-planerat";

export type PlanningSummary = ReturnType<typeof totalPlanning> & { units: { id: string; name: string; unplanned: number; outsideWindow: number }[] };

/** The planning check of a whole cycle, for the routine's planning step: the total and the units with something missing. */
export async function getCyclePlanningSummary(db: DbClient, cycleId: string, organisationId: string): Promise<PlanningSummary> {
  const units = await db.unit.findMany({ where: activeUnitWhere(organisationId), orderBy: [{ area: { position: "asc" } }, { name: "asc" }], select: { id: true, name: true } });
  const checks = await getPlanningCheck(db, cycleId, units);
  return {
    ...totalPlanning(checks),
    units: checks.filter((c) => c.unplanned.length + c.outsideWindow.length > 0).map((c) => ({ id: c.unit.id, name: c.unit.name, unplanned: c.unplanned.length, outsideWindow: c.outsideWindow.length })),
  };
}
