/** Runs once when the server starts: refuses an unsafe production start (lib/auth/production-guard.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ enforceProductionSafety }, { getDb }, { getEnv }] = await Promise.all([
    import("./lib/auth/production-guard"),
    import("./lib/db"),
    import("./lib/env"),
  ]);
  await enforceProductionSafety(getEnv(), getDb());
}
