import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import type { ReminderKind } from "../db/generated/enums.ts";
import { dueReminderOffset, inWeeklyDigest, isoWeekKey, taskPeriodKey } from "./due.ts";
import { digestMessage, redactError, taskReminderMessage, type Mailer, type MailTask } from "./mail.ts";
import { recipientsOf, type Holder } from "./recipients.ts";
import { MAX_OFFSET_DAYS } from "./rules.ts";
import { plural } from "../plural.ts";
import { effectiveDay } from "../tasks/plan.ts";
import { openCycleWhere } from "../cycle-calendar.ts";
import { taskOfActiveUnitWhere } from "../active-units.ts";

/**
 * A claimed delivery that is still PENDING this long after its claim belongs to a run that died: retry it.
 * Well above the longest an SMTP send can take (SMTP_TIMEOUTS in mail.ts), so a slow send is never taken over.
 */
export const STALE_CLAIM_MS = 30 * 60_000;

export type ReminderJobResult = {
  /** Reminders that should exist today (already sent ones included). */
  planned: number;
  sentTasks: number;
  sentDigests: number;
  alreadySent: number;
  /** Claimed by another run that is sending them right now. */
  inFlight: number;
  failed: number;
  /** Redacted SMTP error of the first failure, for the summary. */
  firstError?: string;
};

export class MailServerUnavailable extends Error {}

type Planned = { userId: string; email: string; kind: ReminderKind; periodKey: string; taskId: string | null; message: { subject: string; text: string } };

async function loadRecipients(db: DbClient) {
  const users = await db.user.findMany({
    where: { active: true, emailPreference: { not: "NONE" } },
    select: { id: true, email: true, emailPreference: true, roleAssignments: { select: { role: true, organisationId: true, unitId: true } } },
  });
  const holders: Holder[] = users.flatMap((u) => u.roleAssignments.map((a) => ({ userId: u.id, ...a })));
  return { users: new Map(users.map((u) => [u.id, u])), holders };
}

