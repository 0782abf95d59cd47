import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import type { Actor } from "../auth/permissions.ts";
import { commonWeakPoints, compareUnit, effectOf, hasCommonDenominators } from "./compare.ts";
import { actionWhere, resultScopeFor, resultWhere, unitWhere } from "./scope.ts";
import { activeUnitWhere } from "../active-units.ts";

const resultSelect = { indicatorId: true, year: true, level: true, unitId: true, value: true, respondents: true, responseRate: true } as const;

/** The organisation's indicators in list order. */
export async function getIndicators(actor: Actor, db: DbClient = getDb()) {
  const scope = resultScopeFor(actor, "results:read");
  return db.indicator.findMany({ where: { organisationId: { in: scope.organisationIds } }, orderBy: { position: "asc" } });
}

/** The units whose results the actor may read, with their area, in organisation order. */
export async function getResultUnits(actor: Actor, db: DbClient = getDb()) {
  return db.unit.findMany({
    where: { ...unitWhere(resultScopeFor(actor, "results:read")), ...activeUnitWhere() },
    include: { area: { select: { name: true, position: true } } },
    orderBy: [{ area: { position: "asc" } }, { name: "asc" }],
  });
}

function pickYear(years: number[], requested: number | undefined): number | null {
  if (requested !== undefined && years.includes(requested)) return requested;
  return years[0] ?? null;
}

