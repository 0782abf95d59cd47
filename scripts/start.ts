/**
 * `npm start`: brings the database up to date (migrations, and demo data on an empty embedded database), builds the
 * app if it has not been built or its source has changed since (scripts/build-fingerprint.ts; `--build` forces it),
 * then serves it with the standalone server (`<distDir>/standalone/scripts/serve.mjs`, which runs its server.js, made
 * complete by scripts/standalone.ts: the same server a production install runs, docs/drift.md; one process per core
 * on PostgreSQL, scripts/serve.ts). Next.js telemetry is off unless NEXT_TELEMETRY_DISABLED
 * is set otherwise. PORT (default 3000) picks the port; .env and .env.local are read first.
 */
import "./load-env.ts";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { buildApp, buildReason } from "./build-fingerprint.ts";
import { REPO_ROOT as root, serverStartConfig } from "./env-files.ts";
import { ensureStandalone } from "./standalone.ts";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";

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
// A build made by `next build` straight (the browser tests' set-up does) gets its static files and commands here.
const standalone = await ensureStandalone(root, distDir);

const { port, env } = serverStartConfig(process.env);
const server = spawn(process.execPath, [path.join(standalone, "scripts", "serve.mjs")], { cwd: standalone, env: standaloneServerEnv(env, port), stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

/**
 * The standalone server runs in its own directory: the embedded database's folder is made absolute against the
 * project root first, so that it stays where `npm run db:migrate` and the other commands put it.
 */
function standaloneServerEnv(base: NodeJS.ProcessEnv, listenPort: string): NodeJS.ProcessEnv {
  return {
    ...base,
    PORT: listenPort,
    // server.js listens on HOSTNAME, which a shell or a container sets to the machine's name: all interfaces, as `next start`.
    HOSTNAME: "0.0.0.0",
    PGLITE_DATA_DIR: path.resolve(root, base.PGLITE_DATA_DIR || ".data/pglite"),
  };
}
