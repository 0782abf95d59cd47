import "server-only";
import type { z } from "zod";
import { getDb, type DbClient, type Prisma } from "../db/index.ts";
import { writeAudit } from "../audit/index.ts";
import type { Actor } from "../auth/permissions.ts";
import { homeOrganisationFor } from "../auth/scope.ts";
import * as clock from "../clock.ts";
import { dateFromIso, formatDateLong } from "../dates/cycle.ts";
import { fail, transact } from "../db/transaction.ts";
import { fieldErrorsOf, type Failure, type MutationResult } from "../forms.ts";
import { plural } from "../plural.ts";
import { addUnitToCurrentCycles, restoreUnitTasks, retireUnitTasks } from "./cycles.ts";
import { closeUnitSchema, createAreaSchema, createUnitSchema, removeAreaSchema, renameAreaSchema, reopenUnitSchema, updateUnitSchema } from "./schemas.ts";

type Tx = Prisma.TransactionClient;
export type OrganisationResult = MutationResult;

const NOT_ALLOWED = "Du får inte ändra verksamhetens organisation.";
const AREA_GONE = "Området finns inte i din verksamhet.";
const UNIT_GONE = "Enheten finns inte i din verksamhet.";
const AREA_NAME_TAKEN = "Det finns redan ett område med det namnet.";
const UNIT_NAME_TAKEN = "Det finns redan en enhet med det namnet i området.";
/** Two saves at once that both took a name: the unique key refuses the second. */
const CONFLICT = "Namnet är redan upptaget (någon annan sparade samtidigt). Ladda om sidan och försök igen.";

const invalid = (error: z.ZodError): Failure => ({ ok: false, message: error.issues[0]?.message ?? "Kontrollera uppgifterna.", errors: fieldErrorsOf(error) });

/**
 * Every change of the organisation: the actor's verksamhet (organisation:manage), the input parsed, then the work in
 * one transaction; a refusal inside it (fail) undoes everything.
 */
async function change<S extends z.ZodType>(
  actor: Actor,
  schema: S,
  raw: unknown,
  db: DbClient,
  work: (tx: Tx, input: z.infer<S>, organisationId: string) => Promise<OrganisationResult>,
): Promise<OrganisationResult> {
  const organisationId = homeOrganisationFor(actor, "organisation:manage");
  if (!organisationId) return { ok: false, message: NOT_ALLOWED };
  const input = schema.safeParse(raw);
  if (!input.success) return invalid(input.error);
  return transact(db, (tx) => work(tx, input.data, organisationId), { conflict: CONFLICT });
}

const findArea = async (tx: Tx, organisationId: string, areaId: string, field = "areaId") =>
  (await tx.area.findFirst({ where: { id: areaId, organisationId } })) ?? fail(AREA_GONE, { [field]: [AREA_GONE] });
const findUnit = async (tx: Tx, organisationId: string, unitId: string) =>
  (await tx.unit.findFirst({ where: { id: unitId, area: { organisationId } }, include: { area: { select: { name: true } } } })) ?? fail(UNIT_GONE);

