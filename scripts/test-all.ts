/**
 * `npm test`: every check the project has, cheapest first, stopping at the first step that fails:
 * 1. lint and typecheck, side by side;
 * 2. unit and integration tests (PGlite and PostgreSQL; schema/migration drift, as `npm run db:check`, is one
 *    of them), and beside them the production build and the browser tests' databases (the integration tests
 *    often wait on PostgreSQL, which leaves a core free);
 * 3. the unit tests again as of two other dates, under faketime;
 * 4. the browser tests in Chromium.
 * Prints each step's time, then "Tests: N passed, N failed" and the total time.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { prepareDatabasesArgs } from "../tests/e2e/servers.ts";

const root = path.resolve(import.meta.dirname, "..");
// Not test-results/: Playwright empties that folder when it starts.
const out = path.join(root, ".test-report");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(out, "playwright.json"), E2E_DATABASES_PREPARED: "1" };
/** Days on which the unit tests run again: a new year's first Monday, and a leap day late in the evening (UTC is a day behind). */
const OTHER_DAYS = ["2027-01-04 09:00:00", "2028-02-29 23:30:00"];

type Command = { name: string; command: string; args: string[]; env?: Record<string, string> };
/** A step is one command, or several that run side by side with their output shown when each ends. */
type Step = { name: string; commands: Command[] };

const vitestJson = (name: string) => ["--reporter=default", "--reporter=json", `--outputFile.json=${path.join(out, `${name}.json`)}`];
const steps: Step[] = [
  {
    name: "lint, typecheck",
    commands: [
      { name: "lint", command: bin("eslint"), args: ["."] },
      { name: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
    ],
  },
  {
    name: "vitest, build",
    commands: [
      { name: "vitest", command: bin("vitest"), args: ["run", ...vitestJson("vitest")] },
      // npm run build: next build and the complete standalone directory, as the Dockerfile builds it.
      { name: "build", command: process.execPath, args: ["--import", "tsx", "scripts/build.ts"], env: { ARSHJULET_TYPECHECKED: "1", NEXT_TELEMETRY_DISABLED: "1" } },
      { name: "webbläsartesternas databaser", command: process.execPath, args: prepareDatabasesArgs() },
    ],
  },
  {
    name: "enhetstester vid andra datum",
    commands: OTHER_DAYS.map((day, i) => ({ name: `unit ${day}`, command: "faketime", args: [day, bin("vitest"), "run", "--project", "unit", ...vitestJson(`unit-${i}`)] })),
  },
  { name: "playwright", commands: [{ name: "playwright", command: bin("playwright"), args: ["test", "--reporter=list,json"] }] },
];

function run({ command, args, env: extra }: Command, buffered: boolean): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...env, ...extra }, stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) => resolve({ ok: false, output: `${output}\n${command}: ${error.message}${command === "faketime" ? " (installera Debians paket faketime)" : ""}` }));
    child.on("close", (code) => resolve({ ok: code === 0, output }));
  });
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const started = Date.now();
let failedStep: string | null = null;
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const stepStarted = Date.now();
  const buffered = step.commands.length > 1;
  const results = await Promise.all(
    step.commands.map(async (command) => {
      const commandStarted = Date.now();
      const result = await run(command, buffered);
      if (buffered) {
        console.log(`— ${command.name}: ${result.ok ? "ok" : "MISSLYCKADES"} (${seconds(commandStarted)})`);
        // A failure shows all it said; a success its last lines (vitest's summary, the build's route list).
        console.log(result.ok ? result.output.trimEnd().split("\n").slice(-6).join("\n") : result.output);
      }
      return result.ok;
    }),
  );
  const ok = results.every(Boolean);
  console.log(`◀ ${step.name}: ${ok ? "ok" : "MISSLYCKADES"} (${seconds(stepStarted)})`);
  if (!ok) {
    failedStep = step.name;
    break;
  }
}

function readJson<T>(file: string): T | null {
  const full = path.join(out, file);
  return existsSync(full) ? (JSON.parse(readFileSync(full, "utf8")) as T) : null;
}
type VitestReport = { numPassedTests?: number; numFailedTests?: number };
const vitestReports = ["vitest.json", ...OTHER_DAYS.map((_, i) => `unit-${i}.json`)].map((f) => readJson<VitestReport>(f));
const playwright = readJson<{ stats?: { expected?: number; unexpected?: number; flaky?: number } }>("playwright.json");
const passed = vitestReports.reduce((n, r) => n + (r?.numPassedTests ?? 0), 0) + (playwright?.stats?.expected ?? 0);
const failed = vitestReports.reduce((n, r) => n + (r?.numFailedTests ?? 0), 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0);

if (failedStep) console.log(`\nMisslyckat steg: ${failedStep} (de senare stegen kördes inte)`);
console.log(`Tests: ${passed} passed, ${failed + (failedStep && !failed ? 1 : 0)} failed`);
console.log(`Total tid: ${seconds(started)}`);
process.exit(failedStep ? 1 : 0);
