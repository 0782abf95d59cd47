import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { getEnv, type Env } from "../env.ts";
import { resolveAuthSecret } from "./secret.ts";

/** next-auth's name for the session cookie: with the __Secure- prefix when the app is served over https (NEXTAUTH_URL). */
export function sessionCookieName(env: Env): string {
  const secure = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * After one's own password change (which ends every session by a new sessionVersion), keeps the session that made
 * it: its cookie is written again with the new version, as next-auth writes it (same name, secret and lifetime).
 * Only from a server action, where cookies can be set.
 */
export async function keepCurrentSession(sessionVersion: number): Promise<void> {
  const env = getEnv();
  const secure = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  const name = sessionCookieName(env);
  const jar = await cookies();
  const value = jar.get(name)?.value;
  if (!value) return;
  const secret = resolveAuthSecret(env);
  const token = await decode({ token: value, secret });
  if (!token) return;
  const maxAge = env.SESSION_MAX_AGE_HOURS * 3600;
  jar.set(name, await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge }), { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge });
}