/** The verksamhet's overview for a year: common weak points and, per unit, how many indicators fall below the kommun. */
export async function getResultsOverview(actor: Actor, requestedYear?: number, db: DbClient = getDb()) {
  const scope = resultScopeFor(actor, "results:read");
  const [indicators, units] = await Promise.all([getIndicators(actor, db), getResultUnits(actor, db)]);
  const unitIds = units.map((u) => u.id);
  const yearRows = await db.surveyResult.findMany({ where: { ...resultWhere(scope), level: "UNIT", unitId: { in: unitIds } }, distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
  const years = yearRows.map((r) => r.year);
  const year = pickYear(years, requestedYear);
  const showsCommon = hasCommonDenominators(unitIds);
  if (year === null) return { indicators, units: [], years, year, weakPoints: [], showsCommon };
  const results = await db.surveyResult.findMany({ where: { ...resultWhere(scope), year }, select: resultSelect });
  const weakPoints = commonWeakPoints(indicators, results, unitIds, year);
  const perUnit = units.map((u) => {
    const rows = compareUnit(indicators, results, u.id, year);
    return {
      id: u.id,
      name: u.name,
      areaName: u.area.name,
      compared: rows.filter((r) => r.vsKommun !== null).length,
      below: rows.filter((r) => r.verdictKommun === "worse").length,
      suppressed: rows.filter((r) => r.unit.kind === "suppressed").length,
    };
  });
  return { indicators, units: perUnit, years, year, weakPoints, showsCommon };
}

/** One unit's comparison for a year (the latest with results unless asked), or null outside the actor's scope. */
export async function getUnitComparison(actor: Actor, unitId: string, requestedYear?: number, db: DbClient = getDb()) {
  const scope = resultScopeFor(actor, "results:read");
  const unit = await db.unit.findFirst({ where: { id: unitId, ...unitWhere(scope) }, include: { area: { select: { name: true, organisationId: true } } } });
  if (!unit) return null;
  const indicators = await db.indicator.findMany({ where: { organisationId: unit.area.organisationId }, orderBy: { position: "asc" } });
  const results = await db.surveyResult.findMany({
    where: { ...resultWhere(scope), indicator: { organisationId: unit.area.organisationId }, OR: [{ unitId }, { level: { in: ["KOMMUN", "RIKET"] } }] },
    select: resultSelect,
  });
  const years = [...new Set(results.filter((r) => r.unitId === unitId).map((r) => r.year))].sort((a, b) => b - a);
  const year = pickYear(years, requestedYear);
  const rows = year === null ? [] : compareUnit(indicators, results, unitId, year);
  const unitRows = results.filter((r) => r.unitId === unitId && r.year === year);
  // Kolada's terms ask for "Källa: Kolada" wherever its data is shown: whether any value on the page came from it.
  const fromKolada =
    year !== null &&
    (await db.surveyResult.count({
      where: { ...resultWhere(scope), year, indicator: { organisationId: unit.area.organisationId }, OR: [{ unitId }, { level: { in: ["KOMMUN", "RIKET"] } }], import: { OR: [{ source: "kolada" }, { format: "kolada" }] } },
    })) > 0;
  const respondents = Math.max(0, ...unitRows.map((r) => r.respondents ?? 0)) || null;
  const responseRate = unitRows.find((r) => r.responseRate !== null)?.responseRate ?? null;
  return { unit: { id: unit.id, name: unit.name, areaName: unit.area.name, organisationId: unit.area.organisationId }, years, year, rows, respondents, responseRate, fromKolada };
}

export type UnitComparison = NonNullable<Awaited<ReturnType<typeof getUnitComparison>>>;

/** The planned (not cancelled) actions of a unit's cycle, including the verksamhet's own, for the brukarbrev 4 summary. */
export async function getPlannedActionsForUnit(actor: Actor, unitId: string, year: number, db: DbClient = getDb()) {
  const scope = resultScopeFor(actor, "results:read");
  return db.improvementAction.findMany({
    where: {
      AND: [actionWhere(scope, true), { OR: [{ unitId }, { unitId: null }] }],
      status: { not: "CANCELLED" },
      cycleId: { in: (await db.cycle.findMany({ where: { year, organisationId: { in: scope.organisationIds } }, select: { id: true } })).map((c) => c.id) },
    },
    include: { indicator: { select: { name: true } } },
    orderBy: [{ dueOn: "asc" }, { title: "asc" }],
  });
}

export type ActionFilter = { unitId?: string; year?: number };

/** The improvement actions the actor manages, with notes, unit names and the measured effect of each. */
export async function listImprovementActions(actor: Actor, filter: ActionFilter = {}, db: DbClient = getDb()) {
  const scope = resultScopeFor(actor, "improvement:manage");
  const actions = await db.improvementAction.findMany({
    where: {
      ...actionWhere(scope),
      ...(filter.unitId ? { unitId: filter.unitId } : {}),
    },
    include: { indicator: true, notes: { orderBy: { at: "desc" } } },
    orderBy: [{ createdAt: "desc" }],
  });
  const cycles = await db.cycle.findMany({ where: { organisationId: { in: scope.organisationIds } }, orderBy: { year: "desc" } });
  const cycleYear = new Map(cycles.map((c) => [c.id, c.year]));
  const unitIds = [...new Set(actions.flatMap((a) => (a.unitId ? [a.unitId] : [])))];
  const units = await db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } });
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const indicatorIds = [...new Set(actions.flatMap((a) => (a.indicatorId ? [a.indicatorId] : [])))];
  const results = await db.surveyResult.findMany({
    // Every unit's rows, not only the actions' units: effectOf needs to know whether a follow-up year is imported.
    where: { indicatorId: { in: indicatorIds }, level: { in: ["UNIT", "KOMMUN"] } },
    select: resultSelect,
  });
  const rows = actions
    .map((a) => {
      const year = cycleYear.get(a.cycleId) ?? 0;
      return { ...a, cycleYear: year, unitName: a.unitId ? (unitName.get(a.unitId) ?? "Okänd enhet") : null, effect: effectOf({ cycleYear: year, indicatorId: a.indicatorId, unitId: a.unitId }, a.indicator, results) };
    })
    .filter((a) => filter.year === undefined || a.cycleYear === filter.year);
  return { actions: rows, cycles };
}

export type ImprovementActionRow = Awaited<ReturnType<typeof listImprovementActions>>["actions"][number];

/** The latest finished result imports of the actor's verksamhet, for the import page (a pending one is not done yet). */
export async function getRecentImports(actor: Actor, db: DbClient = getDb()) {
  const scope = resultScopeFor(actor, "results:import");
  return db.resultImport.findMany({ where: { organisationId: { in: scope.organisationIds }, pending: false }, orderBy: { createdAt: "desc" }, take: 5 });
}

/** What the improvement action forms offer: the years, the units the actor manages and the indicators. */
export async function getActionFormOptions(actor: Actor, db: DbClient = getDb()) {
  const scope = resultScopeFor(actor, "improvement:manage");
  const [cycles, units, indicators] = await Promise.all([
    db.cycle.findMany({ where: { organisationId: { in: scope.organisationIds } }, orderBy: { year: "desc" }, select: { id: true, year: true } }),
    db.unit.findMany({ where: { ...unitWhere(scope), ...activeUnitWhere() }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.indicator.findMany({ where: { organisationId: { in: scope.organisationIds } }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
  ]);
  return { cycles, units, indicators, canWholeVerksamhet: scope.wholeOrganisationIds.length > 0 };
}

export type ActionFormOptions = Awaited<ReturnType<typeof getActionFormOptions>>;
