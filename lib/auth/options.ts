import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/index.ts";
import { getEnv, oidcConfig } from "../env.ts";
import { clientAddress } from "./client-address.ts";
import { PEER_HEADER } from "./peer-header.ts";
import { authenticateWithPassword, findUserForOidc } from "./credentials.ts";
import { resolveAuthSecret } from "./secret.ts";
import { safeCallbackPath } from "./callback-path.ts";

/** The client's address for the sign-in throttle, from the socket (PEER_HEADER) and, past our own proxies, X-Forwarded-For. */
function addressOf(headers: Record<string, unknown> | undefined): string {
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return clientAddress(text(headers?.[PEER_HEADER]), text(headers?.["x-forwarded-for"]), getEnv().TRUSTED_PROXIES);
}

export function buildAuthOptions(): NextAuthOptions {
  const env = getEnv();
  const oidc = oidcConfig(env);
  return {
    secret: resolveAuthSecret(env),
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600, updateAge: 15 * 60 },
    pages: { signIn: "/logga-in", error: "/logga-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "E-post och lösenord",
        credentials: { email: { label: "E-post", type: "email" }, password: { label: "Lösenord", type: "password" } },
        async authorize(credentials, req) {
          const email = credentials?.email ?? "";
          const password = credentials?.password ?? "";
          if (!email || !password) return null;
          const result = await authenticateWithPassword(getDb(), email, password, addressOf(req?.headers));
          if (!result.ok) throw new Error(result.reason);
          return { id: result.userId, sessionVersion: result.sessionVersion };
        },
      }),
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
      async signIn({ account, user }) {
        if (account?.provider !== "kommun") return true;
        return (await findUserForOidc(getDb(), user.email)) !== null;
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "kommun") {
          const local = await findUserForOidc(getDb(), user.email);
          if (local) Object.assign(token, { uid: local.id, sv: local.sessionVersion });
        } else if (user) {
          Object.assign(token, { uid: user.id, sv: (user as { sessionVersion?: number }).sessionVersion ?? 1 });
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
  };
}

let cached: NextAuthOptions | undefined;
export function getAuthOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
