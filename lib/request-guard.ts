import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { contentSecurityPolicy, isSharedPath, securityHeaders, sharedPageHeaders } from "./security-headers.ts";

/** The HTTP methods the app answers; anything else gets 405 (proxy.ts, and below for what never reaches it). */
export const ALLOWED_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "POST", "OPTIONS"]);

// No address has a reason to carry these once decoded: C0 and C1 controls (line breaks and tabs too), the two
// non-characters XML 1.0 forbids. Lone surrogates never get this far: decodeURIComponent refuses them.
const URL_CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/;

/**
 * Whether the path and query of an address (as the client sent them, "/a/b?c=d") percent-decode part by part to
 * valid UTF-8 without a control character. Malformed encoding (%ZZ, a bare %, %FF, overlong or surrogate sequences)
 * and NUL (which PostgreSQL refuses with an error) fail it.
 */
export function addressDecodesCleanly(pathAndQuery: string): boolean {
  const at = pathAndQuery.indexOf("?");
  const path = at < 0 ? pathAndQuery : pathAndQuery.slice(0, at);
  const query = at < 0 ? "" : pathAndQuery.slice(at + 1);
  const parts = [...path.split("/"), ...(query ? query.split(/[&=]/).map((part) => part.replace(/\+/g, " ")) : [])];
  for (const part of parts) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return false;
    }
    if (URL_CONTROL.test(decoded)) return false;
  }
  return true;
}

const INSTALLED = Symbol.for("arshjulet.request-guard");

/**
 * Makes `target` (Node's http.Server.prototype at start-up, see instrumentation.ts) look at every request before
 * Next.js does (issue 30, H7):
 * - every response starts with our security headers, so that the answers Next.js gives of its own (the 308 that
 *   normalises `//x` or `/a/..`, its own 400s and 404s) carry them too; the app's headers replace them where it sets its own;
 * - a method the app does not serve gets 405: Next builds a fetch Request for proxy.ts, which refuses TRACE, TRACK and
 *   CONNECT with a 500 of its own;
 * - an address that does not decode cleanly gets 400: Next re-encodes a malformed query (`%FF` reaches the app as the
 *   text "%FF"), so proxy.ts cannot tell it any more.
 * Installing twice changes nothing.
 */
export function installRequestGuard(target: Pick<Server, "emit">, publicUrl: string | undefined): void {
  const patched = target as Pick<Server, "emit"> & { [INSTALLED]?: true };
  if (patched[INSTALLED]) return;
  const emit = target.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
  patched.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      // The share page may be framed (issue 33): it gets its own headers, without X-Frame-Options.
      const headers = isSharedPath(req.url ?? "/") ? sharedPageHeaders(publicUrl) : securityHeaders(publicUrl);
      for (const { key, value } of headers) res.setHeader(key, value);
      if (!ALLOWED_METHODS.has(req.method ?? "")) {
        refuse(res, 405, "Metoden stöds inte.");
        return true;
      }
      if (!addressDecodesCleanly(req.url ?? "/")) {
        refuse(res, 400, "Felaktig begäran: adressen kunde inte läsas.");
        return true;
      }
    }
    return emit.call(this, event, ...args);
  } as Server["emit"];
  patched[INSTALLED] = true;
}

function refuse(res: ServerResponse, status: 400 | 405, message: string): void {
  res.statusCode = status;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(null));
  if (status === 405) res.setHeader("Allow", [...ALLOWED_METHODS].join(", "));
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(`${message}\n`);
}
