/**
 * Runs once when the server starts: the request log (lib/request-log.ts), the request guards, the refusal of an
 * unsafe production start (lib/auth/production-guard.ts), and then, in a worker of `node scripts/serve.mjs`, the word
 * that it serves.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ enforceProductionSafety }, { getDb }, { getEnv }, { installPeerHeader }, { installRequestGuard }, http, log, { announceServerReady }] = await Promise.all([
    import("./lib/auth/production-guard"),
    import("./lib/db"),
    import("./lib/env"),
    import("./lib/auth/peer-header"),
    import("./lib/request-guard"),
    import("node:http"),
    import("./lib/request-log"),
    import("./lib/server-processes"),
  ]);
  const format = getEnv().LOG_FORMAT;
  log.installConsoleFormat(format);
  // Before the first request: the sign-in throttle counts by the socket's address (lib/auth/peer-header.ts).
  installPeerHeader(http.Server.prototype);
  // Our headers on every response; TRACE and other methods we do not serve (405) and addresses that do not decode
  // (400) answered before Next.js, which cannot make a Request of the one and re-encodes the other.
  installRequestGuard(http.Server.prototype, getEnv().NEXTAUTH_URL);
  // Last, so that it is outermost: a line per request (also those refused above) with the route's pattern, never the address.
  log.installRequestLog(http.Server.prototype, { format, matchRoute: log.appRouteMatcher() });
  await enforceProductionSafety(getEnv(), getDb());
  // Past the checks: a worker of `node scripts/serve.mjs` (issue 35) now counts as serving.
  announceServerReady();
}
