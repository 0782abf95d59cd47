import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { writeAudit } from "../audit/index.ts";
import { can, canAny, type Actor } from "../auth/permissions.ts";
import { getDb, type DbClient, type Role } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import { formatDateLong, cycleYearOf, stockholmInstant } from "../dates/cycle.ts";
import { homeOrganisationFor } from "../auth/scope.ts";
import { ROLE_LABELS } from "../routines/labels.ts";
import { TASK_STATUS_LABELS } from "../tasks/status.ts";
import { taskWhereFor } from "../tasks/scope.ts";
import { buildCalendar } from "./ics.ts";
import { effectiveDay, planText } from "../tasks/plan.ts";
import { createFeedSchema, feedTokenSchema, revokeFeedSchema } from "./schemas.ts";
import * as clock from "../clock.ts";
import { activeUnitWhere } from "../active-units.ts";

export type FeedResult = { ok: true; message: string; token?: string } | { ok: false; message: string; errors?: Record<string, string[]> };

/** Only this hash of a feed's secret token is stored; the token itself is shown once, when the feed is created. */
export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const feedLabel = (f: { unit: { name: string } | null; role: Role | null }) => (f.unit ? f.unit.name : f.role ? `Rollen ${ROLE_LABELS[f.role].toLowerCase()}` : "Okänd");

/** What the actor may subscribe to: units whose tasks they can read, and roles (their own, or every role with dashboard:read). */
export async function getFeedOptions(actor: Actor, db: DbClient = getDb()) {
  const organisationId = homeOrganisationFor(actor, "task:read");
  if (!organisationId) return { units: [], roles: [] as Role[] };
  const units = await db.unit.findMany({ where: activeUnitWhere(organisationId), orderBy: [{ area: { position: "asc" } }, { name: "asc" }], select: { id: true, name: true } });
  const held = actor.assignments.filter((a) => a.organisationId === organisationId).map((a) => a.role);
  const roles = (Object.keys(ROLE_LABELS) as Role[]).filter((r) => r !== "ADMIN" && (held.includes(r) || canAny(actor, "dashboard:read")));
  return { units: units.filter((u) => can(actor, "task:read", { organisationId, unitId: u.id, assigneeKey: u.id })), roles };
}

/** The actor's own calendar feeds, newest first. */
export async function listCalendarFeeds(actor: Actor, db: DbClient = getDb()) {
  const rows = await db.calendarFeed.findMany({ where: { createdById: actor.id }, orderBy: { createdAt: "desc" } });
  const units = await db.unit.findMany({ where: { id: { in: rows.flatMap((r) => (r.unitId ? [r.unitId] : [])) } }, select: { id: true, name: true } });
  const unitOf = new Map(units.map((u) => [u.id, u]));
  return rows.map((r) => ({ id: r.id, label: feedLabel({ unit: r.unitId ? (unitOf.get(r.unitId) ?? null) : null, role: r.role }), createdAt: r.createdAt, revokedAt: r.revokedAt }));
}

/** Creates a feed for a unit or a role the actor may read; returns the secret token, which is never stored. */
export async function createCalendarFeed(actor: Actor, input: unknown, db: DbClient = getDb()): Promise<FeedResult> {
  const parsed = createFeedSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Kontrollera fälten.", errors: { target: parsed.error.issues.map((i) => i.message) } };
  const { unitId, role } = parsed.data.target;
  const options = await getFeedOptions(actor, db);
  const allowed = unitId ? options.units.some((u) => u.id === unitId) : options.roles.includes(role!);
  const organisationId = homeOrganisationFor(actor, "task:read");
  if (!allowed || !organisationId) return { ok: false, message: "Du kan inte skapa en kalender för den enheten eller rollen." };
  const token = randomBytes(32).toString("base64url");
  await inTransaction(db, async (tx) => {
    const feed = await tx.calendarFeed.create({ data: { organisationId, unitId, role, tokenHash: hashFeedToken(token), createdById: actor.id } });
    // Never the token or its hash: the audit trail is readable by more people than the feed's owner.
    await writeAudit(tx, { actorId: actor.id, action: "calendarFeed.create", entityType: "CalendarFeed", entityId: feed.id, unitId, after: { unitId, role } });
  });
  return { ok: true, message: "Kalendern är skapad. Kopiera adressen nu: den visas bara en gång.", token };
}

/** Revokes one of the actor's own feeds; its address stops working at once. */
export async function revokeCalendarFeed(actor: Actor, input: unknown, db: DbClient = getDb()): Promise<FeedResult> {
  const parsed = revokeFeedSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  return inTransaction(db, async (tx): Promise<FeedResult> => {
    const feed = await tx.calendarFeed.findFirst({ where: { id: parsed.data.feedId, createdById: actor.id, revokedAt: null } });
    if (!feed) return { ok: false, message: "Kalendern finns inte eller är redan avslutad." };
    const revokedAt = new Date();
    await tx.calendarFeed.update({ where: { id: feed.id }, data: { revokedAt } });
    await writeAudit(tx, { actorId: actor.id, action: "calendarFeed.revoke", entityType: "CalendarFeed", entityId: feed.id, unitId: feed.unitId, before: { revokedAt: null }, after: { revokedAt } });
    return { ok: true, message: "Kalendern är avslutad. Adressen fungerar inte längre." };
  });
}

