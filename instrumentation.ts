/** Runs once when the server starts: refuses an unsafe production start with one line (lib/auth/production-guard.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ findProductionProblem }, { getDb }, { getEnv }] = await Promise.all([
    import("./lib/auth/production-guard"),
    import("./lib/db"),
    import("./lib/env"),
  ]);
  const problem = await findProductionProblem(getEnv(), getDb());
  if (problem) {
    console.error(`Årshjulet startar inte: ${problem}`);
    process.exit(1);
  }
}