async function assertAreaNameFree(tx: Tx, organisationId: string, name: string, exceptId?: string) {
  const clash = await tx.area.findFirst({ where: { organisationId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  if (clash) fail(AREA_NAME_TAKEN, { name: [AREA_NAME_TAKEN] });
}
async function assertUnitNameFree(tx: Tx, areaId: string, name: string, exceptId?: string) {
  const clash = await tx.unit.findFirst({ where: { areaId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  if (clash) fail(UNIT_NAME_TAKEN, { name: [UNIT_NAME_TAKEN] });
}

const unitFacts = (u: { name: string; areaId: string; koladaOuId: string | null; active: boolean; closedOn: Date | null }) => ({
  name: u.name, areaId: u.areaId, koladaOuId: u.koladaOuId, active: u.active, closedOn: u.closedOn,
});

export function createArea(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<OrganisationResult> {
  return change(actor, createAreaSchema, raw, db, async (tx, { name }, organisationId) => {
    await assertAreaNameFree(tx, organisationId, name);
    const position = ((await tx.area.aggregate({ where: { organisationId }, _max: { position: true } }))._max.position ?? -1) + 1;
    const area = await tx.area.create({ data: { organisationId, name, position } });
    await writeAudit(tx, { actorId: actor.id, action: "area.create", entityType: "Area", entityId: area.id, after: { name } });
    return { ok: true, message: `Området ${name} är skapat.` };
  });
}

export function renameArea(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<OrganisationResult> {
  return change(actor, renameAreaSchema, raw, db, async (tx, { areaId, name }, organisationId) => {
    const area = await findArea(tx, organisationId, areaId);
    if (area.name === name) return { ok: true, message: "Inget att ändra." };
    await assertAreaNameFree(tx, organisationId, name, area.id);
    await tx.area.update({ where: { id: area.id }, data: { name } });
    await writeAudit(tx, { actorId: actor.id, action: "area.rename", entityType: "Area", entityId: area.id, before: { name: area.name }, after: { name } });
    return { ok: true, message: `Området heter nu ${name}.` };
  });
}

/** Removes an empty area. One that holds units, closed ones too (their history points at it), is refused. */
export function removeArea(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<OrganisationResult> {
  return change(actor, removeAreaSchema, raw, db, async (tx, { areaId }, organisationId) => {
    const area = await findArea(tx, organisationId, areaId);
    const units = await tx.unit.count({ where: { areaId: area.id } });
    if (units > 0) return { ok: false, message: `${area.name} har ${plural(units, "enhet", "enheter")} och kan inte tas bort. Flytta enheterna till ett annat område först.` };
    // A row of the directory's role table (/admin/inloggning) for the area keeps it: the admin removes the row first.
    if ((await tx.directoryRoleMapping.count({ where: { areaId: area.id } })) > 0) return { ok: false, message: `${area.name} används i tabellen Roller från katalogen på sidan Inloggning. Ta bort de raderna först.` };
    await tx.area.delete({ where: { id: area.id } });
    await writeAudit(tx, { actorId: actor.id, action: "area.remove", entityType: "Area", entityId: area.id, before: { name: area.name } });
    return { ok: true, message: `Området ${area.name} är borttaget.` };
  });
}

/** Creates a unit; in a cycle under way it gets that cycle's tasks from the current month on. */
export function createUnit(actor: Actor, raw: unknown, db: DbClient = getDb(), today: Date = clock.today()): Promise<OrganisationResult> {
  return change(actor, createUnitSchema, raw, db, async (tx, { areaId, name, koladaOuId }, organisationId) => {
    const area = await findArea(tx, organisationId, areaId);
    await assertUnitNameFree(tx, area.id, name);
    const unit = await tx.unit.create({ data: { areaId: area.id, name, koladaOuId } });
    const tasks = await addUnitToCurrentCycles(tx, organisationId, unit.id, today);
    await writeAudit(tx, { actorId: actor.id, action: "unit.create", entityType: "Unit", entityId: unit.id, unitId: unit.id, after: { ...unitFacts(unit), createdTasks: tasks } });
    return { ok: true, message: `Enheten ${name} är skapad i ${area.name}${tasks > 0 ? ` med ${plural(tasks, "uppgift", "uppgifter")} från den här månaden` : ""}.` };
  });
}

/** Renames a unit, moves it to another area of the verksamhet and sets its Kolada OU id. */
export function updateUnit(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<OrganisationResult> {
  return change(actor, updateUnitSchema, raw, db, async (tx, { unitId, areaId, name, koladaOuId }, organisationId) => {
    const unit = await findUnit(tx, organisationId, unitId);
    const area = await findArea(tx, organisationId, areaId);
    if (unit.name === name && unit.areaId === area.id && unit.koladaOuId === koladaOuId) return { ok: true, message: "Inget att ändra." };
    await assertUnitNameFree(tx, area.id, name, unit.id);
    if (koladaOuId) {
      const other = await tx.unit.findFirst({ where: { koladaOuId, area: { organisationId }, id: { not: unit.id } }, select: { name: true } });
      if (other) fail(`Id:t ${koladaOuId} i Kolada hör redan till ${other.name}.`, { koladaOuId: [`Id:t hör redan till ${other.name}.`] });
    }
    const after = await tx.unit.update({ where: { id: unit.id }, data: { name, areaId: area.id, koladaOuId } });
    await writeAudit(tx, { actorId: actor.id, action: "unit.update", entityType: "Unit", entityId: unit.id, unitId: unit.id, before: unitFacts(unit), after: unitFacts(after) });
    return { ok: true, message: `Enheten ${name} är sparad.` };
  });
}

/**
 * Closes a unit from a day (today or earlier): it leaves every list of active units, and its open tasks in the
 * current cycles become ej aktuell. Its history, results and letters stay.
 */
export function closeUnit(actor: Actor, raw: unknown, db: DbClient = getDb(), today: Date = clock.today()): Promise<OrganisationResult> {
  return change(actor, closeUnitSchema, raw, db, async (tx, input, organisationId) => {
    const closedOn = dateFromIso(input.closedOn);
    if (closedOn > today) fail("Stängningsdagen kan inte ligga i framtiden. Stäng enheten den dag den upphör.", { closedOn: ["Välj i dag eller en tidigare dag."] });
    const unit = await findUnit(tx, organisationId, input.unitId);
    if (!unit.active) return { ok: false, message: `${unit.name} är redan stängd.` };
    const after = await tx.unit.update({ where: { id: unit.id }, data: { active: false, closedOn } });
    const retired = await retireUnitTasks(tx, organisationId, unit.id, closedOn, actor.id, today, clock.now());
    await writeAudit(tx, { actorId: actor.id, action: "unit.close", entityType: "Unit", entityId: unit.id, unitId: unit.id, before: unitFacts(unit), after: { ...unitFacts(after), tasksNotApplicable: retired } });
    return { ok: true, message: `${unit.name} är stängd från ${formatDateLong(closedOn)}; ${plural(retired, "öppen uppgift", "öppna uppgifter")} blev ej aktuella.` };
  });
}

/** Reopens a closed unit: the tasks its closing made ej aktuell are to do again, and missing ones from this month on are added. */
export function reopenUnit(actor: Actor, raw: unknown, db: DbClient = getDb(), today: Date = clock.today()): Promise<OrganisationResult> {
  return change(actor, reopenUnitSchema, raw, db, async (tx, { unitId }, organisationId) => {
    const unit = await findUnit(tx, organisationId, unitId);
    if (unit.active) return { ok: false, message: `${unit.name} är redan öppen.` };
    const restored = unit.closedOn ? await restoreUnitTasks(tx, organisationId, unit.id, unit.closedOn, actor.id, today, clock.now()) : 0;
    const after = await tx.unit.update({ where: { id: unit.id }, data: { active: true, closedOn: null } });
    const created = await addUnitToCurrentCycles(tx, organisationId, unit.id, today);
    await writeAudit(tx, { actorId: actor.id, action: "unit.reopen", entityType: "Unit", entityId: unit.id, unitId: unit.id, before: unitFacts(unit), after: { ...unitFacts(after), tasksRestored: restored, createdTasks: created } });
    return { ok: true, message: `${unit.name} är öppen igen.` };
  });
}
