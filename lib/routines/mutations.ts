import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import { canAny, type Actor } from "../auth/permissions.ts";
import { writeAudit } from "../audit/index.ts";
import { homeOrganisationFor, organisationFilter } from "../auth/scope.ts";
import { activityColumns, parseRoutineJson, writeRoutineVersion } from "./import.ts";
import { fieldErrorsOf, INVALID_FORM, type MutationResult } from "../forms.ts";
import { slugify } from "../slug.ts";
import { draftMetadataSchema, newRoutineSchema, ROUTINE_UPLOAD, routineColourSchema, routineStartMonthSchema } from "./schemas.ts";
import { MONTH_NAMES } from "../dates/cycle.ts";
import { sizeProblem, textProblem, utf8Bytes } from "../uploads.ts";
import { fail, isUniqueViolation, transact } from "../db/transaction.ts";
import { DRAFT_GONE, NOT_ALLOWED } from "./messages.ts";
import { currentDraft, editSource, nextVersionNumber } from "./versions.ts";
import { ROUTINE_ACTIVITY } from "../tasks/local.ts";

type VersionRef = MutationResult<{ key: string; version: number }>;

/** Creates a routine (title, key, colour) with an empty draft version 1 to fill in. */
export async function createRoutine(actor: Actor, input: unknown, db: DbClient = getDb()): Promise<VersionRef> {
  const organisationId = homeOrganisationFor(actor, "routine:manage");
  if (!organisationId) return { ok: false, message: NOT_ALLOWED };
  const raw = (input ?? {}) as { title?: unknown; key?: unknown; colour?: unknown; startMonth?: unknown };
  // An empty key is derived from the title, as the form promises.
  const derivedKey = typeof raw.key === "string" && raw.key.trim() !== "" ? raw.key : typeof raw.title === "string" && raw.title.trim() !== "" ? slugify(raw.title) : "";
  const parsed = newRoutineSchema.safeParse({ ...raw, key: derivedKey });
  if (!parsed.success) return { ok: false, message: INVALID_FORM, errors: fieldErrorsOf(parsed.error) };
  const { title, key, colour, startMonth } = parsed.data;
  const taken = { ok: false as const, message: INVALID_FORM, errors: { key: [`Det finns redan en rutin med nyckeln ${key}.`] } };
  try {
    return await transact(db, async (tx) => {
      if (await tx.routine.findUnique({ where: { organisationId_key: { organisationId, key } } })) return taken;
      const routine = await tx.routine.create({ data: { organisationId, key, title, colour, startMonth } });
      const version = await tx.routineVersion.create({ data: { routineId: routine.id, version: 1, status: "DRAFT", title } });
      await writeAudit(tx, { actorId: actor.id, action: "routine.create", entityType: "Routine", entityId: routine.id, after: { key, title, colour, startMonth, draftVersionId: version.id } });
      return { ok: true as const, message: `Rutinen ${title} är skapad. Lägg till faser och aktiviteter i utkastet.`, key, version: 1 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}

/** Copies a version's phases and activities into a new draft; keys stay, so the versions can be compared and tasks follow. */
async function copyToDraft(tx: DbClient, sourceId: string, version: number) {
  const source = await tx.routineVersion.findUniqueOrThrow({ where: { id: sourceId }, include: { phases: true, activities: { where: ROUTINE_ACTIVITY } } });
  const draft = await tx.routineVersion.create({
    data: {
      routineId: source.routineId,
      version,
      status: "DRAFT",
      title: source.title,
      decidedBy: source.decidedBy,
      decidedOn: source.decidedOn,
      documentOwner: source.documentOwner,
      validUntil: source.validUntil,
      replacesText: source.replacesText,
      purpose: source.purpose,
      replacesVersionId: source.id,
    },
  });
  const phaseIds = new Map<string, string>();
  for (const phase of [...source.phases].sort((a, b) => a.position - b.position)) {
    const row = await tx.phase.create({ data: { routineVersionId: draft.id, key: phase.key, name: phase.name, position: phase.position } });
    phaseIds.set(phase.id, row.id);
  }
  await tx.activityTemplate.createMany({
    data: source.activities.map((a) => ({
      routineVersionId: draft.id,
      phaseId: phaseIds.get(a.phaseId)!,
      key: a.key,
      position: a.position,
      ...activityColumns(a),
      reminderOffsets: a.reminderOffsets,
    })),
  });
  return draft;
}

/** "Redigera": opens the routine's draft, creating it as a copy of the active version (next number) if there is none. */
export async function createDraft(actor: Actor, input: { routineId: string }, db: DbClient = getDb()): Promise<VersionRef & { created?: boolean }> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NOT_ALLOWED };
  try {
    return await transact(db, async (tx) => {
      const routine = await tx.routine.findFirst({
        where: { id: input.routineId, organisationId: organisationFilter(actor, "routine:manage") },
        include: { versions: { select: { id: true, version: true, status: true } } },
      });
      if (!routine) return fail("Rutinen finns inte eller tillhör inte din verksamhet.");
      const draft = currentDraft(routine.versions);
      if (draft) return { ok: true as const, message: `Rutinen har redan ett utkast (version ${draft.version}); du fortsätter på det.`, key: routine.key, version: draft.version, created: false };
      const source = editSource(routine.versions);
      if (!source) return fail("Rutinen har ingen publicerad version att utgå från.");
      const version = nextVersionNumber(routine.versions);
      const created = await copyToDraft(tx, source.id, version);
      await writeAudit(tx, { actorId: actor.id, action: "routine-version.create-draft", entityType: "RoutineVersion", entityId: created.id, after: { routineKey: routine.key, version, copiedFrom: source.version } });
      return { ok: true as const, message: `Utkast version ${version} är skapat som kopia av version ${source.version}.`, key: routine.key, version, created: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, message: "Någon annan skapade just ett utkast av rutinen. Ladda om sidan." };
    throw error;
  }
}

/** Deletes a draft (never a published version); a routine that was never published goes with it. */
export async function deleteDraft(actor: Actor, input: { versionId: string }, db: DbClient = getDb()): Promise<MutationResult<{ routineDeleted: boolean; routineKey: string }>> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NOT_ALLOWED };
  return transact(db, async (tx) => {
    const draft = await tx.routineVersion.findFirst({
      where: { id: input.versionId, status: "DRAFT", routine: { organisationId: organisationFilter(actor, "routine:manage") } },
      include: { routine: { include: { _count: { select: { versions: true } } } }, _count: { select: { activities: true } } },
    });
    if (!draft) return fail(DRAFT_GONE);
    await tx.activityTemplate.deleteMany({ where: { routineVersionId: draft.id } });
    await tx.phase.deleteMany({ where: { routineVersionId: draft.id } });
    await tx.routineVersion.delete({ where: { id: draft.id } });
    const routineDeleted = draft.routine._count.versions === 1;
    if (routineDeleted) await tx.routine.delete({ where: { id: draft.routineId } });
    await writeAudit(tx, { actorId: actor.id, action: "routine-version.delete-draft", entityType: "RoutineVersion", entityId: draft.id, before: { routineKey: draft.routine.key, version: draft.version, activities: draft._count.activities, routineDeleted } });
    return { ok: true as const, message: routineDeleted ? `Utkastet och rutinen ${draft.routine.title} är borttagna.` : `Utkast version ${draft.version} är borttaget.`, routineDeleted, routineKey: draft.routine.key };
  });
}

/** Changes a draft's title and purpose. */
export async function updateDraftMetadata(actor: Actor, input: unknown, db: DbClient = getDb()): Promise<MutationResult> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NOT_ALLOWED };
  const parsed = draftMetadataSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: INVALID_FORM, errors: fieldErrorsOf(parsed.error) };
  const { versionId, title, purpose } = parsed.data;
  return transact(db, async (tx) => {
    const draft = await tx.routineVersion.findFirst({ where: { id: versionId, status: "DRAFT", routine: { organisationId: organisationFilter(actor, "routine:manage") } } });
    if (!draft) return fail(DRAFT_GONE);
    await tx.routineVersion.update({ where: { id: draft.id }, data: { title, purpose: purpose || null } });
    await writeAudit(tx, { actorId: actor.id, action: "routine-version.update", entityType: "RoutineVersion", entityId: draft.id, before: { title: draft.title, purpose: draft.purpose }, after: { title, purpose: purpose || null } });
    return { ok: true as const, message: "Uppgifterna om versionen är sparade." };
  });
}

