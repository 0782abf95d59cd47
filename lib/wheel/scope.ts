import { canAny, grantsFor, type Actor } from "../auth/permissions.ts";

/**
 * Whose wheel a user sees on their home page and on /arshjul:
 * - verksamhet: the whole verksamhet with a unit picker (who may read the dashboard);
 * - units: the user's own unit(s), one at a time (enhetschef, koordinator); `all` for a holder without a unit;
 * - communications: kommunikationsenhetens activities (kommunikatör);
 * - review: the quality review's routine (biståndshandläggare, kvalitetshandläggare);
 * - routines: the routines without any status (a role with none of the above, e.g. the admin).
 */
export type WheelScope =
  | { kind: "verksamhet" }
  | { kind: "units"; unitIds: string[] | "all" }
  | { kind: "communications" }
  | { kind: "review" }
  | { kind: "routines" };

export function wheelScopeFor(actor: Actor): WheelScope {
  if (canAny(actor, "dashboard:read")) return { kind: "verksamhet" };
  const unitGrants = grantsFor(actor, "task:read").filter((g) => g.scope === "own-unit" || g.scope === "own-unit-own-role");
  if (unitGrants.length > 0) {
    return unitGrants.some((g) => g.assignment.unitId === null) ? { kind: "units", unitIds: "all" } : { kind: "units", unitIds: [...new Set(unitGrants.map((g) => g.assignment.unitId!))] };
  }
  if (grantsFor(actor, "task:read").some((g) => g.scope === "communications-tasks")) return { kind: "communications" };
  if (canAny(actor, "review:read")) return { kind: "review" };
  return { kind: "routines" };
}

/** Whether a scope's wheel shows a routine: the review's routine for the review's roles, the others for everyone else. */
export function showsRoutine(scope: WheelScope, isReviewRoutine: boolean): boolean {
  if (scope.kind === "verksamhet" || scope.kind === "routines") return true;
  return scope.kind === "review" ? isReviewRoutine : !isReviewRoutine;
}
