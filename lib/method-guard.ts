import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { contentSecurityPolicy, securityHeaders } from "./security-headers.ts";

/** The HTTP methods the app answers; anything else gets 405 (proxy.ts, and below for what never reaches it). */
export const ALLOWED_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "POST", "OPTIONS"]);

const INSTALLED = Symbol.for("arshjulet.method-guard");

/**
 * Makes `target` (Node's http.Server.prototype at start-up, see instrumentation.ts) answer a request with a method
 * the app does not serve with 405 and our security headers before Next.js sees it: Next builds a fetch Request for
 * proxy.ts, which refuses TRACE, TRACK and CONNECT with a 500 of its own (issue 30, H7). Installing twice changes nothing.
 */
export function installMethodGuard(target: Pick<Server, "emit">, publicUrl: string | undefined): void {
  const patched = target as Pick<Server, "emit"> & { [INSTALLED]?: true };
  if (patched[INSTALLED]) return;
  const emit = target.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
  patched.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      if (!ALLOWED_METHODS.has(req.method ?? "")) {
        refuseMethod(res, publicUrl);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  } as Server["emit"];
  patched[INSTALLED] = true;
}

function refuseMethod(res: ServerResponse, publicUrl: string | undefined): void {
  res.statusCode = 405;
  for (const { key, value } of securityHeaders(publicUrl)) res.setHeader(key, value);
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(null));
  res.setHeader("Allow", [...ALLOWED_METHODS].join(", "));
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end("Metoden stöds inte.\n");
}
