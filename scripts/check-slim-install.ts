/**
 * `npm run check:slim-install` (by hand; too slow for every CI run, see docs/drift.md "Produktionsinstallation"):
 * the production install path from a clean copy of this checkout, with no development packages and no network.
 *
 * 1. Copies the checkout's files (tracked and new, not ignored) to a temporary directory.
 * 2. `npm ci --omit=dev --offline` there (from the npm cache), then `npm run build`.
 * 3. In the copy, on an embedded database: `npm run db:migrate`, `npm run setup`, `npm run reminders`,
 *    `npm run kolada` (a fake SMTP server and a fake Kolada on loopback ports; the new verksamhet has no Kolada id,
 *    which the command reads from the database and says) and `npm start`, which must answer /api/health,
 *    /api/ready and /logga-in.
 * 4. The standalone directory alone, copied elsewhere, on a new PostgreSQL database: the compiled commands
 *    (`node scripts/db.mjs migrate`, `setup.mjs`, `reminders.mjs`, `kolada.mjs`) and `node scripts/serve.mjs`.
 * Prints each step's time and the sizes (du) of node_modules after --omit=dev and of the standalone directory.
 * `--keep` leaves the temporary directories. Exits non-zero at the first failure.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startFakeKolada } from "../tests/support/fake-kolada.ts";
import { startSmtp } from "../tests/support/smtp.ts";
import { E2E_KOLADA, E2E_KOLADA_YEAR } from "../tests/e2e/kolada-data.ts";

const root = path.resolve(import.meta.dirname, "..");
const keep = process.argv.includes("--keep");
const port = Number(process.env.CHECK_PORT ?? 6410);
const adminUrl = process.env.CHECK_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const work = mkdtempSync(path.join(tmpdir(), "arshjulet-slim-"));
const checkout = path.join(work, "checkout");
const server = path.join(work, "server");
const database = `arshjulet_slim_${process.pid}`;
const started = Date.now();
const NO_KOLADA_ID = "Ingen verksamhet har kommunens id i Kolada";
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/**
 * Runs a step, asynchronously (the fake SMTP server and Kolada answer from this process); `expected` is a text its
 * output must hold instead of exiting 0 (a refusal that proves it ran).
 */
async function step(what: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }, expected?: string): Promise<string> {
  const since = Date.now();
  const child = spawn(command, args, options);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (expected ? !output.includes(expected) : status !== 0) throw new Error(`${what} misslyckades (${status}):\n${output.split("\n").slice(-40).join("\n")}`);
  console.log(`✓ ${what} (${seconds(since)})`);
  return output;
}

const du = (dir: string) => spawnSync("du", ["-sh", dir], { encoding: "utf8" }).stdout.split("\t")[0];