export const START_MONTH_LOCKED =
  "Startmånaden kan inte ändras när rutinen redan har uppgifter i en cykel: uppgifterna skulle då flytta mellan cyklerna och deras historik följa med till ett annat år. Skapa en ny rutin med rätt startmånad i stället, eller be driften flytta uppgifterna med en datamigrering.";

/**
 * Changes a routine's start month from its draft, while the routine has no tasks in any cycle (docs/decisions/021):
 * the month moves nothing then, and it applies from the first cycle the routine is planned into.
 */
export async function updateRoutineStartMonth(actor: Actor, input: unknown, db: DbClient = getDb()): Promise<MutationResult> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NOT_ALLOWED };
  const parsed = routineStartMonthSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: INVALID_FORM, errors: fieldErrorsOf(parsed.error) };
  const { versionId, startMonth } = parsed.data;
  return transact(db, async (tx) => {
    const draft = await tx.routineVersion.findFirst({ where: { id: versionId, status: "DRAFT", routine: { organisationId: organisationFilter(actor, "routine:manage") } }, include: { routine: true } });
    if (!draft) return fail(DRAFT_GONE);
    if (await routineHasTasks(draft.routineId, tx)) return { ok: false as const, message: START_MONTH_LOCKED, errors: { startMonth: [START_MONTH_LOCKED] } };
    const before = draft.routine.startMonth;
    await tx.routine.update({ where: { id: draft.routineId }, data: { startMonth } });
    await writeAudit(tx, { actorId: actor.id, action: "routine.update-start-month", entityType: "Routine", entityId: draft.routineId, before: { startMonth: before }, after: { startMonth } });
    return { ok: true as const, message: `Rutinens år börjar nu i ${MONTH_NAMES[startMonth - 1]}.` };
  });
}

