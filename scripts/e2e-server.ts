/**
 * The server the browser tests run against: the real start script on a fresh embedded database
 * under .data/e2e-<port> (never DATABASE_URL, so the tests can't touch a real database).
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data", `e2e-${process.env.PORT ?? "3210"}`);
rmSync(dataDir, { recursive: true, force: true });

// An empty DATABASE_URL means "embedded" (lib/env.ts).
const env = { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" };
const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
