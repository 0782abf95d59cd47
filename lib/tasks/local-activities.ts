import { getCycleStartMonth } from "../cycle-calendar.ts";
import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, type DbClient } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import { can, type Actor } from "../auth/permissions.ts";
import { writeAudit } from "../audit/index.ts";
import * as clock from "../clock.ts";
import { activityPeriod, calendarYearOfMonth, cycleYearOf, formatDateIso, formatDateLong, MONTH_NAMES } from "../dates/cycle.ts";
import { fieldErrorsOf, type Failure } from "../forms.ts";
import { localActivitySchema } from "./schemas.ts";
import { activeUnitWhere } from "../active-units.ts";

export type LocalActivityResult = { ok: true; message: string; taskId: string } | Failure;

const NOT_YOUR_UNIT = "Enheten finns inte eller är inte din att planera för.";
const NOT_YOUR_ROLE = "Du kan bara lägga till aktiviteter som din roll ansvarar för. Välj din egen roll som ansvarig.";
const NO_CYCLE = (year: number) => `Cykeln ${year} är inte startad ännu, så enheten kan inte lägga till egna aktiviteter i den.`;
const PHASE_GONE = "Fasen finns inte i någon gällande rutin. Välj en fas i listan.";

/** The phases a unit's own activity can be put in: those of the organisation's active routine versions. */
export async function getLocalActivityPhases(organisationId: string, db: DbClient = getDb()) {
  // Only routines whose work reaches the units (an activity for every unit): never the review, socialkontoret's routine (issue 32).
  // One statement (Prisma's relations took three, issue 35).
  const rows = await db.$queryRaw<{ routineId: string; routineTitle: string; key: string; name: string }[]>`
    SELECT r."id" AS "routineId", r."title" AS "routineTitle", p."key", p."name"
    FROM "RoutineVersion" v JOIN "Routine" r ON r."id" = v."routineId" JOIN "Phase" p ON p."routineVersionId" = v."id"
    WHERE v."status" = 'ACTIVE' AND r."organisationId" = ${organisationId}
      AND EXISTS (SELECT 1 FROM "ActivityTemplate" a WHERE a."routineVersionId" = v."id" AND a."scope" = 'UNIT' AND a."ownerUnitId" IS NULL)
    ORDER BY r."title", v."id", p."position"`;
  return rows.map((p) => ({ value: `${p.routineId}/${p.key}`, label: `${p.routineTitle}: ${p.name}` }));
}

/**
 * Adds a unit's own activity to this year's cycle: an activity in its routine's active version marked with the
 * unit (lib/tasks/local.ts keeps it out of the routine document and of every other unit), and its one task, planned
 * on the date when one is given. The actor must be allowed to change such a task of the unit (task:update), and only
 * the current cycle can be changed. Audited, with the task's CREATED event.
 */
export async function addLocalActivity(actor: Actor, input: unknown, db: DbClient = getDb(), options: { today?: Date } = {}): Promise<LocalActivityResult> {
  const parsed = localActivitySchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Kontrollera fälten.", errors: fieldErrorsOf(parsed.error) };
  const p = parsed.data;
  const today = options.today ?? clock.today();
  const month = p.date ? p.date.getUTCMonth() + 1 : p.month!;
  const [routineId, phaseKey] = p.phase.split("/");

  return inTransaction(db, async (tx): Promise<LocalActivityResult> => {
    const unit = await tx.unit.findFirst({ where: { id: p.unitId, ...activeUnitWhere() }, select: { id: true, name: true, area: { select: { organisationId: true } } } });
    const organisationId = unit?.area.organisationId;
    const place = organisationId ? { organisationId, unitId: p.unitId, assigneeKey: p.unitId } : null;
    if (!unit || !place || !can(actor, "task:read", place)) return { ok: false, message: NOT_YOUR_UNIT, errors: { unitId: [NOT_YOUR_UNIT] } };
    // A koordinator changes only the tasks of their own role, so they may add only such an activity.
    if (!can(actor, "task:update", { ...place, responsibleRole: p.responsibleRole })) return { ok: false, message: NOT_YOUR_ROLE, errors: { responsibleRole: [NOT_YOUR_ROLE] } };
    const version = await tx.routineVersion.findFirst({
      where: { status: "ACTIVE", routineId, routine: { organisationId: place.organisationId } },
      select: { id: true, phases: { where: { key: phaseKey }, select: { id: true } } },
    });
    const phase = version?.phases[0];
    if (!version || !phase) return { ok: false, message: PHASE_GONE, errors: { phase: [PHASE_GONE] } };
    // The verksamhet's current cycle: with a December start, an activity added in December 2026 is in the 2027 cycle.
    const startMonth = await getCycleStartMonth(tx, place.organisationId);
    const year = cycleYearOf(today, startMonth);
    if (p.date && cycleYearOf(p.date, startMonth) !== year) return { ok: false, message: `Datumet ska ligga i cykelåret ${year}.`, errors: { date: [`Datumet ska ligga i cykelåret ${year}.`] } };
    const cycle = await tx.cycle.findUnique({ where: { organisationId_year: { organisationId: place.organisationId, year } }, select: { id: true } });
    if (!cycle) return { ok: false, message: NO_CYCLE(year) };

    const last = await tx.activityTemplate.aggregate({ where: { routineVersionId: version.id }, _max: { position: true } });
    const activity = await tx.activityTemplate.create({
      data: {
        routineVersionId: version.id,
        phaseId: phase.id,
        key: `egen-${randomUUID()}`,
        position: (last._max.position ?? 0) + 1,
        title: p.title,
        description: p.description,
        responsibleRole: p.responsibleRole,
        timing: "MONTH",
        startMonth: month,
        endMonth: month,
        scope: "UNIT",
        kind: p.kind,
        ownerUnitId: unit.id,
      },
    });
    const task = await tx.task.create({
      data: { cycleId: cycle.id, activityId: activity.id, unitId: unit.id, assigneeKey: unit.id, ...activityPeriod(year, { startMonth: month, endMonth: month }, startMonth), plannedOn: p.date },
    });
    await tx.taskEvent.create({ data: { taskId: task.id, actorId: actor.id, at: clock.now(), type: "CREATED", details: { local: true } } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "local-activity.create",
      entityType: "Task",
      entityId: task.id,
      unitId: unit.id,
      after: { title: p.title, phase: p.phase, month, plannedOn: p.date ? formatDateIso(p.date) : null, responsibleRole: p.responsibleRole, kind: p.kind, activityId: activity.id },
    });
    const when = p.date ? formatDateLong(p.date) : `${MONTH_NAMES[month - 1]} ${calendarYearOfMonth(year, month, startMonth)}`;
    return { ok: true, message: `”${p.title}” är tillagd som ${unit.name}s egen aktivitet, ${when}.`, taskId: task.id };
  });
}
