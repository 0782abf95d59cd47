import "server-only";
import { writeAudit } from "../audit/index.ts";
import type { DbClient } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import { verifyPassword } from "./password.ts";
import { isThrottled, normaliseEmail, recordAttempt } from "./throttle.ts";

export type SignInFailure = "INVALID" | "THROTTLED";
export type SignInResult = { ok: true; userId: string; sessionVersion: number } | { ok: false; reason: SignInFailure };

// Compared against when the account does not exist, so a wrong e-mail costs as much time as a wrong password.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/**
 * Checks an e-mail and password. The answer never tells whether the account exists:
 * unknown, deactivated and wrong password are all INVALID; too many failures are THROTTLED.
 */
export async function authenticateWithPassword(db: DbClient, email: string, password: string, ip: string, now = new Date()): Promise<SignInResult> {
  if (await isThrottled(db, email, ip, now)) return { ok: false, reason: "THROTTLED" };
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const ok = Boolean(user && user.active && user.passwordHash && valid);
  await recordAttempt(db, email, ip, ok, now);
  return ok && user ? { ok: true, userId: user.id, sessionVersion: user.sessionVersion } : { ok: false, reason: "INVALID" };
}

/** Why a sign-in through the municipality's identity provider is refused: the error code the sign-in page shows. */
export type OidcRefusal = "OidcUnknown" | "OidcUnverified";
export type OidcResult = { ok: true; userId: string; sessionVersion: number } | { ok: false; reason: OidcRefusal };
/** The claims of the provider's ID token that the mapping reads; anything else in them is ignored. */
export type OidcClaims = { sub?: unknown; email?: unknown; email_verified?: unknown };

const unknown: OidcResult = { ok: false, reason: "OidcUnknown" };
const accepted = (user: { id: string; sessionVersion: number }): OidcResult => ({ ok: true, userId: user.id, sessionVersion: user.sessionVersion });

/**
 * Maps an account of the municipality's identity provider to an existing, active user; creates nothing.
 * A subject (`sub`) linked before decides alone. Otherwise the e-mail decides, and only if the provider says it has
 * verified it (`email_verified`; some providers send the string "true"): then the subject is stored, so that the
 * next sign-in is matched by it. A user already linked to another subject is never taken over by e-mail.
 */
export async function resolveOidcUser(db: DbClient, claims: OidcClaims): Promise<OidcResult> {
  const sub = typeof claims.sub === "string" && claims.sub.length > 0 && claims.sub.length <= 255 ? claims.sub : null;
  if (!sub) return unknown;
  const linked = await db.user.findUnique({ where: { oidcSubject: sub } });
  if (linked) return linked.active ? accepted(linked) : unknown;
  if (claims.email_verified !== true && claims.email_verified !== "true") return { ok: false, reason: "OidcUnverified" };
  const email = typeof claims.email === "string" ? normaliseEmail(claims.email) : "";
  const user = email ? await db.user.findUnique({ where: { email } }) : null;
  if (!user?.active || user.oidcSubject !== null) return unknown;
  return inTransaction(db, async (tx) => {
    // Only while still unlinked: of two first sign-ins at once, one subject wins.
    const { count } = await tx.user.updateMany({ where: { id: user.id, oidcSubject: null }, data: { oidcSubject: sub } });
    if (count === 0) return unknown;
    await writeAudit(tx, { actorId: user.id, action: "user.oidc-link", entityType: "User", entityId: user.id, after: { kopplad: "kommunens inloggning" } });
    return accepted(user);
  });
}
