/**
 * `npm test`: every check the project has, in the order a failure is cheapest to find:
 * lint, typecheck, schema/migration drift, unit + integration tests (PGlite and PostgreSQL),
 * production build, browser tests in Chromium. Ends with one line "Tests: N passed, N failed".
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
// Not test-results/: Playwright empties that folder when it starts.
const out = path.join(root, ".test-report");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(out, "playwright.json") };
const steps: [string, string, string[]][] = [
  ["lint", bin("eslint"), ["."]],
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["db:check", process.execPath, ["--import", "tsx", "scripts/db.ts", "check"]],
  ["vitest", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(out, "vitest.json")}`]],
  ["build", bin("next"), ["build"]],
  ["playwright", bin("playwright"), ["test", "--reporter=list,json"]],
];

const failedSteps: string[] = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  console.log(`◀ ${name}: ${result.status === 0 ? "ok" : "MISSLYCKADES"} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (result.status !== 0) failedSteps.push(name);
}

function readJson(file: string): Record<string, unknown> | null {
  const full = path.join(out, file);
  return existsSync(full) ? (JSON.parse(readFileSync(full, "utf8")) as Record<string, unknown>) : null;
}
const vitest = readJson("vitest.json") as { numPassedTests?: number; numFailedTests?: number } | null;
const playwright = readJson("playwright.json") as { stats?: { expected?: number; unexpected?: number; flaky?: number } } | null;
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0);

if (failedSteps.length) console.log(`\nMisslyckade steg: ${failedSteps.join(", ")}`);
console.log(`Tests: ${passed} passed, ${failed + (failedSteps.length && !failed ? 1 : 0)} failed`);
process.exit(failedSteps.length ? 1 : 0);
