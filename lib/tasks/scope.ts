import "server-only";
import type { Prisma } from "../db/index.ts";
import { grantsFor, SOCIALKONTORET_ROLES, type Action, type Actor, type RoleAssignmentLike, type Scope } from "../auth/permissions.ts";

function whereForGrant(a: RoleAssignmentLike, scope: Scope): Prisma.TaskWhereInput {
  const inOrg = { cycle: { organisationId: a.organisationId } };
  const ownUnit: Prisma.TaskWhereInput = a.unitId ? { ...inOrg, unitId: a.unitId } : { ...inOrg, unitId: { not: null } };
  const ownRole = { activity: { responsibleRole: a.role } };
  const verksamhet = { ...inOrg, unitId: null, assigneeKey: "ORGANISATION" };
  switch (scope) {
    case "own-verksamhet":
      return inOrg;
    case "own-unit":
      return ownUnit;
    case "own-unit-own-role":
      return { ...ownUnit, ...ownRole };
    case "verksamhet-tasks":
      return verksamhet;
    case "verksamhet-tasks-own-role":
      return { ...verksamhet, ...ownRole };
    case "verksamhet-tasks-hemtjanst":
      return { ...verksamhet, OR: [{ activity: { responsibleRole: null } }, { activity: { responsibleRole: { notIn: [...SOCIALKONTORET_ROLES] } } }] };
    case "communications-tasks":
      return { ...inOrg, unitId: null, assigneeKey: "COMMUNICATIONS" };
  }
}

/**
 * The Prisma where clause of the tasks an actor may read or change: the same rules as can(), pushed into SQL
 * so that a lookup by id never finds a task outside the actor's scope.
 */
export function taskWhereFor(actor: Actor, action: Action): Prisma.TaskWhereInput {
  const grants = grantsFor(actor, action);
  if (grants.length === 0) return { id: { in: [] } };
  return { OR: grants.map(({ assignment, scope }) => whereForGrant(assignment, scope)) };
}
