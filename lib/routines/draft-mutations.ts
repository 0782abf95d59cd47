import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import { canAny, type Actor } from "../auth/permissions.ts";
import { writeAudit, type AuditAction } from "../audit/index.ts";
import { organisationFilter } from "../auth/scope.ts";
import { fieldErrorsOf, INVALID_FORM, type MutationResult } from "../forms.ts";
import { slugify } from "../slug.ts";
import { activityColumns } from "./import.ts";
import { parseActivityForm, phaseNameSchema } from "./schemas.ts";
import { fail, transact } from "../db/transaction.ts";
import { DRAFT_GONE, NOT_ALLOWED } from "./messages.ts";

type Direction = "up" | "down";

/** The draft with its phases and activities, scoped to the actor's verksamhet; rolls back when it is gone. */
async function requireDraft(tx: DbClient, actor: Actor, versionId: string) {
  const draft = await tx.routineVersion.findFirst({
    where: { id: versionId, status: "DRAFT", routine: { organisationId: organisationFilter(actor, "routine:manage") } },
    include: { routine: { select: { key: true } }, phases: { orderBy: { position: "asc" } }, activities: { orderBy: { position: "asc" } } },
  });
  return draft ?? fail(DRAFT_GONE);
}

function uniqueKey(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const audit = (tx: DbClient, actor: Actor, action: AuditAction, entityType: string, entityId: string, before?: unknown, after?: unknown) =>
  writeAudit(tx, { actorId: actor.id, action, entityType, entityId, before, after });

/** Adds an activity to a draft (activityId empty) or changes one; the key of an existing activity never changes. */
export async function saveActivity(
  actor: Actor,
  input: { versionId: string; activityId?: string; values: Record<string, unknown> },
  db: DbClient = getDb(),
): Promise<MutationResult<{ activityId: string; routineKey: string; version: number }>> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NOT_ALLOWED };
  const parsed = parseActivityForm(input.values);
  if (!parsed.success) return { ok: false, message: INVALID_FORM, errors: parsed.errors };
  const { phase: phaseKey, ...data } = parsed.data;
  return transact(db, async (tx) => {
    const draft = await requireDraft(tx, actor, input.versionId);
    const phase = draft.phases.find((p) => p.key === phaseKey) ?? fail(INVALID_FORM, { phase: ["Fasen finns inte i utkastet."] });
    const fields = { phaseId: phase.id, ...activityColumns(data) };
    if (input.activityId) {
      const existing = draft.activities.find((a) => a.id === input.activityId) ?? fail("Aktiviteten finns inte längre i utkastet. Ladda om sidan.");
      await tx.activityTemplate.update({ where: { id: existing.id }, data: fields });
      await audit(tx, actor, "activity.update", "ActivityTemplate", existing.id, existing, { ...existing, ...fields });
      return { ok: true as const, message: `Aktiviteten ${data.title} är sparad.`, activityId: existing.id, routineKey: draft.routine.key, version: draft.version };
    }
    const taken = new Set(draft.activities.map((a) => a.key));
    if (!parsed.generatedKey && taken.has(data.key)) fail(INVALID_FORM, { key: ["Nyckeln används redan av en annan aktivitet i utkastet."] });
    const key = parsed.generatedKey ? uniqueKey(data.key, taken) : data.key;
    const position = draft.activities.reduce((max, a) => Math.max(max, a.position), -1) + 1;
    const created = await tx.activityTemplate.create({ data: { ...fields, routineVersionId: draft.id, key, position } });
    await audit(tx, actor, "activity.create", "ActivityTemplate", created.id, undefined, created);
    return { ok: true as const, message: `Aktiviteten ${data.title} är tillagd.`, activityId: created.id, routineKey: draft.routine.key, version: draft.version };
  });
}

/** Removes an activity from a draft. */
export async function removeActivity(actor: Actor, input: { versionId: string; activityId: string }, db: DbClient = getDb()): Promise<MutationResult> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NOT_ALLOWED };
  return transact(db, async (tx) => {
    const draft = await requireDraft(tx, actor, input.versionId);
    const activity = draft.activities.find((a) => a.id === input.activityId) ?? fail("Aktiviteten finns inte längre i utkastet.");
    await tx.activityTemplate.delete({ where: { id: activity.id } });
    await audit(tx, actor, "activity.delete", "ActivityTemplate", activity.id, activity);
    return { ok: true as const, message: `Aktiviteten ${activity.title} är borttagen ur utkastet.` };
  });
}

