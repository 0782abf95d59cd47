/**
 * `npm start`: brings the database up to date (migrations, and demo data on an empty embedded database), builds the
 * app if it has not been built or its source has changed since (scripts/build-fingerprint.ts; `--build` forces it),
 * then serves it. Next.js telemetry is off unless NEXT_TELEMETRY_DISABLED is set otherwise. PORT (default 3000) picks the port; .env and .env.local are read first.
 */
import "./load-env.ts";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { buildApp, buildReason } from "./build-fingerprint.ts";
import { REPO_ROOT as root, serverStartConfig } from "./env-files.ts";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ["--import", "tsx", "scripts/db.ts", "prepare"]);
const distDir = process.env.NEXT_DIST_DIR || ".next";
const reason = process.argv.includes("--build") ? "--build" : buildReason(root, distDir);
if (reason) {
  console.log(`Bygger appen (${reason}) …`);
  const status = buildApp(root, distDir);
  if (status !== 0) process.exit(status);
}

const { port, env } = serverStartConfig(process.env);
const server = spawn(bin("next"), ["start", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
