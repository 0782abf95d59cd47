import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import { canAny, type Actor } from "../auth/permissions.ts";
import { writeAudit } from "../audit/index.ts";
import { dateFromIso } from "../dates/cycle.ts";
import { homeOrganisationFor, organisationFilter } from "../auth/scope.ts";
import { fieldErrorsOf, INVALID_FORM, type MutationResult } from "../forms.ts";
import { fail, isUniqueViolation, transact } from "../db/transaction.ts";
import { ensureCycleTasks } from "./instantiate.ts";
import { planAgainSchema, startCycleSchema, timetableSchema } from "./schemas.ts";
import { SURVEY_MILESTONES, validateTimetable, type TimetableDates } from "./timetable.ts";

const NOT_ALLOWED = "Du har inte behörighet att hantera årets cykler.";
const CYCLE_GONE = "Cykeln finns inte eller tillhör inte din verksamhet.";

const tasksText = (n: number) => (n === 1 ? "1 uppgift" : `${n} uppgifter`);

/** Starts the cycle of a year: creates it and the tasks of every active unit from the active routine versions. */
export async function startCycle(actor: Actor, input: unknown, db: DbClient = getDb()): Promise<MutationResult<{ year: number; created: number }>> {
  const organisationId = homeOrganisationFor(actor, "cycle:manage");
  if (!organisationId) return { ok: false, message: NOT_ALLOWED };
  const parsed = startCycleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: INVALID_FORM, errors: fieldErrorsOf(parsed.error) };
  const { year } = parsed.data;
  const duplicate = { ok: false as const, message: `Cykeln för ${year} finns redan. Inget nytt skapades; använd Planera igen på cykelns sida för att lägga till det som saknas.` };
  try {
    return await transact(db, async (tx) => {
      if (await tx.cycle.findUnique({ where: { organisationId_year: { organisationId, year } } })) return duplicate;
      const cycle = await tx.cycle.create({ data: { organisationId, year } });
      const created = await ensureCycleTasks(tx, cycle.id);
      await writeAudit(tx, { actorId: actor.id, action: "cycle.start", entityType: "Cycle", entityId: cycle.id, after: { year, createdTasks: created } });
      return { ok: true as const, message: `Cykeln ${year} är startad med ${tasksText(created)}.`, year, created };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}

/** "Planera igen": creates the tasks a cycle is missing, e.g. for units added during the year. Never creates anything twice. */
export async function planCycleAgain(actor: Actor, input: unknown, db: DbClient = getDb()): Promise<MutationResult<{ created: number }>> {
  if (!canAny(actor, "cycle:manage")) return { ok: false, message: NOT_ALLOWED };
  const parsed = planAgainSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: CYCLE_GONE };
  return transact(db, async (tx) => {
    const cycle = await tx.cycle.findFirst({ where: { id: parsed.data.cycleId, organisationId: organisationFilter(actor, "cycle:manage") } });
    if (!cycle) return fail(CYCLE_GONE);
    const created = await ensureCycleTasks(tx, cycle.id);
    await writeAudit(tx, { actorId: actor.id, action: "cycle.plan", entityType: "Cycle", entityId: cycle.id, after: { year: cycle.year, createdTasks: created } });
    const message = created === 0 ? `Cykeln ${cycle.year} hade redan alla uppgifter; inget nytt skapades.` : `${tasksText(created)} lades till i cykeln ${cycle.year}.`;
    return { ok: true as const, message, created };
  });
}

const toDate = (iso: string | undefined) => (iso ? dateFromIso(iso) : null);

/** Sets Socialstyrelsen's timetable of a cycle. Empty dates mean "not yet known"; known dates must be in order. */
export async function updateTimetable(actor: Actor, input: unknown, db: DbClient = getDb()): Promise<MutationResult> {
  if (!canAny(actor, "cycle:manage")) return { ok: false, message: NOT_ALLOWED };
  const parsed = timetableSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: INVALID_FORM, errors: fieldErrorsOf(parsed.error) };
  const dates = Object.fromEntries(SURVEY_MILESTONES.map((m) => [m.field, toDate(parsed.data[m.field])])) as TimetableDates;
  return transact(db, async (tx) => {
    const cycle = await tx.cycle.findFirst({ where: { id: parsed.data.cycleId, organisationId: organisationFilter(actor, "cycle:manage") } });
    if (!cycle) return fail(CYCLE_GONE);
    const errors = validateTimetable(cycle.year, dates);
    if (Object.keys(errors).length > 0) return fail(INVALID_FORM, errors as Record<string, string[]>);
    const before = Object.fromEntries(SURVEY_MILESTONES.map((m) => [m.field, cycle[m.field]]));
    await tx.cycle.update({ where: { id: cycle.id }, data: dates });
    await writeAudit(tx, { actorId: actor.id, action: "cycle.timetable", entityType: "Cycle", entityId: cycle.id, before, after: dates });
    return { ok: true as const, message: `Socialstyrelsens tidsplan för ${cycle.year} är sparad.` };
  });
}
