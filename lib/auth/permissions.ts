import type { Role } from "../db/generated/enums.ts";

/**
 * Who may do what, as data. One row per role × action, with the scope in which it applies.
 * can() and the data-access layer read this table; tests/unit/permissions.test.ts walks all of it.
 */
export const ACTIONS = [
  "routine:read",
  "routine:manage",
  "cycle:manage",
  "task:read",
  "task:update",
  "letter:read",
  "letter:record",
  "dashboard:read",
  "audit:read",
  "user:manage",
  "organisation:read",
  "organisation:manage",
  "results:read",
  "results:import",
  "improvement:manage",
  "review:read",
  "review:manage",
  "review:interview",
  /** Create and revoke the årshjul's read-only share links (issue 33). */
  "share:manage",
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * - own-unit: resources of the unit(s) the role is held for (a verksamhet-wide holder: every unit).
 * - own-unit-own-role: as own-unit, and only tasks whose responsible role is this role.
 * - verksamhet-tasks: the verksamhet-wide tasks (no unit, not kommunikationsenheten's).
 * - verksamhet-tasks-own-role: as verksamhet-tasks, and only tasks whose responsible role is this role.
 * - verksamhet-tasks-hemtjanst: as verksamhet-tasks, except socialkontoret's (SOCIALKONTORET_ROLES): the auditor's steps
 *   belong to the auditor, so hemtjänst's management reads them but never changes them (issue 32).
 * - communications-tasks: kommunikationsenhetens tasks.
 * - own-verksamhet: everything in the verksamhet the role is held in.
 * There is no scope across verksamheter: no role reaches another verksamhet's data (issue 18, item 11).
 */
export const SCOPES = [
  "own-unit",
  "own-unit-own-role",
  "verksamhet-tasks",
  "verksamhet-tasks-own-role",
  "verksamhet-tasks-hemtjanst",
  "communications-tasks",
  "own-verksamhet",
] as const;
export type Scope = (typeof SCOPES)[number];

/** Socialkontoret's roles: they audit hemtjänst, so their tasks are theirs alone to change. */
export const SOCIALKONTORET_ROLES = ["BISTANDSHANDLAGGARE", "KVALITETSHANDLAGGARE"] as const satisfies readonly Role[];

export const PERMISSIONS: Record<Role, Partial<Record<Action, Scope>>> = {
  ENHETSCHEF: {
    "routine:read": "own-verksamhet",
    "task:read": "own-unit",
    "task:update": "own-unit",
    "letter:read": "own-unit",
    "results:read": "own-unit",
    "improvement:manage": "own-unit",
    "share:manage": "own-unit",
  },
  KOORDINATOR: {
    "routine:read": "own-verksamhet",
    "task:read": "own-unit",
    "task:update": "own-unit-own-role",
    "letter:read": "own-unit",
    "letter:record": "own-unit",
    "results:read": "own-unit",
  },
  VERKSAMHETSCHEF: {
    "routine:read": "own-verksamhet",
    "task:read": "own-verksamhet",
    "task:update": "verksamhet-tasks-hemtjanst",
    "letter:read": "own-verksamhet",
    "dashboard:read": "own-verksamhet",
    "audit:read": "own-verksamhet",
    "results:read": "own-verksamhet",
    "improvement:manage": "own-verksamhet",
    "share:manage": "own-verksamhet",
  },
  VERKSAMHETSUTVECKLARE: {
    "routine:read": "own-verksamhet",
    "routine:manage": "own-verksamhet",
    "cycle:manage": "own-verksamhet",
    "organisation:read": "own-verksamhet",
    "task:read": "own-verksamhet",
    "task:update": "verksamhet-tasks-own-role",
    "letter:read": "own-verksamhet",
    "dashboard:read": "own-verksamhet",
    "results:read": "own-verksamhet",
    "results:import": "own-verksamhet",
    "improvement:manage": "own-verksamhet",
    "share:manage": "own-verksamhet",
  },
  KOMMUNIKATOR: {
    "routine:read": "own-verksamhet",
    "task:read": "communications-tasks",
    "task:update": "communications-tasks",
  },
  ADMIN: {
    "routine:read": "own-verksamhet",
    "user:manage": "own-verksamhet",
    "organisation:read": "own-verksamhet",
    "organisation:manage": "own-verksamhet",
    "audit:read": "own-verksamhet",
  },
  // Socialkontoret's roles see the review's case data and their own routine tasks, never hemtjänst checklists.
  BISTANDSHANDLAGGARE: {
    "routine:read": "own-verksamhet",
    "task:read": "verksamhet-tasks-own-role",
    "task:update": "verksamhet-tasks-own-role",
    "review:read": "own-verksamhet",
    "review:interview": "own-verksamhet",
  },
  KVALITETSHANDLAGGARE: {
    "routine:read": "own-verksamhet",
    "task:read": "verksamhet-tasks-own-role",
    "task:update": "verksamhet-tasks-own-role",
    "review:read": "own-verksamhet",
    "review:manage": "own-verksamhet",
    "review:interview": "own-verksamhet",
  },
};

export type RoleAssignmentLike = { role: Role; organisationId: string; unitId: string | null };
export type Actor = { id: string; assignments: RoleAssignmentLike[] };

/** What an action is about. Tasks carry their assignee and responsible role; other resources only their place. */
export type Resource = {
  organisationId: string;
  unitId?: string | null;
  assigneeKey?: string;
  responsibleRole?: Role | null;
};

export function isSocialkontoretRole(role: Role | null): boolean {
  return role !== null && (SOCIALKONTORET_ROLES as readonly Role[]).includes(role);
}

function inScope(scope: Scope, a: RoleAssignmentLike, r: Resource): boolean {
  if (r.organisationId !== a.organisationId) return false;
  const unitId = r.unitId ?? null;
  const isOwnUnit = unitId !== null && (a.unitId === null || a.unitId === unitId);
  const isVerksamhetTask = unitId === null && r.assigneeKey === "ORGANISATION";
  switch (scope) {
    case "own-verksamhet":
      return true;
    case "own-unit":
      return isOwnUnit;
    case "own-unit-own-role":
      return isOwnUnit && r.responsibleRole === a.role;
    case "verksamhet-tasks":
      return isVerksamhetTask;
    case "verksamhet-tasks-own-role":
      return isVerksamhetTask && r.responsibleRole === a.role;
    case "verksamhet-tasks-hemtjanst":
      return isVerksamhetTask && !isSocialkontoretRole(r.responsibleRole ?? null);
    case "communications-tasks":
      return unitId === null && r.assigneeKey === "COMMUNICATIONS";
  }
}

/** Whether the actor may perform the action on the resource through any of their role assignments. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  return actor.assignments.some((a) => {
    const scope = PERMISSIONS[a.role][action];
    return scope !== undefined && inScope(scope, a, resource);
  });
}

/** Whether the actor may perform the action anywhere at all (for menus and page guards). */
export function canAny(actor: Actor, action: Action): boolean {
  return actor.assignments.some((a) => PERMISSIONS[a.role][action] !== undefined);
}

/** The assignments through which the actor holds an action, for building scoped where clauses. */
export function grantsFor(actor: Actor, action: Action): { assignment: RoleAssignmentLike; scope: Scope }[] {
  return actor.assignments.flatMap((assignment) => {
    const scope = PERMISSIONS[assignment.role][action];
    return scope ? [{ assignment, scope }] : [];
  });
}
