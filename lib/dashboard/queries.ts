import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import { Prisma } from "../db/generated/client.ts";
import type { Role, TaskStatus } from "../db/generated/enums.ts";
import { canAny, type Actor } from "../auth/permissions.ts";
import { homeOrganisationFor } from "../auth/scope.ts";
import { currentCycleYearOf, cycleSpan, daysBetween, describeCycleYear, formatDateIso, isOpenCycleYear } from "../dates/cycle.ts";
import { getCycleCalendar, openCyclesOn } from "../cycle-calendar.ts";
import { areasOf, computeCoverage, sameDayInYear } from "./coverage.ts";
import type { DashboardParams } from "./schemas.ts";
import * as clock from "../clock.ts";
import { getCycleProgress } from "../tasks/progress-queries.ts";
import type { ProgressFigures } from "../tasks/progress.ts";
import { getAreaPlanning, getPlanningCheck } from "../tasks/plan-queries.ts";
import { activeUnitWhere } from "../active-units.ts";
import { getOverdueElsewhere } from "../tasks/queries.ts";
import { knownOrganisationName } from "../auth/organisation-name.ts";

/** The oldest försenade the page lists; the Excel file has them all (options.allUnits). */
export const OVERDUE_LIST_LIMIT = 50;
/**
 * Up to this many units the heat map shows every unit; above it, one row per area (the sums of its units) until an
 * area is chosen (?omrade=), so that the page does not grow with the number of units (docs/prestanda.md).
 */
