/**
 * `npm run bench`: the dashboard and the ICS feed under a large verksamhet.
 *
 * Creates a throw-away PostgreSQL database (BENCH_POSTGRES_URL, default the local server), fills it with
 * 60 units × 40 activities × 5 cycles, serves the built app on it (`next start`, built first if needed),
 * signs in as a verksamhetschef over HTTP and prints p50/p95 server response times of /oversikt and of a
 * unit's ICS feed, and the number of SQL statements one dashboard and one feed send. Drops the database
 * afterwards. Prints figures; it never fails on them (the README records what was measured).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/db/generated/client.ts";
import { createAdapterFactory, createDb, type Db } from "../lib/db/index.ts";
import { applyMigrations } from "../lib/db/migrations.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { loadSessionUser } from "../lib/auth/session-user.ts";
import { ensureCycleTasks } from "../lib/cycles/instantiate.ts";
import { createCalendarFeed, getFeedCalendar } from "../lib/calendar/feeds.ts";
import { getDashboard } from "../lib/dashboard/queries.ts";
import { writeRoutineVersion } from "../lib/routines/import.ts";
import { routineDocumentSchema } from "../lib/routines/schemas.ts";
import * as clock from "../lib/clock.ts";

const UNITS = 60;
const AREAS = 6;
const ACTIVITIES = 40;
const CYCLES = 5;
const WARMUP = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const PORT = Number(process.env.BENCH_PORT ?? 3290);

const root = path.resolve(import.meta.dirname, "..");
const adminUrl = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `arshjulet_bench_${randomBytes(4).toString("hex")}`;
const dbUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
})();

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The seeded routine's 40 first activities (repeated with new keys when it has fewer), all per unit. */
function benchRoutine() {
  const source = JSON.parse(readFileSync(path.join(root, "prisma/seed/routine-brukarundersokning.json"), "utf8")) as {
    activities: Record<string, unknown>[];
  } & Record<string, unknown>;
  const activities = Array.from({ length: ACTIVITIES }, (_, i) => {
    const a = source.activities[i % source.activities.length]!;
    const month = (i % 12) + 1;
    const rest = Object.fromEntries(Object.entries(a).filter(([k]) => k !== "letterNumber"));
    return { ...rest, key: `bench-${i + 1}`, title: `${String(a.title)} (${i + 1})`, scope: "UNIT", timing: "MONTH", startMonth: month, endMonth: month, kind: "CHECKLIST" };
  });
  return routineDocumentSchema.parse({ ...source, key: "bench", title: "Benchmark-rutin", activities });
}

async function fill(db: Db, year: number) {
  const org = await db.organisation.create({ data: { slug: "benchmark", name: "Benchmark hemtjänst" } });
  for (let a = 0; a < AREAS; a++) {
    const area = await db.area.create({ data: { organisationId: org.id, name: `Område ${a + 1}`, position: a } });
    await db.unit.createMany({ data: Array.from({ length: UNITS / AREAS }, (_, u) => ({ areaId: area.id, name: `Enhet ${a + 1}.${u + 1}` })) });
  }
  await writeRoutineVersion(db, org.id, benchRoutine(), { status: "ACTIVE", publishedAt: new Date() });
  for (let y = year - CYCLES + 1; y <= year; y++) {
    const cycle = await db.cycle.create({ data: { organisationId: org.id, year: y } });
    await ensureCycleTasks(db, cycle.id);
  }
  // Most of what was due is done (near its due date), a few items are not applicable, the rest is open.
  await db.$executeRaw`UPDATE "Task" SET "status" = 'DONE', "completedAt" = "dueOn" - INTERVAL '2 days', "doneOn" = "dueOn" - 2, "version" = 2
    WHERE "dueOn" < CURRENT_DATE AND random() < 0.85`;
  await db.$executeRaw`UPDATE "Task" SET "status" = 'NOT_APPLICABLE', "notApplicableReason" = 'Benchmark', "version" = 2
    WHERE "status" = 'NOT_STARTED' AND random() < 0.3`;
  const password = randomBytes(18).toString("base64url");
  const user = await db.user.create({ data: { organisationId: org.id, email: "chef@bench.invalid", name: "Benchmark Chef", passwordHash: await hashPassword(password) } });
  await db.roleAssignment.create({ data: { userId: user.id, role: "VERKSAMHETSCHEF", organisationId: org.id } });
  const chef = await db.user.create({ data: { organisationId: org.id, email: "enhetschef@bench.invalid", name: "Benchmark Enhetschef", passwordHash: null } });
  const unit = await db.unit.findFirstOrThrow({ where: { area: { organisationId: org.id } }, orderBy: { name: "asc" } });
  await db.roleAssignment.create({ data: { userId: chef.id, role: "ENHETSCHEF", organisationId: org.id, unitId: unit.id } });
  const feed = await createCalendarFeed((await loadSessionUser(db, chef.id, chef.sessionVersion))!, { target: `enhet:${unit.id}` }, db);
  if (!feed.ok || !feed.token) throw new Error(`Kunde inte skapa kalendern: ${feed.message}`);
  return { email: user.email, password, userId: user.id, sessionVersion: user.sessionVersion, token: feed.token, tasks: await db.task.count() };
}

