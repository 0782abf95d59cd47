import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt, type JWTPayload } from "jose";

/**
 * Reading next-auth's session cookie without next-auth's request handler (issue 35). getServerSession ran next-auth's
 * whole "session" endpoint for every page: its configuration check, a new CSRF token, the token decrypted with a key
 * derived anew (HKDF), the callbacks, and the token encrypted again for a cookie that a page cannot set. The cookie is
 * the same JWE (dir, A256GCM) next-auth writes; only the key is derived once per secret.
 */

const KEY_INFO = "NextAuth.js Generated Encryption Key";
let derived: { secret: string; key: Uint8Array } | undefined;

/** next-auth's encryption key for a secret (HKDF-SHA256, empty salt, its info text), derived once and kept. */
export function sessionEncryptionKey(secret: string): Uint8Array {
  if (derived?.secret !== secret) derived = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", KEY_INFO, 32)) };
  return derived.key;
}

/**
 * The claims of a session token as next-auth's decode reads them (authenticated decryption, expiry with 15 s of
 * clock tolerance), or null when it is not one of ours, altered or expired.
 */
export async function decodeSessionToken(token: string, secret: string): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtDecrypt(token, sessionEncryptionKey(secret), { clockTolerance: 15 });
    return payload;
  } catch {
    return null;
  }
}

/**
 * The session cookie's value: the cookie itself or, as next-auth splits one larger than a cookie may be, its chunks
 * `name.0`, `name.1` … joined in order. Undefined without one.
 */
export function sessionCookieValue(cookies: { name: string; value: string }[], name: string): string | undefined {
  const chunks = cookies
    .filter((c) => c.name === name || (c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1))))
    .map((c) => ({ index: c.name === name ? 0 : Number(c.name.slice(name.length + 1)), value: c.value }))
    .sort((a, b) => a.index - b.index);
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : undefined;
}