/** Moves an activity one step up or down among the activities of its phase. */
export async function moveActivity(actor: Actor, input: { versionId: string; activityId: string; direction: Direction }, db: DbClient = getDb()): Promise<MutationResult> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NOT_ALLOWED };
  return transact(db, async (tx) => {
    const draft = await requireDraft(tx, actor, input.versionId);
    const activity = draft.activities.find((a) => a.id === input.activityId) ?? fail("Aktiviteten finns inte längre i utkastet.");
    const siblings = draft.activities.filter((a) => a.phaseId === activity.phaseId);
    const index = siblings.indexOf(activity);
    const other = siblings[input.direction === "up" ? index - 1 : index + 1];
    if (!other) return fail(input.direction === "up" ? "Aktiviteten står redan först i fasen." : "Aktiviteten står redan sist i fasen.");
    await tx.activityTemplate.update({ where: { id: activity.id }, data: { position: other.position } });
    await tx.activityTemplate.update({ where: { id: other.id }, data: { position: activity.position } });
    await audit(tx, actor, "activity.move", "ActivityTemplate", activity.id, { position: activity.position }, { position: other.position });
    return { ok: true as const, message: `${activity.title} är flyttad ${input.direction === "up" ? "uppåt" : "nedåt"}.` };
  });
}

/** Adds a phase at the end of a draft; its key is derived from the name. */
export async function addPhase(actor: Actor, input: { versionId: string; name: unknown }, db: DbClient = getDb()): Promise<MutationResult> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NOT_ALLOWED };
  const parsed = phaseNameSchema.safeParse({ name: input.name });
  if (!parsed.success) return { ok: false, message: INVALID_FORM, errors: fieldErrorsOf(parsed.error) };
  return transact(db, async (tx) => {
    const draft = await requireDraft(tx, actor, input.versionId);
    const key = uniqueKey(slugify(parsed.data.name), new Set(draft.phases.map((p) => p.key)));
    const phase = await tx.phase.create({ data: { routineVersionId: draft.id, key, name: parsed.data.name, position: draft.phases.length } });
    await audit(tx, actor, "phase.create", "Phase", phase.id, undefined, phase);
    return { ok: true as const, message: `Fasen ${phase.name} är tillagd.` };
  });
}

/** Renames a phase of a draft (its key stays). */
export async function renamePhase(actor: Actor, input: { versionId: string; phaseId: string; name: unknown }, db: DbClient = getDb()): Promise<MutationResult> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NOT_ALLOWED };
  const parsed = phaseNameSchema.safeParse({ name: input.name });
  if (!parsed.success) return { ok: false, message: INVALID_FORM, errors: fieldErrorsOf(parsed.error) };
  return transact(db, async (tx) => {
    const draft = await requireDraft(tx, actor, input.versionId);
    const phase = draft.phases.find((p) => p.id === input.phaseId) ?? fail("Fasen finns inte längre i utkastet.");
    await tx.phase.update({ where: { id: phase.id }, data: { name: parsed.data.name } });
    await audit(tx, actor, "phase.rename", "Phase", phase.id, { name: phase.name }, { name: parsed.data.name });
    return { ok: true as const, message: `Fasen heter nu ${parsed.data.name}.` };
  });
}

/** Removes an empty phase of a draft and closes the gap in the numbering. */
export async function removePhase(actor: Actor, input: { versionId: string; phaseId: string }, db: DbClient = getDb()): Promise<MutationResult> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NOT_ALLOWED };
  return transact(db, async (tx) => {
    const draft = await requireDraft(tx, actor, input.versionId);
    const phase = draft.phases.find((p) => p.id === input.phaseId) ?? fail("Fasen finns inte längre i utkastet.");
    if (draft.activities.some((a) => a.phaseId === phase.id)) return fail(`Fasen ${phase.name} har aktiviteter. Flytta dem till en annan fas eller ta bort dem först.`);
    await tx.phase.delete({ where: { id: phase.id } });
    for (const later of draft.phases.filter((p) => p.position > phase.position)) {
      await tx.phase.update({ where: { id: later.id }, data: { position: later.position - 1 } });
    }
    await audit(tx, actor, "phase.delete", "Phase", phase.id, phase);
    return { ok: true as const, message: `Fasen ${phase.name} är borttagen.` };
  });
}

/** Moves a phase one step earlier or later. */
export async function movePhase(actor: Actor, input: { versionId: string; phaseId: string; direction: Direction }, db: DbClient = getDb()): Promise<MutationResult> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NOT_ALLOWED };
  return transact(db, async (tx) => {
    const draft = await requireDraft(tx, actor, input.versionId);
    const index = draft.phases.findIndex((p) => p.id === input.phaseId);
    const phase = draft.phases[index] ?? fail("Fasen finns inte längre i utkastet.");
    const other = draft.phases[input.direction === "up" ? index - 1 : index + 1];
    if (!other) return fail(input.direction === "up" ? "Fasen är redan först." : "Fasen är redan sist.");
    // (version, position) is unique, so park one phase outside the range while swapping.
    await tx.phase.update({ where: { id: phase.id }, data: { position: -1 } });
    await tx.phase.update({ where: { id: other.id }, data: { position: phase.position } });
    await tx.phase.update({ where: { id: phase.id }, data: { position: other.position } });
    await audit(tx, actor, "phase.move", "Phase", phase.id, { position: phase.position }, { position: other.position });
    return { ok: true as const, message: `Fasen ${phase.name} är flyttad ${input.direction === "up" ? "uppåt" : "nedåt"}.` };
  });
}
