import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isDatabaseUnavailable } from "../db/availability.ts";
import { getDb } from "../db/index.ts";
import { getEnv, oidcConfig, passwordSignIn } from "../env.ts";
import { clientAddress } from "./client-address.ts";
import { PEER_HEADER } from "./peer-header.ts";
import { authenticateWithPassword, type OidcClaims, type OidcResult, type SignInMethod } from "./credentials.ts";
import { resolveAuthSecret } from "./secret.ts";
import { safeCallbackPath } from "./callback-path.ts";
import { isSessionEnded } from "./session-end.ts";
import { readSessionRow } from "./session-user.ts";
import type { DbClient } from "../db/index.ts";

/** The client's address for the sign-in throttle, from the socket (PEER_HEADER) and, past our own proxies, X-Forwarded-For. */
function addressOf(headers: Record<string, unknown> | undefined): string {
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return clientAddress(text(headers?.[PEER_HEADER]), text(headers?.["x-forwarded-for"]), getEnv().TRUSTED_PROXIES);
}

/**
 * What a sign-in through the municipality's provider and a sign-out write, audited (lib/users/oidc.ts and
 * sessions.ts; lib/auth cannot import the audit trail, which reads the permission table). The route handler
 * gives them; reading a session (getServerSession) needs neither.
 */
export type SignInWrites = {
  resolveOidcUser(db: DbClient, claims: OidcClaims): Promise<OidcResult>;
  startSession(db: DbClient, userId: string, method: SignInMethod): Promise<void>;
  endSession(db: DbClient, token: Record<string, unknown> | null | undefined, maxAgeSeconds: number): Promise<boolean>;
};

/** Whether the user holds the administrator role somewhere (the only one let in by password while AUTH_BREAK_GLASS=on). */
async function isAdministrator(db: DbClient, userId: string): Promise<boolean> {
  return (await db.roleAssignment.count({ where: { userId, role: "ADMIN" } })) > 0;
}

/** The user signIn() mapped each accepted provider profile to, for jwt() of the same sign-in (held no longer than the profile). */
const resolvedSignIns = new WeakMap<object, OidcResult>();

export function buildAuthOptions(writes?: SignInWrites): NextAuthOptions {
  const env = getEnv();
  const oidc = oidcConfig(env);
  const maxAge = env.SESSION_MAX_AGE_HOURS * 3600;
  // AUTH_PASSWORD_SIGN_IN=off: no credentials provider, so a password POST is refused by next-auth itself.
  const passwordMode = oidc ? passwordSignIn(env) : "on";
  return {
    secret: resolveAuthSecret(env),
    session: { strategy: "jwt", maxAge, updateAge: 15 * 60 },
    pages: { signIn: "/logga-in", error: "/logga-in" },
    providers: [
      ...(passwordMode === "off" ? [] : [CredentialsProvider({
        id: "credentials",
        name: "E-post och lösenord",
        credentials: { email: { label: "E-post", type: "email" }, password: { label: "Lösenord", type: "password" } },
        async authorize(credentials, req) {
          const email = credentials?.email ?? "";
          const password = credentials?.password ?? "";
          if (!email || !password) return null;
          // next-auth puts a thrown error's message into the sign-in URL: only our codes (lib/auth/error-codes.ts).
          const result = await authenticateWithPassword(getDb(), email, password, addressOf(req?.headers)).catch((error: unknown) => {
            console.error("Sign-in failed:", error instanceof Error ? error.name : typeof error);
            return { ok: false as const, reason: "UNAVAILABLE" as const };
          });
          if (!result.ok) throw new Error(result.reason);
          // Break-glass: the right password of anyone but an administrator is refused as a wrong one.
          if (passwordMode === "break-glass" && !(await isAdministrator(getDb(), result.userId))) throw new Error("INVALID");
          return { id: result.userId, sessionVersion: result.sessionVersion, method: passwordMode === "break-glass" ? "nödinloggning" : "lösenord" };
        },
      })]),
      ...(oidc
        ? [
            {
              id: "kommun",
              name: oidc.name,
              type: "oauth" as const,
              wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
              clientId: oidc.clientId,
              clientSecret: oidc.clientSecret,
              authorization: { params: { scope: "openid email profile" } },
              idToken: true,
              checks: ["pkce" as const, "state" as const],
              profile(profile: { sub: string; email?: string; name?: string }) {
                return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null };
              },
            },
          ]
        : []),
    ],
    callbacks: {
      // Only back to this site: next-auth's default also accepts any URL that merely starts with the base URL.
      async redirect({ url, baseUrl }) {
        if (url.startsWith(baseUrl)) url = url.slice(baseUrl.length) || "/";
        return `${baseUrl}${safeCallbackPath(url)}`;
      },
      // A refused provider account goes back to the sign-in page with a code it knows (never free text).
      async signIn({ account, profile }) {
        if (account?.provider !== "kommun") return true;
        if (!writes || !profile) return "/logga-in?error=OidcUnknown";
        const result = await writes.resolveOidcUser(getDb(), profile as OidcClaims);
        // next-auth hands jwt() the same profile object: it takes the user from here, without mapping (and syncing) twice.
        if (result.ok) resolvedSignIns.set(profile, result);
        return result.ok ? true : `/logga-in?error=${result.reason}`;
      },
      async jwt({ token, user, account, profile }) {
        if (user && account?.provider === "kommun") {
          // Mapped by signIn a moment ago (a profile it did not accept never gets here).
          const local = profile ? resolvedSignIns.get(profile) : undefined;
          if (local?.ok) {
            Object.assign(token, { uid: local.userId, sv: local.sessionVersion, sid: randomUUID(), m: "kommunens inloggning" });
            await writes?.startSession(getDb(), local.userId, "kommunens inloggning");
          }
        } else if (user) {
          const method = (user as { method?: SignInMethod }).method ?? "lösenord";
          Object.assign(token, { uid: user.id, sv: (user as { sessionVersion?: number }).sessionVersion ?? 1, sid: randomUUID(), m: method });
          await writes?.startSession(getDb(), user.id, method);
        } else if (typeof token.sid === "string" && (await isSessionEndedOrUnknown(token.sid, token.uid))) {
          // A copy of a signed-out cookie must not be renewed (see endSession); next-auth then clears it.
          throw new Error("SESSION_ENDED");
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv, sid: token.sid };
      },
    },
    events: {
      // "Logga ut" ends this session on the server, not only its cookie in this browser.
      async signOut({ token }) {
        await writes?.endSession(getDb(), token, maxAge);
      },
    },
  };
}

/**
 * Whether "Logga ut" ended the session. While the database cannot be reached the answer is unknown, and the token
 * is kept unchanged: throwing here would make next-auth clear the cookie and send the user to sign in, although the
 * service, not the session, is what failed. getSessionUser then reports the database as unavailable.
 */
async function isSessionEndedOrUnknown(sessionId: string, userId: unknown): Promise<boolean> {
  try {
    // Within a page or an action the same request's readSessionRow answers loadSessionUser too: one statement for both (issue 35).
    if (typeof userId === "string") {
      const row = await readSessionRow(getDb(), userId, sessionId);
      if (row) return row.ended;
    }
    return await isSessionEnded(getDb(), sessionId);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return false;
    throw error;
  }
}

let cached: NextAuthOptions | undefined;
/** The options for reading a session (getServerSession). */
export function getAuthOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