/** Whether any cycle holds a task of the routine (any version's activity, a unit's own activities included). */
export async function routineHasTasks(routineId: string, db: DbClient = getDb()): Promise<boolean> {
  return (await db.task.count({ where: { activity: { routineVersion: { routineId } } } })) > 0;
}

/** Sets the colour of a routine's layer in the wheel. */
export async function updateRoutineColour(actor: Actor, input: unknown, db: DbClient = getDb()): Promise<MutationResult> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NOT_ALLOWED };
  const parsed = routineColourSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: INVALID_FORM, errors: fieldErrorsOf(parsed.error) };
  return transact(db, async (tx) => {
    const routine = await tx.routine.findFirst({ where: { id: parsed.data.routineId, organisationId: organisationFilter(actor, "routine:manage") } });
    if (!routine) return fail("Rutinen finns inte eller tillhör inte din verksamhet.");
    await tx.routine.update({ where: { id: routine.id }, data: { colour: parsed.data.colour } });
    await writeAudit(tx, { actorId: actor.id, action: "routine.update-colour", entityType: "Routine", entityId: routine.id, before: { colour: routine.colour }, after: { colour: parsed.data.colour } });
    return { ok: true as const, message: "Färgen är sparad." };
  });
}

/** Imports a routine file as a draft: of the routine with the same key, or of a new routine. Validates everything first. */
export async function importRoutine(actor: Actor, input: { text: string }, db: DbClient = getDb()): Promise<VersionRef> {
  const organisationId = homeOrganisationFor(actor, "routine:manage");
  if (!organisationId) return { ok: false, message: NOT_ALLOWED };
  // Limits, control characters and personnummer first, by line, before anything is parsed (lib/uploads.ts).
  const refused = sizeProblem(ROUTINE_UPLOAD.limits, utf8Bytes(input.text)) ?? textProblem(input.text, ROUTINE_UPLOAD);
  if (refused) return { ok: false, message: refused };
  const parsed = parseRoutineJson(input.text);
  if (!parsed.ok) return { ok: false, message: parsed.message, details: parsed.problems };
  const doc = parsed.document;
  try {
    return await transact(db, async (tx) => {
      const existing = await tx.routine.findUnique({ where: { organisationId_key: { organisationId, key: doc.key } }, include: { versions: { select: { id: true, version: true, status: true } } } });
      const draft = existing && currentDraft(existing.versions);
      if (draft) return fail(`Rutinen ${existing.title} har redan ett utkast (version ${draft.version}). Publicera eller ta bort det innan du importerar.`);
      const { version } = await writeRoutineVersion(tx, organisationId, doc, { status: "DRAFT" });
      await writeAudit(tx, { actorId: actor.id, action: "routine-version.import", entityType: "RoutineVersion", entityId: version.id, after: { routineKey: doc.key, version: version.version, newRoutine: !existing, activities: doc.activities.length } });
      const message = existing
        ? `Filen är inläst som utkast version ${version.version} av ${existing.title}. Granska och publicera när den är beslutad.`
        : `Filen är inläst som en ny rutin, ${doc.title}, med utkast version 1.`;
      return { ok: true as const, message, key: doc.key, version: version.version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, message: "Någon annan ändrade just rutinen. Försök igen." };
    throw error;
  }
}
