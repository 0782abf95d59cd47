const BASE = "http://arshjulet.invalid";

/**
 * Where to go after signing in: only a path on this site, decided on the URL as a browser will read it (issue 30,
 * H4): the value is resolved against our own origin with the URL parser, which undoes `.` and `..` segments and
 * percent-encoded dots, and is accepted only if the origin is unchanged and the normalised path does not start with
 * `//` or `/\` and holds no percent-encoded slash or backslash, which a browser or router would take for another host. The
 * normalised path, query and fragment are returned; anything else falls back. A value that does not start with one
 * slash, or holds a backslash or control character, is refused before parsing (the parser would drop or turn them).
 */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // No path of ours holds an encoded slash or backslash: a router that decodes one could still make it `//host`.
  if (/^\/[/\\]/.test(url.pathname) || /%2f|%5c/i.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
