import "server-only";
import type { Prisma } from "../db/index.ts";
import { grantsFor, type Action, type Actor } from "../auth/permissions.ts";

/** Where an actor holds a results action: whole verksamheter, or single units. */
export type ResultScope = { organisationIds: string[]; wholeOrganisationIds: string[]; unitIds: string[] };

export function resultScopeFor(actor: Actor, action: Action): ResultScope {
  const organisationIds = new Set<string>();
  const whole = new Set<string>();
  const units = new Set<string>();
  for (const { assignment, scope } of grantsFor(actor, action)) {
    organisationIds.add(assignment.organisationId);
    if (scope === "own-unit" && assignment.unitId) units.add(assignment.unitId);
    else if (scope === "own-unit" || scope === "own-verksamhet") whole.add(assignment.organisationId);
  }
  return { organisationIds: [...organisationIds], wholeOrganisationIds: [...whole], unitIds: [...units] };
}

/** The units an actor may see results of, as a where clause. */
export function unitWhere(scope: ResultScope): Prisma.UnitWhereInput {
  return { OR: [{ area: { organisationId: { in: scope.wholeOrganisationIds } } }, { id: { in: scope.unitIds } }] };
}

/** Improvement actions in scope: a unit-scoped holder reaches only their units' actions. */
export function actionWhere(scope: ResultScope, includeVerksamhetWide = false): Prisma.ImprovementActionWhereInput {
  const or: Prisma.ImprovementActionWhereInput[] = [{ organisationId: { in: scope.wholeOrganisationIds } }, { unitId: { in: scope.unitIds } }];
  if (includeVerksamhetWide) or.push({ organisationId: { in: scope.organisationIds }, unitId: null });
  return { OR: or };
}

/** Survey results in scope: the kommun and riket of the actor's verksamheter, and the units they may see. */
export function resultWhere(scope: ResultScope): Prisma.SurveyResultWhereInput {
  return {
    indicator: { organisationId: { in: scope.organisationIds } },
    OR: [
      { level: { in: ["KOMMUN", "RIKET"] } },
      { indicator: { organisationId: { in: scope.wholeOrganisationIds } } },
      { unitId: { in: scope.unitIds } },
    ],
  };
}
