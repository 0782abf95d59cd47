import "server-only";
import { canAny, type Actor } from "../auth/permissions.ts";
import { writeAudit } from "../audit/index.ts";
import { getDb, type DbClient } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import { organisationFilter } from "../auth/scope.ts";
import { describeOffsets } from "./rules.ts";
import { fieldErrorsOf } from "../forms.ts";
import { EMAIL_PREFERENCE_LABELS, emailPreferenceSchema, reminderRuleSchema, type ReminderResult } from "./schemas.ts";

const INVALID = "Kontrollera de markerade fälten.";

/** The signed-in user's own choice of e-mail; audited. */
export async function setEmailPreference(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<ReminderResult> {
  const input = emailPreferenceSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: INVALID, errors: fieldErrorsOf(input.error) };
  const { emailPreference } = input.data;
  return inTransaction(db, async (tx) => {
    const before = await tx.user.findUnique({ where: { id: actor.id }, select: { emailPreference: true, active: true } });
    if (!before?.active) return { ok: false, message: "Ditt konto är inte aktivt." };
    await tx.user.update({ where: { id: actor.id }, data: { emailPreference } });
    await writeAudit(tx, { actorId: actor.id, action: "user.email-preference", entityType: "User", entityId: actor.id, before: { emailPreference: before.emailPreference }, after: { emailPreference } });
    return { ok: true, message: `Sparat: ${EMAIL_PREFERENCE_LABELS[emailPreference].label.toLowerCase()}.` };
  });
}

/**
 * The reminder days of one activity of an active routine version (verksamhetsutvecklaren). An operational setting, so
 * it changes the active version in place rather than requiring a new version; an open draft of the same routine that
 * still has the old days gets the new ones too, so publishing it later does not undo the change.
 */
export async function updateReminderOffsets(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<ReminderResult> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: "Du har inte behörighet att ändra påminnelser." };
  const input = reminderRuleSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: INVALID, errors: fieldErrorsOf(input.error) };
  const { activityId, offsets } = input.data;
  return inTransaction(db, async (tx) => {
    const activity = await tx.activityTemplate.findFirst({
      where: { id: activityId, routineVersion: { status: "ACTIVE", routine: { organisationId: organisationFilter(actor, "routine:manage") } } },
      select: { id: true, key: true, title: true, reminderOffsets: true, routineVersion: { select: { routineId: true, routine: { select: { organisationId: true } } } } },
    });
    if (!activity) return { ok: false, message: "Aktiviteten finns inte i en gällande rutin i din verksamhet. Ladda om sidan." };
    await tx.activityTemplate.update({ where: { id: activity.id }, data: { reminderOffsets: offsets } });
    await tx.activityTemplate.updateMany({
      where: { key: activity.key, reminderOffsets: { equals: activity.reminderOffsets }, routineVersion: { routineId: activity.routineVersion.routineId, status: "DRAFT" } },
      data: { reminderOffsets: offsets },
    });
    await writeAudit(tx, {
      actorId: actor.id, action: "activity.reminders", entityType: "ActivityTemplate", entityId: activity.id,
      before: { reminderOffsets: activity.reminderOffsets }, after: { reminderOffsets: offsets },
    });
    return { ok: true, message: `Påminnelserna för ${activity.title} är sparade: ${describeOffsets(offsets)}.` };
  });
}