/** SQL statements one call sends, counted on the pool underneath a fresh client. */
async function countStatements(run: (db: Db) => Promise<unknown>): Promise<number> {
  let statements = 0;
  const pool = new pg.Pool({ connectionString: dbUrl });
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => ((statements += 1), query(...args));
  const db = new PrismaClient({ adapter: new PrismaPg(pool) }) as Db;
  try {
    await run(db); // connect and warm up
    statements = 0;
    await run(db);
    return statements;
  } finally {
    await db.$disconnect();
    await pool.end().catch(() => undefined);
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

async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  cookiesOf(response, jar);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`Inloggningen misslyckades (HTTP ${response.status}).`);
  return cookieHeader(jar);
}

async function waitForServer(base: string, server: ChildProcess) {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error("Servern avslutades innan den svarade.");
    try {
      if ((await fetch(`${base}/logga-in`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("Servern svarade inte inom en minut.");
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(label: string, url: string, headers: Record<string, string>, expect: (r: Response, body: string) => boolean) {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers, redirect: "manual" });
    const body = await response.text();
    const ms = performance.now() - started;
    if (!expect(response, body)) throw new Error(`${label}: oväntat svar (HTTP ${response.status}).`);
    if (i >= WARMUP) times.push(ms);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(28)} p50 ${percentile(times, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(times, 95).toFixed(0).padStart(5)} ms   (${RUNS} anrop)`);
}

async function main() {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    console.log("Bygger appen först (next build) …");
    const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) throw new Error("Bygget misslyckades.");
  }
  await admin(`CREATE DATABASE ${dbName}`);
  let server: ChildProcess | undefined;
  try {
    await applyMigrations(createAdapterFactory({ kind: "postgres", url: dbUrl }));
    const db = createDb({ kind: "postgres", url: dbUrl });
    const year = clock.currentCycleYear();
    const started = performance.now();
    const data = await fill(db, year);
    console.log(`Databas ${dbName}: ${UNITS} enheter × ${ACTIVITIES} aktiviteter × ${CYCLES} cykler = ${data.tasks} uppgifter (${((performance.now() - started) / 1000).toFixed(1)} s att skapa).`);

    const actor = (await loadSessionUser(db, data.userId, data.sessionVersion))!;
    const dashboardStatements = await countStatements((d) => getDashboard(actor, {}, d));
    const feedStatements = await countStatements((d) => getFeedCalendar(data.token, "http://localhost", d));
    const inProcess: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const started = performance.now();
      await getDashboard(actor, {}, db);
      if (i >= WARMUP) inProcess.push(performance.now() - started);
    }
    await db.$disconnect();
    inProcess.sort((a, b) => a - b);
    console.log(`${"Översiktens frågor (lib)".padEnd(28)} p50 ${percentile(inProcess, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(inProcess, 95).toFixed(0).padStart(5)} ms   (${RUNS} anrop, utan HTTP och rendering)`);
    console.log(`SQL-satser per anrop: översikten ${dashboardStatements}, kalenderflödet ${feedStatements} (oberoende av antalet enheter).`);

    const base = `http://127.0.0.1:${PORT}`;
    server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(PORT)], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: dbUrl, NEXTAUTH_URL: base, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1" },
    });
    await waitForServer(base, server);
    const cookie = await signIn(base, data.email, data.password);
    await measure("Översikten (/oversikt)", `${base}/oversikt`, { cookie }, (r, body) => r.status === 200 && body.includes("Enheterna månad för månad"));
    await measure("Kalenderflödet (ICS)", `${base}/kalender/${data.token}`, {}, (r, body) => r.status === 200 && body.startsWith("BEGIN:VCALENDAR"));
  } finally {
    server?.kill("SIGTERM");
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
