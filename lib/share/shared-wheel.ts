import "server-only";
import type { Actor } from "../auth/permissions.ts";
import { getCycleCalendar } from "../cycle-calendar.ts";
import { openCycleYears } from "../dates/cycle.ts";
import { getDb, type DbClient } from "../db/index.ts";
import * as clock from "../clock.ts";
import { getWheelData, type WheelData } from "../wheel/data.ts";
import { ACTIONS_LAYER, SURVEY_LAYER, withoutHiddenLayers } from "../wheel/views.ts";
import { hashShareToken } from "./links.ts";
import { shareTokenSchema } from "./schemas.ts";

export type SharedWheel = { name: string; data: WheelData; openYears: number[] };

/**
 * The wheel behind a share token, or null for a malformed, unknown, revoked or expired token, or a unit that is no
 * longer active: the page answers all of them with the same 404. The wheel is read as the verksamhet's manager
 * would see it (getWheelData) and then stripped to what the public may see: the activities' names and states, the
 * survey period and the improvement actions' titles and states. No comments, plans, people's names (an action's
 * owner, a plan's leader), task ids or e-mail addresses are in it, whatever the page or a later component renders.
 */
export async function getSharedWheel(token: string, askedYear: number | undefined, db: DbClient = getDb(), today: Date = clock.today()): Promise<SharedWheel | null> {
  const parsed = shareTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const link = await db.shareLink.findUnique({ where: { tokenHash: hashShareToken(parsed.data) } });
  if (!link || link.revokedAt || (link.endsOn && link.endsOn.getTime() < today.getTime())) return null;
  // The link's current cycle(s): the open ones (docs/decisions/020), never the history of earlier years.
  const openYears = openCycleYears(today, await getCycleCalendar(db, link.organisationId));
  const year = askedYear !== undefined && openYears.includes(askedYear) ? askedYear : openYears[0];
  // A reader of the whole verksamhet, in the link's verksamhet only: no session, no user.
  const reader: Actor = { id: `share:${link.id}`, assignments: [{ role: "VERKSAMHETSCHEF", organisationId: link.organisationId, unitId: null }] };
  const data = await getWheelData(reader, { year, unitId: link.unitId ?? undefined }, db, today);
  // A closed unit is not among the wheel's units: then no wheel, never the whole verksamhet's instead.
  if (!data || (link.unitId ? data.unit?.id !== link.unitId : data.unit !== null)) return null;
  const routineKeys = data.routines.map((r) => r.key);
  const hidden = [...routineKeys, ACTIONS_LAYER, SURVEY_LAYER].filter((key) => !link.layers.includes(key));
  return { name: link.name, data: stripForPublic(withoutHiddenLayers(data, hidden)), openYears };
}

/** The wheel's data without anything that is not for the public (see getSharedWheel). Exported for the tests. */
export function stripForPublic(data: WheelData): WheelData {
  return {
    ...data,
    units: data.unit ? [data.unit] : [],
    pickerArea: null,
    years: [data.year],
    routines: data.routines.map((routine) => ({
      ...routine,
      phases: routine.phases.map((phase) => ({
        ...phase,
        activities: phase.activities.map((a) => ({ ...a, overdueUnits: [], ...(a.unitTask !== undefined ? { unitTask: null } : {}) })),
      })),
    })),
    actions: data.actions.map((a) => ({ ...a, ownerName: "" })),
    ownTasks: {},
  };
}
