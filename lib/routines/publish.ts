import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import { canAny, type Actor } from "../auth/permissions.ts";
import { writeAudit } from "../audit/index.ts";
import { applyFollowVersion, loadFollowInput, planFollowVersion, type FollowPlan, type FollowSummary } from "../cycles/follow-version.ts";
import { dateFromIso } from "../dates/cycle.ts";
import { openCycleWhere } from "../cycle-calendar.ts";
import { organisationFilter } from "../auth/scope.ts";
import { toRoutineDocument } from "./export.ts";
import { fieldErrorsOf, INVALID_FORM, type MutationResult } from "../forms.ts";
import { publishSchema, routineDocumentSchema } from "./schemas.ts";
import { fail, transact } from "../db/transaction.ts";
import { DRAFT_GONE, NOT_ALLOWED } from "./messages.ts";
import * as clock from "../clock.ts";

const FOLLOW_REQUIRED = "Välj om återstående uppgifter ska följa den nya versionen.";

/**
 * Cycles that a newly published version may affect: the open ones (today within their span) and later ones. Earlier
 * years are history. Every open year is this calendar year or the next, so "later" is every year after this one.
 */
async function openCyclesWhere(db: DbClient, organisationId: string, today: Date) {
  return { organisationId, OR: [await openCycleWhere(db, today), { year: { gt: today.getUTCFullYear() } }] };
}

/** What publishing a draft would do to the open cycles if their remaining tasks follow it (for the confirmation step). */
export async function previewFollow(actor: Actor, versionId: string, db: DbClient = getDb(), today: Date = clock.today()) {
  const draft = await db.routineVersion.findFirst({
    where: { id: versionId, status: "DRAFT", routine: { organisationId: organisationFilter(actor, "routine:manage") } },
    include: { routine: { select: { organisationId: true } } },
  });
  if (!draft) return [];
  const cycles = await db.cycle.findMany({ where: await openCyclesWhere(db, draft.routine.organisationId, today), orderBy: { year: "asc" } });
  const previews: { year: number; plan: FollowPlan }[] = [];
  for (const cycle of cycles) {
    const input = await loadFollowInput(db, cycle, draft.id);
    previews.push({ year: cycle.year, plan: planFollowVersion(cycle.year, input.tasks, input.activities, input.unitIds) });
  }
  return previews;
}

/**
 * "Publicera": records the decision (beslutad av, beslutsdatum, dokumentansvarig, giltighet), makes the draft the
 * active version, archives the one it replaces and, when asked, lets this year's and later cycles follow it.
 */
export async function publishDraft(
  actor: Actor,
  input: unknown,
  db: DbClient = getDb(),
  today: Date = clock.today(),
): Promise<MutationResult<{ followed: FollowSummary[]; routineKey: string; version: number }>> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NOT_ALLOWED };
  const parsed = publishSchema.safeParse(input);
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    // Ask about the running cycles at once, not only after the other fields are right.
    const raw = (input ?? {}) as { versionId?: unknown; followTasks?: unknown };
    if (!raw.followTasks && typeof raw.versionId === "string" && (await previewFollow(actor, raw.versionId, db, today)).length > 0) {
      errors.followTasks ??= [FOLLOW_REQUIRED];
    }
    return { ok: false, message: INVALID_FORM, errors };
  }
  const p = parsed.data;
  return transact(db, async (tx) => {
    const draft = await tx.routineVersion.findFirst({
      where: { id: p.versionId, status: "DRAFT", routine: { organisationId: organisationFilter(actor, "routine:manage") } },
      include: { routine: true, phases: true, activities: true },
    });
    if (!draft) return fail(DRAFT_GONE);
    const check = routineDocumentSchema.safeParse(toRoutineDocument(draft));
    if (!check.success) return fail(`Utkastet kan inte publiceras: ${check.error.issues[0]!.message}`);
    if (draft.activities.length === 0) return fail("Utkastet har inga aktiviteter. Lägg till minst en innan du publicerar.");
    const cycles = await tx.cycle.findMany({ where: await openCyclesWhere(tx, draft.routine.organisationId, today), orderBy: { year: "asc" } });
    if (cycles.length > 0 && !p.followTasks) {
      return fail(INVALID_FORM, { followTasks: [FOLLOW_REQUIRED] });
    }
    const previous = await tx.routineVersion.findFirst({ where: { routineId: draft.routineId, status: "ACTIVE" } });
    const decision = {
      decidedBy: p.decidedBy,
      decidedOn: dateFromIso(p.decidedOn),
      documentOwner: p.documentOwner,
      validUntil: p.validity === "till-datum" && p.validUntil ? dateFromIso(p.validUntil) : null,
      replacesText: p.replacesText ?? (previous ? `Version ${previous.version}` : "Nytt"),
    };
    const published = await tx.routineVersion.updateMany({
      where: { id: draft.id, status: "DRAFT" },
      data: { ...decision, status: "ACTIVE", replacesVersionId: previous?.id ?? null, publishedAt: clock.now() },
    });
    if (published.count === 0) return fail(DRAFT_GONE);
    await tx.routineVersion.updateMany({ where: { routineId: draft.routineId, status: "ACTIVE", id: { not: draft.id } }, data: { status: "ARCHIVED" } });
    await tx.routine.update({ where: { id: draft.routineId }, data: { title: draft.title } });

    const followed: FollowSummary[] = [];
    if (p.followTasks === "ja") {
      for (const cycle of cycles) followed.push(await applyFollowVersion(tx, cycle, draft.id, actor.id));
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "routine-version.publish",
      entityType: "RoutineVersion",
      entityId: draft.id,
      before: previous ? { activeVersionId: previous.id, activeVersion: previous.version } : undefined,
      after: { routineKey: draft.routine.key, version: draft.version, ...decision, followTasks: p.followTasks ?? null, followed: followed.map(({ kept, ...rest }) => ({ ...rest, kept: kept.map(({ title, unitName, reason }) => ({ title, unitName, reason })) })) },
    });
    const archived = previous ? ` Version ${previous.version} är arkiverad.` : "";
    return { ok: true as const, message: `Version ${draft.version} av ${draft.title} är publicerad och gäller nu.${archived}`, followed, routineKey: draft.routine.key, version: draft.version };
  });
}
