import "server-only";
import { canAny, type Actor } from "../auth/permissions.ts";
import { writeAudit } from "../audit/index.ts";
import { getDb, type DbClient } from "../db/index.ts";
import { fail, inTransaction, transact } from "../db/transaction.ts";
import type { Prisma } from "../db/index.ts";
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
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NO_PERMISSION };
  const input = reminderRuleSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: INVALID, errors: fieldErrorsOf(input.error) };
  const { activityId, offsets } = input.data;
  return inTransaction(db, async (tx) => {
    const saved = await writeOffsets(tx, actor, activityId, offsets, { always: true });
    if (!saved) return { ok: false, message: ACTIVITY_NOT_FOUND };
    return { ok: true, message: `Påminnelserna för ${saved.title} är sparade: ${describeOffsets(offsets)}.` };
  });
}

const NO_PERMISSION = "Du har inte behörighet att ändra påminnelser.";
const ACTIVITY_NOT_FOUND = "Aktiviteten finns inte i en gällande rutin i din verksamhet. Ladda om sidan.";
const sameDays = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * Writes one activity's reminder days (and an open draft's, if it still has the old ones) with an audit entry.
 * Unless `always`, days equal to the stored ones write nothing. Null when the activity is not the actor's to change.
 */
async function writeOffsets(tx: Prisma.TransactionClient, actor: Actor, activityId: string, offsets: number[], { always = false } = {}) {
  const activity = await tx.activityTemplate.findFirst({
    where: { id: activityId, routineVersion: { status: "ACTIVE", routine: { organisationId: organisationFilter(actor, "routine:manage") } } },
    select: { id: true, key: true, title: true, reminderOffsets: true, routineVersion: { select: { routineId: true } } },
  });
  if (!activity) return null;
  if (!always && sameDays(activity.reminderOffsets, offsets)) return { title: activity.title, changed: false };
  await tx.activityTemplate.update({ where: { id: activity.id }, data: { reminderOffsets: offsets } });
  await tx.activityTemplate.updateMany({
    where: { key: activity.key, reminderOffsets: { equals: activity.reminderOffsets }, routineVersion: { routineId: activity.routineVersion.routineId, status: "DRAFT" } },
    data: { reminderOffsets: offsets },
  });
  await writeAudit(tx, {
    actorId: actor.id, action: "activity.reminders", entityType: "ActivityTemplate", entityId: activity.id,
    before: { reminderOffsets: activity.reminderOffsets }, after: { reminderOffsets: offsets },
  });
  return { title: activity.title, changed: true };
}

/** The form field of an activity's days on the reminder page, for field errors keyed by field. */
export const offsetsField = (activityId: string) => `offsets-${activityId}`;

/**
 * Many activities' reminder days saved at once (one Spara for the page): every row is checked first, and one bad
 * row saves nothing; then, in one transaction, only the rows whose days changed are written, each with its own
 * audit entry. An unchanged row writes nothing.
 */
export async function updateManyReminderOffsets(actor: Actor, rows: { activityId: string; offsets: string | undefined }[], db: DbClient = getDb()): Promise<ReminderResult> {
  if (!canAny(actor, "routine:manage")) return { ok: false, message: NO_PERMISSION };
  if (rows.length === 0 || rows.length > 500) return { ok: false, message: "Formuläret kunde inte läsas. Ladda om sidan och försök igen." };
  const errors: Record<string, string[]> = {};
  const parsed: { activityId: string; offsets: number[] }[] = [];
  for (const row of rows) {
    const input = reminderRuleSchema.safeParse(row);
    if (input.success) parsed.push(input.data);
    else errors[offsetsField(row.activityId)] = input.error.issues.map((i) => i.message);
  }
  const bad = Object.keys(errors).length;
  if (bad > 0) return { ok: false, message: `${bad === 1 ? "En rad" : `${bad} rader`} behöver rättas; inget är sparat.`, errors };
  return transact(db, async (tx): Promise<ReminderResult> => {
    const changed: string[] = [];
    for (const { activityId, offsets } of parsed) {
      const saved = await writeOffsets(tx, actor, activityId, offsets);
      // An activity that is not the actor's to change undoes the rows written before it.
      if (!saved) fail(ACTIVITY_NOT_FOUND);
      if (saved.changed) changed.push(saved.title);
    }
    if (changed.length === 0) return { ok: true, message: "Inget var ändrat, så inget sparades." };
    return { ok: true, message: `Sparat: ändrade påminnelser för ${changed.length === 1 ? changed[0] : `${changed.length} aktiviteter (${changed.join(", ")})`}.` };
  });
}
