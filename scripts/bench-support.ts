/**
 * What `npm run bench` and `npm run load` share: a throw-away PostgreSQL database filled like a large verksamhet
 * (N units × 40 activities × 5 cycles), the built app served on it (`next start`), signing in over HTTP, the
 * tick-off server action as the browser sends it, and percentiles. Nothing here fails on a figure.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureStandalone } from "./standalone.ts";
import { createAdapterFactory, type Db } from "../lib/db/index.ts";
import { applyMigrations } from "../lib/db/migrations.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { loadSessionUser } from "../lib/auth/session-user.ts";
import { ensureCycleTasks } from "../lib/cycles/instantiate.ts";
import { createCalendarFeed } from "../lib/calendar/feeds.ts";
import { writeRoutineVersion } from "../lib/routines/import.ts";
import { routineDocumentSchema } from "../lib/routines/schemas.ts";
import * as clock from "../lib/clock.ts";

export const ACTIVITIES = 40;
export const CYCLES = 5;
export const root = path.resolve(import.meta.dirname, "..");
const adminUrl = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** `--name value` from the command line, or the fallback. */
export function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}
export const flag = (name: string) => process.argv.includes(`--${name}`);

export async function admin(sql: string, url = adminUrl) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database arshjulet_bench_<hex> on the PostgreSQL server; drop() removes it. */
export async function createBenchDatabase() {
  const name = `arshjulet_bench_${randomBytes(4).toString("hex")}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await admin(`CREATE DATABASE ${name}`);
  await applyMigrations(createAdapterFactory({ kind: "postgres", url: url.toString() }));
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The seeded routine's 40 first activities (repeated with new keys when it has fewer), all per unit, one a month in turn. */
function benchRoutine() {
  const source = JSON.parse(readFileSync(path.join(root, "prisma/seed/routine-brukarundersokning.json"), "utf8")) as {
    activities: Record<string, unknown>[];
  } & Record<string, unknown>;
  const activities = Array.from({ length: ACTIVITIES }, (_, i) => {
    const a = source.activities[i % source.activities.length]!;
    const month = (i % 12) + 1;
    const rest = Object.fromEntries(Object.entries(a).filter(([k]) => k !== "letterNumber"));
    // Meetings, APT, workshops and brukarfika keep their kind, so that the planning check has its day-bound steps.
    const kind = ["MEETING", "APT", "WORKSHOP", "USER_CAFE"].includes(String(a.kind)) ? a.kind : "CHECKLIST";
    return { ...rest, key: `bench-${i + 1}`, title: `${String(a.title)} (${i + 1})`, scope: "UNIT", timing: "MONTH", startMonth: month, endMonth: month, kind };
  });
  // A calendar-year routine (start month 1), so that this year's cycle is the current one and open on any date.
  return routineDocumentSchema.parse({ ...source, key: "bench", title: "Benchmark-rutin", startMonth: 1, activities });
}

export type Account = { email: string; password: string; userId: string; sessionVersion: number; unitId?: string };
export type BenchData = { organisationId: string; tasks: number; token: string; chef: Account; reviewer: Account; unitChiefs: Account[] };

/**
 * units units in units/10 areas, 40 monthly activities each, 5 cycles up to this year; 85 % of what was due is done,
 * 30 % of the rest not applicable. A verksamhetschef, a kvalitetshandläggare and `chiefs` enhetschefer (one unit each,
 * the first units in name order) with random passwords, and an ICS feed of the first unit.
 */
export async function fill(db: Db, units: number, chiefs = 1): Promise<BenchData> {
  const year = clock.currentCycleYear();
  const areas = Math.max(1, Math.round(units / 10));
  const org = await db.organisation.create({ data: { slug: "benchmark", name: "Benchmark hemtjänst" } });
  for (let a = 0; a < areas; a++) {
    const area = await db.area.create({ data: { organisationId: org.id, name: `Område ${a + 1}`, position: a } });
    const count = Math.floor(units / areas) + (a < units % areas ? 1 : 0);
    await db.unit.createMany({ data: Array.from({ length: count }, (_, u) => ({ areaId: area.id, name: `Enhet ${a + 1}.${u + 1}` })) });
  }
  await writeRoutineVersion(db, org.id, benchRoutine(), { status: "ACTIVE", publishedAt: new Date() });
  for (let y = year - CYCLES + 1; y <= year; y++) {
    const cycle = await db.cycle.create({ data: { organisationId: org.id, year: y } });
    await ensureCycleTasks(db, cycle.id);
  }
  await db.$executeRaw`UPDATE "Task" SET "status" = 'DONE', "completedAt" = "dueOn" - INTERVAL '2 days', "doneOn" = "dueOn" - 2, "version" = 2
    WHERE "dueOn" < CURRENT_DATE AND random() < 0.85`;
  await db.$executeRaw`UPDATE "Task" SET "status" = 'NOT_APPLICABLE', "notApplicableReason" = 'Benchmark', "version" = 2
    WHERE "status" = 'NOT_STARTED' AND random() < 0.3`;
  await db.$executeRaw`ANALYZE`;

  const account = async (email: string, role: "VERKSAMHETSCHEF" | "KVALITETSHANDLAGGARE" | "ENHETSCHEF", unitId?: string): Promise<Account> => {
    const password = randomBytes(18).toString("base64url");
    const user = await db.user.create({ data: { organisationId: org.id, email, name: `Benchmark ${role.toLowerCase()}`, passwordHash: await hashPassword(password) } });
    await db.roleAssignment.create({ data: { userId: user.id, role, organisationId: org.id, unitId } });
    return { email, password, userId: user.id, sessionVersion: user.sessionVersion, unitId };
  };
  const chef = await account("chef@bench.invalid", "VERKSAMHETSCHEF");
  const reviewer = await account("granskare@bench.invalid", "KVALITETSHANDLAGGARE");
  const firstUnits = await db.unit.findMany({ where: { area: { organisationId: org.id } }, orderBy: [{ area: { position: "asc" } }, { name: "asc" }], take: chiefs, select: { id: true } });
  const unitChiefs: Account[] = [];
  for (const [i, unit] of firstUnits.entries()) unitChiefs.push(await account(`enhetschef-${i + 1}@bench.invalid`, "ENHETSCHEF", unit.id));
  const feedOwner = (await loadSessionUser(db, unitChiefs[0]!.userId, unitChiefs[0]!.sessionVersion))!;
  const feed = await createCalendarFeed(feedOwner, { target: `enhet:${firstUnits[0]!.id}` }, db);
  if (!feed.ok || !feed.token) throw new Error(`Kunde inte skapa kalendern: ${feed.message}`);
  return { organisationId: org.id, tasks: await db.task.count(), token: feed.token, chef, reviewer, unitChiefs };
}

export function ensureBuilt() {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (existsSync(path.join(root, distDir, "BUILD_ID"))) return;
  console.log("Bygger appen först (next build) …");
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("Bygget misslyckades.");
}

/** The id of the checklist's server action (saveTaskAction), from the build's manifest. */
export function tickActionId(): string {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(root, distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, a]) => a.exportedName === "saveTaskAction")?.[0];
  if (!id) throw new Error("Hittade inte checklistans server action i byggets manifest.");
  return id;
}

export type AppServer = { base: string; process: ChildProcess; started: number; ready: number };

/**
 * `next start` on the database at port. With sqlPort, the server counts its SQL statements and tells the count at
 * http://127.0.0.1:sqlPort/ (scripts/bench-sql-counter.mjs, loaded before the app). With profilePort, its CPU
 * profiler is started and stopped at http://127.0.0.1:profilePort/start and /stop (scripts/bench-cpu-profiler.mjs).
 * With processes, the production install's server instead (`node scripts/serve.mjs` in the standalone directory,
 * with WEB_CONCURRENCY=processes, as the Dockerfile and the systemd unit run it); not with sqlPort or profilePort,
 * which hook one process.
 */
export async function startServer(
  dbUrl: string,
  port: number,
  secret: string,
  options: { sqlPort?: number; profilePort?: number; env?: Record<string, string>; processes?: number } = {},
): Promise<AppServer> {
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const nodeOptions = [
    options.sqlPort ? `--import ${path.join(root, "scripts/bench-sql-counter.mjs")}` : "",
    options.profilePort ? `--import ${path.join(root, "scripts/bench-cpu-profiler.mjs")}` : "",
  ].filter(Boolean).join(" ");
  if (options.processes && nodeOptions) throw new Error("Serverns processer kan inte räknas eller profileras: starta med next start.");
  const standalone = options.processes ? await ensureStandalone(root, process.env.NEXT_DIST_DIR || ".next") : "";
  const [command, args, cwd] = options.processes
    ? [process.execPath, [path.join(standalone, "scripts", "serve.mjs")], standalone]
    : [path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], root];
  const child = spawn(command, args, {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...(options.processes ? { PORT: String(port), HOSTNAME: "127.0.0.1", WEB_CONCURRENCY: String(options.processes), NODE_ENV: "production" } : {}),
      DATABASE_URL: dbUrl,
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: secret,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: [process.env.NODE_OPTIONS ?? "", nodeOptions].join(" ").trim(),
      ...(options.sqlPort ? { BENCH_SQL_PORT: String(options.sqlPort) } : {}),
      ...(options.profilePort ? { BENCH_PROFILE_PORT: String(options.profilePort) } : {}),
      ...options.env,
    },
  });
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error("Servern avslutades innan den svarade.");
    try {
      if ((await fetch(`${base}/logga-in`)).ok) return { base, process: child, started, ready: performance.now() };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("Servern svarade inte inom en minut.");
}

/** The SQL statements the server has sent so far (see startServer). */
export async function sqlCount(sqlPort: number): Promise<number> {
  return Number(await (await fetch(`http://127.0.0.1:${sqlPort}/`)).text());
}