async function serve(what: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const since = Date.now();
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${what} svarade inte:\n${log.split("\n").slice(-30).join("\n")}`);
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Ready once the database has answered within a second: the first request opens it (PGlite takes a while).
    let ready = await fetch(`${base}/api/ready`);
    for (let i = 0; i < 30 && ready.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      ready = await fetch(`${base}/api/ready`);
    }
    if (ready.status !== 200) throw new Error(`${what}: /api/ready svarade ${ready.status} ${await ready.text()}.`);
    const signIn = await fetch(`${base}/logga-in`);
    if (signIn.status !== 200) throw new Error(`${what}: /logga-in svarade ${signIn.status}.`);
    const page = await (await fetch(`${base}/logga-in`)).text();
    const css = page.match(/\/_next\/static\/[^"]+\.css/)?.[0];
    if (!css || !(await fetch(`${base}${css}`)).ok) throw new Error(`${what}: sidans stilmall (${css ?? "ingen"}) saknas.`);
    console.log(`✓ ${what}: /api/health, /api/ready, /logga-in och ${css} svarar (${seconds(since)})`);
  } finally {
    // The whole process group: npm start's server is a child of its own.
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

const admin = new pg.Client({ connectionString: adminUrl });
let connected = false;
const kolada = await startFakeKolada(E2E_KOLADA);
const smtp = await startSmtp();
try {
  const files = spawnSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" }).stdout.split("\0").filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(checkout, file));
  }
  console.log(`Kopia av utcheckningen (${files.length} filer): ${checkout}`);

  // No .env of the developer's, no database of theirs: an embedded database inside the copy.
  const base = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", KOLADA_BASE_URL: kolada.baseUrl, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } satisfies NodeJS.ProcessEnv;
  const embedded = { ...base, PGLITE_DATA_DIR: path.join(work, "pglite"), PORT: String(port), NEXTAUTH_URL: `http://127.0.0.1:${port}` };
  await step("npm ci --omit=dev --offline", "npm", ["ci", "--omit=dev", "--offline", "--no-audit", "--no-fund"], { cwd: checkout, env: base });
  const nodeModules = du(path.join(checkout, "node_modules"));
  await step("npm run build", "npm", ["run", "build"], { cwd: checkout, env: base });
  await step("npm run db:migrate (inbyggd databas)", "npm", ["run", "db:migrate"], { cwd: checkout, env: embedded });
  await step("npm run setup", "npm", ["run", "setup", "--", "--organisation", "Hemtjänsten i Provstad", "--admin-email", "admin@provstad.example", "--admin-name", "Ada Admin"], { cwd: checkout, env: embedded });
  await step("npm run reminders", "npm", ["run", "reminders"], { cwd: checkout, env: embedded });
  // A new verksamhet has no Kolada id: the command reads the database and says so.
  await step("npm run kolada", "npm", ["run", "kolada", "--", "--year", String(E2E_KOLADA_YEAR)], { cwd: checkout, env: embedded }, NO_KOLADA_ID);
  await serve("npm start", "npm", ["start"], checkout, embedded);

  // The standalone directory alone is the server's whole install.
  cpSync(path.join(checkout, ".next", "standalone"), server, { recursive: true });
  const standalone = du(server);
  await admin.connect();
  connected = true;
  await admin.query(`CREATE DATABASE ${database}`);
  const postgres = { ...base, DATABASE_URL: `${adminUrl.replace(/\/[^/]*$/, "")}/${database}`, NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: "slim-install-check-secret-0123456789abcdef", ACCESSIBILITY_CONTACT_EMAIL: "tillganglighet@provstad.example" };
  await step("node scripts/db.mjs migrate (PostgreSQL)", process.execPath, ["scripts/db.mjs", "migrate"], { cwd: server, env: postgres });
  await step("node scripts/setup.mjs", process.execPath, ["scripts/setup.mjs", "--organisation", "Hemtjänsten i Provstad", "--admin-email", "admin@provstad.example", "--admin-name", "Ada Admin"], { cwd: server, env: postgres });
  await step("node scripts/reminders.mjs", process.execPath, ["scripts/reminders.mjs"], { cwd: server, env: postgres });
  await step("node scripts/kolada.mjs", process.execPath, ["scripts/kolada.mjs", "--year", String(E2E_KOLADA_YEAR)], { cwd: server, env: postgres }, NO_KOLADA_ID);
  await serve("node scripts/serve.mjs (standalone)", process.execPath, ["scripts/serve.mjs"], server, { ...postgres, PORT: String(port), HOSTNAME: "127.0.0.1" });

  console.log(`\nnode_modules efter npm ci --omit=dev: ${nodeModules}`);
  console.log(`Standalone-katalogen (server.js, node_modules, .next/static, public, prisma, scripts): ${standalone}`);
  console.log(`Klart på ${seconds(started)}.`);
} finally {
  await kolada.close();
  await smtp.close();
  // A client that never connected would wait for ever.
  if (connected) {
    await admin.query(`DROP DATABASE IF EXISTS ${database}`).catch(() => {});
    await admin.end().catch(() => {});
  }
  if (keep) console.log(`Kvar: ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
