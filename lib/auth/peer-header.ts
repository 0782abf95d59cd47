import type { IncomingMessage, Server } from "node:http";

/**
 * The request header that carries the socket's remote address to the app. Next's route handlers see only a
 * Request's headers, never the socket (next-auth's authorize gets the same), and Next fills X-Forwarded-For from the
 * socket only when the client has sent none, so nothing else tells the client's own address from one it wrote.
 */
export const PEER_HEADER = "x-arshjulet-peer";

const INSTALLED = Symbol.for("arshjulet.peer-header");
// The events by which Node's HTTP server hands a request to Next.
const REQUEST_EVENTS = new Set(["request", "checkContinue", "checkExpectation"]);

/**
 * Makes `target` (Node's http.Server.prototype at start-up, see instrumentation.ts; one server in a test) write the
 * socket's address into PEER_HEADER of every request before any listener sees it, replacing whatever the client
 * sent under that name. Installing twice changes nothing.
 */
export function installPeerHeader(target: Pick<Server, "emit">): void {
  const patched = target as Pick<Server, "emit"> & { [INSTALLED]?: true };
  if (patched[INSTALLED]) return;
  const emit = target.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
  patched.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (typeof event === "string" && REQUEST_EVENTS.has(event)) {
      const req = args[0] as IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  } as Server["emit"];
  patched[INSTALLED] = true;
}
