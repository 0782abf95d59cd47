import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import type { Role, TaskStatus } from "../db/generated/enums.ts";
import { canAny, type Actor } from "../auth/permissions.ts";
import { homeOrganisationFor } from "../auth/scope.ts";
import { currentCycleYearOf, cycleSpan, daysBetween, describeCycleYear, isOpenCycleYear } from "../dates/cycle.ts";
import { getCycleCalendar } from "../cycle-calendar.ts";
import { areasOf, computeCoverage, sameDayInYear } from "./coverage.ts";
import type { DashboardParams } from "./schemas.ts";
import * as clock from "../clock.ts";
import { getCycleProgress } from "../tasks/progress-queries.ts";
import type { ProgressFigures } from "../tasks/progress.ts";
import { ROUTINE_ACTIVITY } from "../tasks/local.ts";
import { getAreaPlanning, getPlanningCheck } from "../tasks/plan-queries.ts";
import { activeUnitWhere } from "../active-units.ts";
import { knownOrganisationName } from "../auth/organisation-name.ts";

/** The oldest försenade the page lists; the Excel file has them all (options.allUnits). */
export const OVERDUE_LIST_LIMIT = 50;
/**
 * Up to this many units the heat map shows every unit; above it, one row per area (the sums of its units) until an
 * area is chosen (?omrade=), so that the page does not grow with the number of units (docs/prestanda.md).
 */
export const HEAT_MAP_UNIT_LIMIT = 60;
const OPEN: TaskStatus[] = ["NOT_STARTED", "IN_PROGRESS"];

export type DashboardUnit = { id: string; name: string; areaName: string };
export type DashboardArea = { id: string; name: string; units: number };
export type OverdueItem = { id: string; title: string; unitId: string | null; unitName: string; enhet: string; responsibleRole: Role | null; dueOn: Date; daysOverdue: number };
export type PlanningGap = { id: string; title: string; routineTitle: string; phaseName: string; missingMonth: boolean; missingRole: boolean };
/** A cycle's figures (lib/tasks/progress.ts) at a date: today for this year, the same day of its year for an earlier one. */
export type YearProgress = { year: number; date: Date; figures: ProgressFigures };

function chooseYear(years: number[], asked: number | undefined, currentYear: number): number | null {
  if (asked !== undefined && years.includes(asked)) return asked;
  if (years.includes(currentYear)) return currentYear;
  return years.find((y) => y < currentYear) ?? years.at(-1) ?? null;
}

/**
 * The verksamhetschef's overview of one cycle year: the units × months coverage, the overdue tasks oldest first,
 * the planning gaps and the completion next to an earlier year's at the same date. Null without dashboard:read.
 * A fixed number of SQL queries whatever the number of units, activities or tasks (see tests/integration/dashboard.test.ts).
 */
