import "server-only";
import type { DbClient } from "../db/index.ts";
import { hasControlCharacter } from "../forms.ts";
import { containsIdentityNumber } from "../personal-data.ts";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "./credential-limits.ts";
import { verifyPassword } from "./password.ts";
import { isThrottled, normaliseEmail, recordAttempt } from "./throttle.ts";

export type SignInFailure = "INVALID" | "THROTTLED" | "INVALID_INPUT" | "IDENTITY_NUMBER";
export type SignInResult = { ok: true; userId: string; sessionVersion: number } | { ok: false; reason: SignInFailure };

const IDENTITY_NUMBER_PLACEHOLDER = "(personnummer)";

// Compared against when the account does not exist, so a wrong e-mail costs as much time as a wrong password.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/**
 * Checks an e-mail and password. The answer never tells whether the account exists:
 * unknown, deactivated and wrong password are all INVALID; too many failures are THROTTLED.
 */
export async function authenticateWithPassword(db: DbClient, email: string, password: string, ip: string, now = new Date()): Promise<SignInResult> {
  // No e-mail address holds one, and PostgreSQL refuses a NUL: refused before any query (and not counted).
  if (hasControlCharacter(email)) return { ok: false, reason: "INVALID_INPUT" };
  // Longer than any account's: refused before anything is stored (a 100 005-character e-mail was, in LoginAttempt).
  if (email.length > EMAIL_MAX_LENGTH || password.length > PASSWORD_MAX_LENGTH) return { ok: false, reason: "INVALID" };
  // People are used to signing in with their personnummer: one typed here is refused, and never stored as an attempt's
  // e-mail (the attempt still counts for the address, under a placeholder).
  if (containsIdentityNumber(email)) {
    if (await isThrottled(db, IDENTITY_NUMBER_PLACEHOLDER, ip, now)) return { ok: false, reason: "THROTTLED" };
    await recordAttempt(db, IDENTITY_NUMBER_PLACEHOLDER, ip, false, now);
    return { ok: false, reason: "IDENTITY_NUMBER" };
  }
  if (await isThrottled(db, email, ip, now)) return { ok: false, reason: "THROTTLED" };
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const ok = Boolean(user && user.active && user.passwordHash && valid);
  await recordAttempt(db, email, ip, ok, now);
  return ok && user ? { ok: true, userId: user.id, sessionVersion: user.sessionVersion } : { ok: false, reason: "INVALID" };
}

/** How a session began, in the audit trail (sign-in and sign-out): by password, by an administrator's break-glass password, or the municipality's sign-in. */
export const SIGN_IN_METHODS = ["lösenord", "nödinloggning", "kommunens inloggning"] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** Why a sign-in through the municipality's identity provider is refused: the error code the sign-in page shows. */
export type OidcRefusal = "OidcUnknown" | "OidcUnverified" | "OidcDomain";
export type OidcResult = { ok: true; userId: string; sessionVersion: number } | { ok: false; reason: OidcRefusal };
/** The claims of the provider's ID token that the mapping reads; anything else in them is ignored. */
export type OidcClaims = { sub?: unknown; email?: unknown; email_verified?: unknown; preferred_username?: unknown; upn?: unknown } & Record<string, unknown>;