/** A process and its descendants (Linux /proc): `next start` serves from a child process, `node scripts/serve.mjs` from its workers. */
function processTree(pid: number): number[] {
  const tree = [pid];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(" ").filter(Boolean)) tree.push(...processTree(Number(child)));
    }
  } catch {
    // ended meanwhile
  }
  return tree;
}

/**
 * CPU time (user + system) in ms that a process and its descendants have used so far, from /proc (Linux; null
 * elsewhere). Clock ticks: 10 ms resolution.
 */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const ticks = processTree(pid).map((p, i) => {
    const stat = readProc(p, "stat");
    if (stat === null) return i === 0 ? NaN : 0; // the process itself must be there; a worker may have just ended
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  });
  const total = ticks.reduce((a, b) => a + b, 0);
  return Number.isFinite(total) ? total * 10 : null;
}

/** Resident memory of a process and its descendants in MB, from /proc (Linux). */
export function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const kb = processTree(pid).map((p, i) => {
    const status = readProc(p, "status");
    return status === null ? (i === 0 ? NaN : 0) : Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  });
  const total = kb.reduce((a, b) => a + b, 0);
  return Number.isFinite(total) ? Math.round(total / 1024) : null;
}

/** /proc/<pid>/<file>, or null when the process has ended (or this is not Linux). */
function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}

