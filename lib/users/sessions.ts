import "server-only";
import { writeAudit } from "../audit/index.ts";
import type { DbClient } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import { SIGN_IN_METHODS, type SignInMethod } from "../auth/credentials.ts";

/** A successful sign-in, audited with its method (failed ones are counted by the throttle, lib/auth/throttle.ts). */
export async function startSession(db: DbClient, userId: string, method: SignInMethod): Promise<void> {
  await writeAudit(db, { actorId: userId, action: "session.start", entityType: "User", entityId: userId, after: { metod: method } });
}

/** What sign-out knows of the session it ends: the decoded token of its cookie (null when it could not be read). */
export type EndingToken = Record<string, unknown> | null | undefined;

/**
 * Ends one session on the server ("Logga ut"): its id is stored, so a copy of the cookie is refused from now on,
 * while the user's sessions on other devices go on. A copy may have been renewed just before (next-auth renews a
 * cookie's expiry as it is used) but cannot be renewed after (isSessionEnded in the jwt callback), so no copy
 * outlives now + the session's maximum age: the row is kept that long. Audited once; a token without a user or
 * session id, or one already ended, changes nothing. Rows past their time are cleared on the way.
 */
export async function endSession(db: DbClient, token: EndingToken, maxAgeSeconds: number, now = new Date()): Promise<boolean> {
  if (typeof token?.uid !== "string" || typeof token.sid !== "string" || token.sid.length > 100) return false;
  const { uid, sid } = token;
  const expiresAt = new Date(now.getTime() + maxAgeSeconds * 1000);
  return inTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: uid }, select: { id: true } });
    if (!user || (await tx.endedSession.findUnique({ where: { id: sid } }))) return false;
    await tx.endedSession.deleteMany({ where: { expiresAt: { lt: now } } });
    await tx.endedSession.create({ data: { id: sid, userId: uid, endedAt: now, expiresAt } });
    const method = (SIGN_IN_METHODS as readonly unknown[]).includes(token.m) ? (token.m as SignInMethod) : undefined;
    await writeAudit(tx, { actorId: uid, action: "session.end", entityType: "User", entityId: uid, ...(method ? { after: { metod: method } } : {}) });
    return true;
  });
}