export const HEAT_MAP_UNIT_LIMIT = 60;

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
    activeUnitsWithChiefs(db, organisationId),
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

  // Besides the one shown, another cycle open today (the ending one in a cycle's first months) has its own försenade.
  const openElsewhere = openCyclesOn(today, calendar).some((c) => c.year !== year);

  const [groups, withoutTasks, overdueRows, gapRows, progress, planning, areaPlanning, overdueElsewhere] = await Promise.all([
    coverageBy === "area"
      ? db.$queryRaw<{ unitId: string; dueOn: Date | null; status: TaskStatus; count: number }[]>`
          SELECT u."areaId" AS "unitId", t."dueOn", t."status", count(*)::int AS "count"
          FROM "Task" t JOIN "Unit" u ON u."id" = t."unitId"
          WHERE t."cycleId" = ${cycleId} AND u."active"
          GROUP BY u."areaId", t."dueOn", t."status"`
      : db.task
          .groupBy({ by: ["unitId", "dueOn", "status"], where: { cycleId, unitId: { not: null }, ...(area ? { unit: { areaId: area.id } } : {}) }, _count: { _all: true } })
          .then((rows) => rows.map((g) => ({ unitId: g.unitId!, dueOn: g.dueOn, status: g.status, count: g._count._all }))),
    // Units without a task in the cycle: with every unit in the heat map they are the units without a group above (one
    // scan of the cycle's tasks fewer); with an area or one row per area, asked for.
    coverageBy === "unit" && !area
      ? null
      : db.unit.findMany({ where: { ...activeUnitWhere(organisationId), tasks: { none: { cycleId } } }, select: { id: true } }),
    // The oldest försenade with their unit's and activity's names, and (over all rows, before the limit) how many there
    // are. The open statuses as literals of the enum, so that the planner estimates the rows (21 ms, not 48, at 600 units).
    db.$queryRaw<{ id: string; dueOn: Date; unitId: string | null; assigneeKey: string; unitName: string | null; title: string; responsibleRole: Role | null; total: number }[]>`
      SELECT t."id", t."dueOn", t."unitId", t."assigneeKey", u."name" AS "unitName", a."title", a."responsibleRole"::text AS "responsibleRole",
        count(*) OVER ()::int AS "total"
      FROM "Task" t JOIN "ActivityTemplate" a ON a."id" = t."activityId" LEFT JOIN "Unit" u ON u."id" = t."unitId"
      WHERE t."cycleId" = ${cycleId} AND t."status" IN ('NOT_STARTED', 'IN_PROGRESS') AND t."dueOn" < ${formatDateIso(today)}::date
      ORDER BY t."dueOn" ASC, a."position" ASC, t."id" ASC
      ${options.allUnits ? Prisma.empty : Prisma.sql`LIMIT ${OVERDUE_LIST_LIMIT}`}`,
    // The routine's own activities (ROUTINE_ACTIVITY: no owner unit) of the published versions that lack a month or a role.
    db.$queryRaw<{ id: string; title: string; startMonth: number | null; endMonth: number | null; responsibleRole: Role | null; phaseName: string; routineTitle: string }[]>`
      SELECT a."id", a."title", a."startMonth", a."endMonth", a."responsibleRole"::text AS "responsibleRole", p."name" AS "phaseName", r."title" AS "routineTitle"
      FROM "ActivityTemplate" a JOIN "Phase" p ON p."id" = a."phaseId" JOIN "RoutineVersion" v ON v."id" = a."routineVersionId" JOIN "Routine" r ON r."id" = v."routineId"
      WHERE a."ownerUnitId" IS NULL AND v."status" = 'ACTIVE' AND r."organisationId" = ${organisationId}
        AND (a."startMonth" IS NULL OR a."endMonth" IS NULL OR a."responsibleRole" IS NULL)
      ORDER BY r."title" ASC, p."position" ASC, a."position" ASC`,
    getCycleProgress(db, [
      ...(cycle ? [{ cycleId: cycle.id, date: progressDate }] : []),
      ...(compareCycle ? [{ cycleId: compareCycle.id, date: compareDate }] : []),
    ]),
    // With one heat-map row per area, the planning check is one row per area too (the page does not grow with the units).
    coverageBy === "unit" ? getPlanningCheck(db, cycleId, units) : [],
    coverageBy === "area" ? getAreaPlanning(db, cycleId, areas.map((a) => a.id)) : [],
    openElsewhere ? getOverdueElsewhere(actor, year, "task:read", db, today) : [],
  ]);
  const planningByArea = areaPlanning.map(({ areaId, ...figures }) => ({ area: areas.find((a) => a.id === areaId)!, ...figures }));

  const rows: DashboardUnit[] = coverageBy === "area" ? areas.map((a) => ({ id: a.id, name: a.name, areaName: a.name })) : units;
  const coverage = year === null ? [] : computeCoverage(rows, groups, year, today, firstMonth);
  const withTasks = withoutTasks === null ? new Set(groups.map((g) => g.unitId)) : null;
  const withoutTaskIds = new Set(withoutTasks?.map((u) => u.id) ?? unitRows.filter((u) => !withTasks!.has(u.id)).map((u) => u.id));
  const overdue: OverdueItem[] = overdueRows.map((t) => ({
    id: t.id,
    title: t.title,
    unitId: t.unitId,
    unitName: t.unitName ?? (t.assigneeKey === "COMMUNICATIONS" ? "Kommunikationsenheten" : "Hela verksamheten"),
    enhet: t.unitId ?? (t.assigneeKey === "COMMUNICATIONS" ? "kommunikation" : "verksamhet"),
    responsibleRole: t.responsibleRole,
    dueOn: t.dueOn,
    daysOverdue: daysBetween(t.dueOn, today),
  }));
  const gaps: PlanningGap[] = gapRows.map((a) => ({
    id: a.id,
    title: a.title,
    routineTitle: a.routineTitle,
    phaseName: a.phaseName,
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
    overdueCount: overdueRows[0]?.total ?? 0,
    /** The other open cycle's försenade beside the one shown (docs/decisions/020). */
    overdueElsewhere,
    /** Active units without an enhetschef (nobody gets their reminders); none when an enhetschef has every unit. */
    unitsWithoutChief: unitRows.some((u) => u.wideChief) ? [] : unitRows.filter((u) => !u.hasChief).map((u) => ({ id: u.id, name: u.name })),
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

/**
 * The verksamhet's active units (the rule of lib/active-units.ts, in SQL) with their area, whether an active user is
 * enhetschef of the unit, and whether one is enhetschef of every unit (a role without a unit): one statement where the
 * unit list, its areas and the check for units without a chief were four.
 */
async function activeUnitsWithChiefs(db: DbClient, organisationId: string) {
  const rows = await db.$queryRaw<{ id: string; name: string; areaId: string; areaName: string; areaPosition: number; hasChief: boolean; wideChief: boolean }[]>`
    SELECT u."id", u."name", ar."id" AS "areaId", ar."name" AS "areaName", ar."position" AS "areaPosition",
      EXISTS (SELECT 1 FROM "RoleAssignment" r JOIN "User" us ON us."id" = r."userId"
        WHERE r."unitId" = u."id" AND r."role" = 'ENHETSCHEF' AND us."active") AS "hasChief",
      EXISTS (SELECT 1 FROM "RoleAssignment" r JOIN "User" us ON us."id" = r."userId"
        WHERE r."organisationId" = ${organisationId} AND r."unitId" IS NULL AND r."role" = 'ENHETSCHEF' AND us."active") AS "wideChief"
    FROM "Unit" u JOIN "Area" ar ON ar."id" = u."areaId"
    WHERE ar."organisationId" = ${organisationId} AND u."active"`;
  return rows.map((r) => ({ id: r.id, name: r.name, area: { id: r.areaId, name: r.areaName, position: r.areaPosition }, hasChief: r.hasChief, wideChief: r.wideChief }));
}
