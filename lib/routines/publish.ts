import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import { canAny, type Actor } from "../auth/permissions.ts";
import { writeAudit } from "../audit/index.ts";
import { applyFollowVersion, loadFollowInput, planFollowVersion, type FollowPlan, type FollowSummary } from "../cycles/follow-version.ts";
import { dateFromIso, formatDateLong } from "../dates/cycle.ts";
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

/** A task that following would create or re-date, named for the preview. */
export type FollowedTaskLine = { title: string; unitName: string | null; dueOn: Date | null };
export type FollowPreview = {
  year: number;
  plan: FollowPlan;
  /** Tasks that following would create with a deadline already passed: each one is listed before publishing. */
  lateCreated: (FollowedTaskLine & { identity: string })[];
  /** Remaining tasks whose deadline would move, with the old and the new date; `late` when the new one has passed. */
  moved: (FollowedTaskLine & { fromDueOn: Date | null; late: boolean })[];
};

/** What following the draft would do to one cycle, with the tasks it makes late named (pure but for the read). */
async function previewCycle(db: DbClient, cycle: { id: string; year: number; organisationId: string }, draftId: string, today: Date): Promise<FollowPreview> {
  const input = await loadFollowInput(db, cycle, draftId);
  const plan = planFollowVersion(cycle.year, input.tasks, input.activities, input.unitIds);
  const activity = new Map(input.activities.map((a) => [a.id, a]));
  const lateCreated = plan.created
    .filter((t) => t.dueOn !== null && t.dueOn < today)
    .map((t) => ({ identity: lateIdentity(cycle.year, activity.get(t.activityId)!.key, t.assigneeKey), title: activity.get(t.activityId)!.title, unitName: t.unitId ? input.unitNames.get(t.unitId) ?? null : null, dueOn: t.dueOn }));
  const task = new Map(input.tasks.map((t) => [t.id, t]));
  const moved = plan.repoint
    .filter((m) => (m.fromDueOn?.getTime() ?? null) !== (m.dueOn?.getTime() ?? null))
    .map((m) => ({ title: activity.get(m.toActivityId)!.title, unitName: task.get(m.taskId)!.unitName, fromDueOn: m.fromDueOn, dueOn: m.dueOn, late: m.dueOn !== null && m.dueOn < today }))
    .sort((a, b) => (a.dueOn?.getTime() ?? 0) - (b.dueOn?.getTime() ?? 0) || a.title.localeCompare(b.title, "sv") || (a.unitName ?? "").localeCompare(b.unitName ?? "", "sv"));
  return { year: cycle.year, plan, lateCreated, moved };
}

/** How the preview and the publication name a late-created task: cycle, activity key and assignee. */
function lateIdentity(year: number, activityKey: string, assigneeKey: string) {
  return `${year}:${activityKey}/${assigneeKey}`;
}

/** What publishing a draft would do to each open cycle if its remaining tasks follow it (for the confirmation step). */
export async function previewFollow(actor: Actor, versionId: string, db: DbClient = getDb(), today: Date = clock.today()): Promise<FollowPreview[]> {
  const draft = await db.routineVersion.findFirst({
    where: { id: versionId, status: "DRAFT", routine: { organisationId: organisationFilter(actor, "routine:manage") } },
    include: { routine: { select: { organisationId: true } } },
  });
  if (!draft) return [];
  const cycles = await db.cycle.findMany({ where: await openCyclesWhere(db, draft.routine.organisationId, today), orderBy: { year: "asc" } });
  const previews: FollowPreview[] = [];
  for (const cycle of cycles) previews.push(await previewCycle(db, cycle, draft.id, today));
  return previews;
}

const LATE_UNSEEN = (lines: string[]) =>
  `Publiceringen skulle skapa uppgifter som redan är försenade och som förhandsvisningen inte visade: ${lines.join(", ")}. Ladda om sidan, se över listan och välj igen.`;

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
    const raw = (input ?? {}) as { versionId?: unknown; followTasks?: unknown; followByYear?: unknown };
    if (!raw.followTasks && !raw.followByYear && typeof raw.versionId === "string" && (await previewFollow(actor, raw.versionId, db, today)).length > 0) {
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
    // Each open cycle is answered on its own (follow-YYYY); followTasks answers for every cycle not answered so.
    const follows = new Map(cycles.map((c) => [c.year, p.followByYear?.[String(c.year)] ?? p.followTasks]));
    const unanswered = cycles.filter((c) => !follows.get(c.year));
    if (unanswered.length > 0) {
      return fail(INVALID_FORM, { followTasks: [FOLLOW_REQUIRED], ...Object.fromEntries(unanswered.map((c) => [`follow-${c.year}`, [`Välj om cykel ${c.year} ska följa den nya versionen.`]])) });
    }
    // A task is never created already late unless the preview the user answered listed it.
    const seen = new Set((p.seenLate ?? "").split(",").filter(Boolean));
    const unseen: string[] = [];
    for (const cycle of cycles.filter((c) => follows.get(c.year) === "ja")) {
      for (const late of (await previewCycle(tx, cycle, draft.id, today)).lateCreated) {
        if (!seen.has(late.identity)) unseen.push(`${late.title}${late.unitName ? ` – ${late.unitName}` : ""} (cykel ${cycle.year}, senast ${formatDateLong(late.dueOn!)})`);
      }
    }
    if (unseen.length > 0) return fail(LATE_UNSEEN(unseen.slice(0, 5)));
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
    for (const cycle of cycles) if (follows.get(cycle.year) === "ja") followed.push(await applyFollowVersion(tx, cycle, draft.id, actor.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "routine-version.publish",
      entityType: "RoutineVersion",
      entityId: draft.id,
      before: previous ? { activeVersionId: previous.id, activeVersion: previous.version } : undefined,
      after: { routineKey: draft.routine.key, version: draft.version, ...decision, followTasks: cycles.length === 0 ? null : cycles.every((c) => follows.get(c.year) === "ja") ? "ja" : cycles.every((c) => follows.get(c.year) === "nej") ? "nej" : "delvis", followByYear: Object.fromEntries(follows), followed: followed.map(({ kept, ...rest }) => ({ ...rest, kept: kept.map(({ title, unitName, reason }) => ({ title, unitName, reason })) })) },
    });
    const archived = previous ? ` Version ${previous.version} är arkiverad.` : "";
    return { ok: true as const, message: `Version ${draft.version} av ${draft.title} är publicerad och gäller nu.${archived}`, followed, routineKey: draft.routine.key, version: draft.version };
  });
}