export async function getDashboard(actor: Actor, params: DashboardParams, db: DbClient = getDb(), today: Date = clock.today(), options: { allUnits?: boolean } = {}) {
  const organisationId = canAny(actor, "dashboard:read") ? homeOrganisationFor(actor, "dashboard:read") : null;
  if (!organisationId) return null;
  const [organisation, cycles, unitRows, calendar] = await Promise.all([
    knownOrganisationName(actor, organisationId) ?? db.organisation.findUnique({ where: { id: organisationId }, select: { name: true } }),
    db.cycle.findMany({ where: { organisationId }, orderBy: { year: "desc" }, select: { id: true, year: true } }),
    db.unit.findMany({ where: activeUnitWhere(organisationId), select: { id: true, name: true, area: { select: { id: true, name: true, position: true } } } }),
    getCycleCalendar(db, organisationId),
  ]);
  const currentYear = currentCycleYearOf(today, calendar);
  unitRows.sort((a, b) => a.area.position - b.area.position || a.name.localeCompare(b.name, "sv"));
  const areas: DashboardArea[] = areasOf(unitRows);
  const area = areas.find((a) => a.id === params.area) ?? null;
  // The heat map's rows: the chosen area's units, every unit, or (many units, no area chosen) one row per area.
  const coverageBy: "unit" | "area" = !area && !options.allUnits && unitRows.length > HEAT_MAP_UNIT_LIMIT ? "area" : "unit";
  const units: DashboardUnit[] = unitRows.filter((u) => !area || u.area.id === area.id).map((u) => ({ id: u.id, name: u.name, areaName: u.area.name }));
  const years = cycles.map((c) => c.year);
  const year = chooseYear(years, params.year, currentYear);
  const cycle = cycles.find((c) => c.year === year) ?? null;
  const compareYear =
    params.compareYear === null
      ? null
      : params.compareYear !== undefined && years.includes(params.compareYear) && params.compareYear !== year
        ? params.compareYear
        : (years.find((y) => year !== null && y < year) ?? null);
  const compareCycle = cycles.find((c) => c.year === compareYear) ?? null;
  const cycleId = cycle?.id ?? "";
  // The year's progress is measured today (an open cycle, or one that has not begun); a closed one at the same point of
  // its cycle, and year-over-year compares cycles by survey year: the 2026 cycle on 2 December 2025 against the 2027 on 2 December 2026.
  const shift = (date: Date, years: number) => sameDayInYear(date, date.getUTCFullYear() + years);
  const progressDate = cycle && cycle.year < currentYear && !isOpenCycleYear(cycle.year, today, calendar) ? shift(today, cycle.year - currentYear) : today;
  const compareDate = compareCycle && year !== null ? shift(progressDate, compareCycle.year - year) : progressDate;
  const firstMonth = year === null ? 1 : cycleSpan(year, calendar).startsOn.getUTCMonth() + 1;

  const [groups, withoutTasks, overdueRows, overdueCount, gapRows, progress, planning, areaPlanning] = await Promise.all([
    coverageBy === "area"
      ? db.$queryRaw<{ unitId: string; dueOn: Date | null; status: TaskStatus; count: number }[]>`
          SELECT u."areaId" AS "unitId", t."dueOn", t."status", count(*)::int AS "count"
          FROM "Task" t JOIN "Unit" u ON u."id" = t."unitId"
          WHERE t."cycleId" = ${cycleId} AND u."active"
          GROUP BY u."areaId", t."dueOn", t."status"`
      : db.task
          .groupBy({ by: ["unitId", "dueOn", "status"], where: { cycleId, unitId: { not: null }, ...(area ? { unit: { areaId: area.id } } : {}) }, _count: { _all: true } })
          .then((rows) => rows.map((g) => ({ unitId: g.unitId!, dueOn: g.dueOn, status: g.status, count: g._count._all }))),
    db.unit.findMany({ where: { ...activeUnitWhere(organisationId), tasks: { none: { cycleId } } }, select: { id: true } }),
    db.task.findMany({
      where: { cycleId, status: { in: OPEN }, dueOn: { lt: today } },
      orderBy: [{ dueOn: "asc" }, { activity: { position: "asc" } }, { id: "asc" }],
      take: options.allUnits ? undefined : OVERDUE_LIST_LIMIT,
      select: { id: true, dueOn: true, unitId: true, assigneeKey: true, unit: { select: { name: true } }, activity: { select: { title: true, responsibleRole: true } } },
    }),
    db.task.count({ where: { cycleId, status: { in: OPEN }, dueOn: { lt: today } } }),
    db.activityTemplate.findMany({
      where: { ...ROUTINE_ACTIVITY, routineVersion: { status: "ACTIVE", routine: { organisationId } }, OR: [{ startMonth: null }, { endMonth: null }, { responsibleRole: null }] },
      orderBy: [{ routineVersion: { routine: { title: "asc" } } }, { phase: { position: "asc" } }, { position: "asc" }],
      select: { id: true, title: true, startMonth: true, endMonth: true, responsibleRole: true, phase: { select: { name: true } }, routineVersion: { select: { routine: { select: { title: true } } } } },
    }),
    getCycleProgress(db, [
      ...(cycle ? [{ cycleId: cycle.id, date: progressDate }] : []),
      ...(compareCycle ? [{ cycleId: compareCycle.id, date: compareDate }] : []),
    ]),
    // With one heat-map row per area, the planning check is one row per area too (the page does not grow with the units).
    coverageBy === "unit" ? getPlanningCheck(db, cycleId, units) : [],
    coverageBy === "area" ? getAreaPlanning(db, cycleId, areas.map((a) => a.id)) : [],
  ]);
  const planningByArea = areaPlanning.map(({ areaId, ...figures }) => ({ area: areas.find((a) => a.id === areaId)!, ...figures }));

  const rows: DashboardUnit[] = coverageBy === "area" ? areas.map((a) => ({ id: a.id, name: a.name, areaName: a.name })) : units;
  const coverage = year === null ? [] : computeCoverage(rows, groups, year, today, firstMonth);
  const withoutTaskIds = new Set(withoutTasks.map((u) => u.id));
  const overdue: OverdueItem[] = overdueRows.map((t) => ({
    id: t.id,
    title: t.activity.title,
    unitId: t.unitId,
    unitName: t.unit?.name ?? (t.assigneeKey === "COMMUNICATIONS" ? "Kommunikationsenheten" : "Hela verksamheten"),
    enhet: t.unitId ?? (t.assigneeKey === "COMMUNICATIONS" ? "kommunikation" : "verksamhet"),
    responsibleRole: t.activity.responsibleRole,
    dueOn: t.dueOn!,
    daysOverdue: daysBetween(t.dueOn!, today),
  }));
  const gaps: PlanningGap[] = gapRows.map((a) => ({
    id: a.id,
    title: a.title,
    routineTitle: a.routineVersion.routine.title,
    phaseName: a.phase.name,
    missingMonth: a.startMonth === null || a.endMonth === null,
    missingRole: a.responsibleRole === null,
  }));
  const yearProgress = (c: { id: string; year: number } | null, date: Date, index: number): YearProgress | null =>
    c ? { year: c.year, date, figures: progress[index]! } : null;

  return {
    organisationName: organisation?.name ?? "",
    today,
    years,
    year,
    /** What the year pickers say after each year (its months, pågår/avslutad/kommande). */
    yearNotes: Object.fromEntries(years.map((y) => [y, describeCycleYear(y, today, calendar)])) as Record<number, string>,
    /** The heat map's first month: the cycle's first (12 when a routine starts in December). */
    firstMonth,
    compareYear,
    coverage,
    coverageBy,
    areas,
    area,
    overdue,
    overdueCount,
    gaps,
    /** Per unit: how much of its year is planned, and what is missing (issue 21); per area instead when the heat map is. */
    planning,
    planningByArea,
    unitsWithoutTasks: cycle ? unitRows.filter((u) => withoutTaskIds.has(u.id)).map((u) => ({ id: u.id, name: u.name, areaName: u.area.name })) : [],
    progress: yearProgress(cycle, progressDate, 0),
    compareProgress: yearProgress(compareCycle, compareDate, cycle ? 1 : 0),
  };
}
export type Dashboard = NonNullable<Awaited<ReturnType<typeof getDashboard>>>;