function cookiesOf(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in with e-mail and password through next-auth's credentials callback; the session cookie header. */
export async function signIn(base: string, account: Pick<Account, "email" | "password">): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email: account.email, password: account.password, json: "true" }),
  });
  cookiesOf(response, jar);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`Inloggningen misslyckades (HTTP ${response.status}).`);
  return cookieHeader(jar);
}

/**
 * A tick-off as the checklist sends it with JavaScript: the server action's id in Next-Action, the arguments
 * (previous state, the form) encoded as React does (the form's fields prefixed "_1_", the root "0"), on /checklista.
 * The answer is the action's result and the re-rendered checklist (text/x-component).
 */
export function tickRequest(actionId: string, cookie: string, task: { id: string; version: number }): { path: string; init: RequestInit } {
  const body = new FormData();
  body.append("_1_intent", "status");
  body.append("_1_taskId", task.id);
  body.append("_1_version", String(task.version));
  body.append("_1_status", "DONE");
  body.append("0", JSON.stringify([null, "$K1"]));
  return { path: "/checklista", init: { method: "POST", headers: { cookie, accept: "text/x-component", "next-action": actionId }, body } };
}

/** The tick-off's answer says it was saved (the action's message), not a refusal. */
export const tickSaved = (status: number, body: string) => status === 200 && body.includes('"ok":true');

/** Open tasks of the current cycle in a unit, oldest due first: what an enhetschef ticks off. */
export async function openTasks(db: Db, unitId: string) {
  return db.task.findMany({
    where: { unitId, cycle: { year: clock.currentCycleYear() }, status: "NOT_STARTED" },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    select: { id: true, version: true },
  });
}

export const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!);

/** The machine as the figures were measured on it: cores and load average (other engineers share it). */
export function machine(): string {
  const [l1, l5, l15] = os.loadavg().map((l) => l.toFixed(2));
  return `cpus=${os.cpus().length} load_1m=${l1} load_5m=${l5} load_15m=${l15} node=${process.version}`;
}

export const newSecret = () => randomBytes(32).toString("base64url");
