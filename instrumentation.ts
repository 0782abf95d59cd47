/** Runs once when the server starts: refuses an unsafe production start (lib/auth/production-guard.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ enforceProductionSafety }, { getDb }, { getEnv }, { installPeerHeader }, http] = await Promise.all([
    import("./lib/auth/production-guard"),
    import("./lib/db"),
    import("./lib/env"),
    import("./lib/auth/peer-header"),
    import("node:http"),
  ]);
  // Before the first request: the sign-in throttle counts by the socket's address (lib/auth/peer-header.ts).
  installPeerHeader(http.Server.prototype);
  await enforceProductionSafety(getEnv(), getDb());
}
