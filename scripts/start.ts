/**
 * `npm start`: brings the database up to date (migrations, and demo data on an empty embedded database), builds the
 * app if it has not been built, then serves it. PORT (default 3000) picks the port; .env and .env.local are read first.
 */
import "./load-env.ts";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT as root, serverStartConfig } from "./env-files.ts";

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ["--import", "tsx", "scripts/db.ts", "prepare"]);
const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(path.join(root, distDir, "BUILD_ID")) || process.argv.includes("--build")) run(bin("next"), ["build"]);

const { port, env } = serverStartConfig(process.env);
const server = spawn(bin("next"), ["start", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