/** A planned time is an event of PLANNED_EVENT_MINUTES from its start (the plan has no end time). */
export const PLANNED_EVENT_MINUTES = 60;

/** What a feed's events are, as the /kalender page and the feed's own description say it (issue 32). */
export const FEED_EVENTS_TEXT =
  "En uppgift med en planerad dag och tid visas som en händelse på en timme vid den tiden, en planerad dag utan tid som en heldagshändelse den dagen, och en uppgift som inte är planerad som en heldagshändelse på sitt slutdatum.";
function timedEvent(day: Date, time: string) {
  const start = stockholmInstant(day, time);
  return { start, end: new Date(start.getTime() + PLANNED_EVENT_MINUTES * 60_000) };
}

/**
 * The .ics document of a feed, or null for an unknown, malformed or revoked token or a creator who is no longer
 * active. The feed shows what its creator may read today, so a creator who loses access also empties the feed.
 */
export async function getFeedCalendar(token: string, baseUrl: string, db: DbClient = getDb(), today: Date = clock.today()): Promise<string | null> {
  const parsed = feedTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const feed = await db.calendarFeed.findUnique({ where: { tokenHash: hashFeedToken(parsed.data) } });
  if (!feed || feed.revokedAt || !feed.createdById) return null;
  const creator = await db.user.findUnique({ where: { id: feed.createdById }, select: { id: true, active: true, roleAssignments: { select: { role: true, organisationId: true, unitId: true } } } });
  if (!creator?.active) return null;
  const actor: Actor = { id: creator.id, assignments: creator.roleAssignments };
  const [unit, tasks] = await Promise.all([
    feed.unitId ? db.unit.findUnique({ where: { id: feed.unitId }, select: { name: true } }) : null,
    db.task.findMany({
      where: {
        AND: [
          taskWhereFor(actor, "task:read"),
          { cycle: { organisationId: feed.organisationId, year: { gte: cycleYearOf(today) - 1 } }, dueOn: { not: null } },
          feed.unitId ? { unitId: feed.unitId } : { activity: { responsibleRole: feed.role } },
        ],
      },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      select: {
        id: true, startsOn: true, dueOn: true, status: true, updatedAt: true, assigneeKey: true,
        plannedOn: true, plannedTime: true, plannedPlace: true, plannedLead: true,
        unit: { select: { name: true } },
        activity: { select: { title: true, description: true, responsibleRole: true, phase: { select: { name: true } }, routineVersion: { select: { routine: { select: { title: true } } } } } },
      },
    }),
  ]);
  const name = `Årshjulet – ${feedLabel({ unit, role: feed.role })}`;
  const events = tasks.map((t) => {
    const where = t.unit?.name ?? (t.assigneeKey === "COMMUNICATIONS" ? "Kommunikationsenheten" : "Hela verksamheten");
    const status = t.status === "DONE" || t.status === "NOT_APPLICABLE" ? ` (${TASK_STATUS_LABELS[t.status].toLowerCase()})` : "";
    const description = [
      `${t.activity.routineVersion.routine.title}, ${t.activity.phase.name}.`,
      `Gäller: ${where}.`,
      `Ansvarig: ${t.activity.responsibleRole ? ROLE_LABELS[t.activity.responsibleRole] : "ingen angiven"}.`,
      t.startsOn ? `Period: ${formatDateLong(t.startsOn)} – ${formatDateLong(t.dueOn!)}.` : null,
      t.plannedOn ? `Planerad: ${planText(t)}.` : null,
      `Status: ${TASK_STATUS_LABELS[t.status]}.`,
      t.activity.description,
    ].filter(Boolean).join("\n");
    return {
      uid: `${t.id}@arshjulet`,
      // A planned task is at its planned day (and time); otherwise at its last day.
      start: effectiveDay(t)!,
      end: effectiveDay(t)!,
      at: t.plannedOn && t.plannedTime ? timedEvent(t.plannedOn, t.plannedTime) : undefined,
      location: t.plannedPlace ?? undefined,
      summary: `${t.activity.title}${feed.unitId ? "" : ` – ${where}`}${status}`,
      description,
      url: new URL(`/checklista/uppgift/${t.id}`, baseUrl).toString(),
      categories: ["Årshjulet"],
      lastModified: t.updatedAt,
    };
  });
  return buildCalendar({ name, description: `Uppgifter ur rutinerna i Årshjulet. ${FEED_EVENTS_TEXT}`, generatedAt: new Date(), events });
}
