import type { DbClient } from "./db/index.ts";

/** Sign-in attempts and "Glömt lösenord?" requests (an e-mail address and an IP address each) are kept this long. */
export const ATTEMPT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

export type RetentionResult = { loginAttempts: number; passwordResetRequests: number; endedSessions: number; auditEntries: number };

/**
 * Deletes what is kept only for a while (issue 34): sign-in attempts and password-reset requests older than 30 days
 * (the throttles look back minutes, not days), sessions ended by "Logga ut" whose cookie has expired (they refuse
 * nothing any more), and, only when AUDIT_RETENTION_DAYS is set, audit entries older than that. Wall-clock time,
 * as the stamps are (lib/clock.ts). Run by the daily reminders job; idempotent.
 */
export async function purgeExpired(db: DbClient, now: Date, auditRetentionDays?: number): Promise<RetentionResult> {
  const attemptsBefore = new Date(now.getTime() - ATTEMPT_RETENTION_DAYS * DAY_MS);
  const [loginAttempts, passwordResetRequests, endedSessions] = [
    await db.loginAttempt.deleteMany({ where: { at: { lt: attemptsBefore } } }),
    await db.passwordResetRequest.deleteMany({ where: { at: { lt: attemptsBefore } } }),
    await db.endedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
  ];
  const auditEntries = auditRetentionDays
    ? await db.auditEntry.deleteMany({ where: { at: { lt: new Date(now.getTime() - auditRetentionDays * DAY_MS) } } })
    : { count: 0 };
  return { loginAttempts: loginAttempts.count, passwordResetRequests: passwordResetRequests.count, endedSessions: endedSessions.count, auditEntries: auditEntries.count };
}

/** One Swedish line for the job's log. */
export function summariseRetention(r: RetentionResult): string {
  return `Gallring: ${r.loginAttempts} inloggningsförsök, ${r.passwordResetRequests} begäranden om nytt lösenord, ${r.endedSessions} utgångna utloggade sessioner och ${r.auditEntries} loggposter raderades.`;
}
