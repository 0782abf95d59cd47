import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { DatabaseUnavailableError, isDatabaseUnavailable, noteDatabaseAvailable, noteDatabaseUnavailable } from "../db/availability.ts";
import { getDb } from "../db/index.ts";
import { getEnv } from "../env.ts";
import { getAuthOptions } from "./options.ts";
import { canAny, type Action } from "./permissions.ts";
import { sessionCookieName } from "./session-cookie.ts";
import { decodeSessionToken, sessionCookieValue } from "./session-token.ts";
import { loadSessionUser, type SessionUser } from "./session-user.ts";

/**
 * The signed-in user, checked against the database once per request; null when signed out or ended.
 * While the database cannot be reached it throws DatabaseUnavailableError: the pages then say the service is
 * temporarily unavailable (app/global-error.tsx, app/error.tsx) instead of sending the user to sign in (issue 34).
 */
export const getSessionUser = cache(async function getSessionUser(): Promise<SessionUser | null> {
  const session = await readSessionClaims();
  // A token without a session id predates sign-out on the server and cannot be ended: it must sign in again.
  if (!session || typeof session.uid !== "string" || typeof session.sv !== "number" || typeof session.sid !== "string") return null;
  try {
    const user = await loadSessionUser(getDb(), session.uid, session.sv, session.sid);
    noteDatabaseAvailable();
    return user;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    noteDatabaseUnavailable();
    throw new DatabaseUnavailableError();
  }
});

/**
 * The session cookie's claims, decrypted as next-auth does but without its whole request handler (lib/auth/session-token.ts,
 * issue 35). Whether the session was ended, the user deactivated or their sessions ended is checked by
 * loadSessionUser in the database, as next-auth's jwt callback did (lib/auth/options.ts).
 */
async function readSessionClaims(): Promise<Record<string, unknown> | null> {
  const token = sessionCookieValue((await cookies()).getAll(), sessionCookieName(getEnv()));
  return token ? decodeSessionToken(token, getAuthOptions().secret!) : null;
}

/** The signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/logga-in");
  return user;
}

/** The signed-in user holding the action somewhere, or the "no access" page. */
export async function requirePermission(action: Action): Promise<SessionUser> {
  const user = await requireUser();
  if (!canAny(user, action)) redirect("/ingen-behorighet");
  return user;
}
