/**
 * Where to go after signing in: only a path on this site. `//evil.host/`, `/\evil.host` and anything with a scheme
 * or control characters would leave the origin (browsers read a backslash as a slash), so they fall back to "/".
 */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.startsWith("//")) return fallback;
  const base = "http://arshjulet.invalid";
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