async function loadOpenTasks(db: DbClient, today: Date) {
  const horizon = new Date(today.getTime() + (MAX_OFFSET_DAYS + 7) * 86_400_000);
  return db.task.findMany({
    // The open cycles only (in December the new one and the one ending): closed cycles are read-only, so their open
    // tasks can no longer be done.
    // Reminders count from the planned day when there is one (issue 21), else from the last day.
    // A closed unit's tasks are ej aktuell from its closing, and never reminded of (issue 29).
    where: { status: { in: ["NOT_STARTED", "IN_PROGRESS"] }, AND: [taskOfActiveUnitWhere], OR: [{ plannedOn: { lte: horizon } }, { plannedOn: null, dueOn: { not: null, lte: horizon } }], cycle: await openCycleWhere(db, today) },
    select: {
      id: true, status: true, dueOn: true, plannedOn: true, unitId: true, assigneeKey: true,
      unit: { select: { name: true } },
      cycle: { select: { organisationId: true } },
      activity: { select: { title: true, responsibleRole: true, reminderOffsets: true } },
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
  });
}

/** Everything that should go out today: single reminders for users who want them, one digest per user and ISO week. */
export async function planReminders(today: Date, baseUrl: string, db: DbClient = getDb()): Promise<Planned[]> {
  const [{ users, holders }, tasks] = await Promise.all([loadRecipients(db), loadOpenTasks(db, today)]);
  const planned: Planned[] = [];
  const digests = new Map<string, MailTask[]>();
  for (const row of tasks) {
    const task = { ...row, dueOn: effectiveDay(row) };
    const recipients = recipientsOf({ organisationId: task.cycle.organisationId, unitId: task.unitId, assigneeKey: task.assigneeKey, responsibleRole: task.activity.responsibleRole }, holders);
    if (recipients.length === 0) continue;
    const mailTask: MailTask = { id: task.id, title: task.activity.title, unitName: task.unit?.name ?? null, assigneeKey: task.assigneeKey, dueOn: task.dueOn! };
    const offset = dueReminderOffset({ ...task, reminderOffsets: task.activity.reminderOffsets }, today);
    const digest = inWeeklyDigest(task, today);
    for (const userId of recipients) {
      const user = users.get(userId)!;
      if (offset !== null && user.emailPreference === "ALL") {
        planned.push({ userId, email: user.email, kind: "TASK", periodKey: taskPeriodKey(task.id, offset), taskId: task.id, message: taskReminderMessage(mailTask, today, baseUrl) });
      }
      if (digest) digests.set(userId, [...(digests.get(userId) ?? []), mailTask]);
    }
  }
  const week = isoWeekKey(today);
  for (const [userId, list] of digests) {
    planned.push({ userId, email: users.get(userId)!.email, kind: "DIGEST", periodKey: week, taskId: null, message: digestMessage(list, today, baseUrl) });
  }
  return planned;
}

/**
 * Sends today's reminders once. Each reminder is a ReminderDelivery row, inserted with its unique key
 * (user, kind, period) and then claimed with a conditional update on its attempt count, so that of two overlapping
 * runs only one sends it. SENT is never sent again; FAILED (and PENDING left by a run that died) is retried.
 */
export async function runReminderJob(options: { today: Date; mailer: Mailer; baseUrl: string; db?: DbClient; now?: () => Date }): Promise<ReminderJobResult> {
  const { today, mailer, baseUrl, db = getDb(), now = () => new Date() } = options;
  try {
    await mailer.verify();
  } catch (error) {
    throw new MailServerUnavailable(`E-postservern svarar inte: ${redactError(error)}`);
  }
  const planned = await planReminders(today, baseUrl, db);
  const result: ReminderJobResult = { planned: planned.length, sentTasks: 0, sentDigests: 0, alreadySent: 0, inFlight: 0, failed: 0 };
  if (planned.length === 0) return result;
  await db.reminderDelivery.createMany({
    data: planned.map((p) => ({ userId: p.userId, kind: p.kind, periodKey: p.periodKey, taskId: p.taskId })),
    skipDuplicates: true,
  });
  const rows = await db.reminderDelivery.findMany({
    where: { userId: { in: [...new Set(planned.map((p) => p.userId))] }, periodKey: { in: [...new Set(planned.map((p) => p.periodKey))] } },
  });
  const byKey = new Map(rows.map((r) => [`${r.userId}|${r.kind}|${r.periodKey}`, r]));
  for (const p of planned) {
    const row = byKey.get(`${p.userId}|${p.kind}|${p.periodKey}`)!;
    if (row.status === "SENT") {
      result.alreadySent++;
      continue;
    }
    const claimed = await db.reminderDelivery.updateMany({
      where: {
        id: row.id,
        attempts: row.attempts,
        OR: [{ status: "FAILED" }, { status: "PENDING", attempts: 0 }, { status: "PENDING", updatedAt: { lt: new Date(now().getTime() - STALE_CLAIM_MS) } }],
      },
      data: { status: "PENDING", attempts: row.attempts + 1 },
    });
    if (claimed.count === 0) {
      result.inFlight++;
      continue;
    }
    // Only the sending is in doubt here: a failure to record a message that did go out must not make it FAILED
    // (that would send it again). Both records match the claim, so a run that took over a stale claim wins.
    const claim = { id: row.id, attempts: row.attempts + 1 };
    let sendError: unknown = null;
    try {
      await mailer.send({ to: p.email, ...p.message });
    } catch (error) {
      sendError = error;
    }
    if (sendError === null) {
      await db.reminderDelivery.updateMany({ where: claim, data: { status: "SENT", sentAt: now(), lastError: null } });
      if (p.kind === "DIGEST") result.sentDigests++;
      else result.sentTasks++;
    } else {
      const message = redactError(sendError);
      await db.reminderDelivery.updateMany({ where: { ...claim, status: "PENDING" }, data: { status: "FAILED", lastError: message } });
      result.failed++;
      result.firstError ??= message;
    }
  }
  return result;
}

/** The Swedish one-paragraph summary that `npm run reminders` prints: counts only, never addresses. */
export function summarise(result: ReminderJobResult, todayText: string): string {
  const sent = result.sentTasks + result.sentDigests;
  const lines = [
    `Påminnelser ${todayText}: ${plural(sent, "skickad", "skickade")} (${plural(result.sentTasks, "påminnelse", "påminnelser")} om uppgifter, ${plural(result.sentDigests, "veckosammanfattning", "veckosammanfattningar")}).`,
    `${result.alreadySent} var redan ${result.alreadySent === 1 ? "skickad" : "skickade"}, ${result.inFlight} skickas av en annan körning, ${result.failed} misslyckades.`,
  ];
  return lines.join("\n");
}
