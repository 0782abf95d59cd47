/**
 * `npm run bench [-- --units 600] [--runs 60]`: every main page and one tick-off under a large verksamhet.
 *
 * Creates a throw-away PostgreSQL database (BENCH_POSTGRES_URL, default the local server), fills it with
 * N units (default 60) × 40 activities × 5 cycles, serves the built app on it (`next start`, built first if needed)
 * and, signed in over HTTP as the role that uses each page, prints one line per page:
 *   BENCH page=/oversikt units=60 p50_ms=… p95_ms=… html_kb=… sql=… gzip_kb=… as=chef
 * (server response time of the whole page, its size, the SQL statements one request sends, counted inside the
 * server, its size gzipped as it goes over the network, and the role), and for the tick-off (the checklist's server
 * action, full answer with the re-rendered checklist):
 *   BENCH action=tick units=60 p50_ms=… p95_ms=… kb=… sql=…
 * with the machine's load average, since the machine is shared. Drops the database afterwards. Prints figures; it
 * never fails on them (docs/prestanda.md records what was measured).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createDb } from "../lib/db/index.ts";
import { loadSessionUser } from "../lib/auth/session-user.ts";
import { getDashboard } from "../lib/dashboard/queries.ts";
import * as clock from "../lib/clock.ts";
import {
  ACTIVITIES, CYCLES, argument, createBenchDatabase, ensureBuilt, fill, machine, newSecret, openTasks, percentile, rssMb, signIn, sqlCount,
  startServer, tickActionId, tickRequest, tickSaved, type AppServer,
} from "./bench-support.ts";

const UNITS = Number(argument("units", "60"));
const RUNS = Math.max(50, Number(argument("runs", process.env.BENCH_RUNS ?? "60")));
const WARMUP = 10;
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const SQL_PORT = PORT + 1;
/** BENCH_DUMP=dir writes each page's (and the tick-off's) first timed answer there, to see what the bytes are. */
const DUMP = process.env.BENCH_DUMP;

type Timed = { p50: number; p95: number; kb: number; gzipKb: number; sql: number };

async function timed(request: (i: number) => Promise<Response>, ok: (status: number, body: string) => boolean, label: string, prepare?: (i: number) => Promise<void>): Promise<Timed> {
  const times: number[] = [];
  let bytes = 0;
  let gzipped = 0;
  let sql = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    await prepare?.(i);
    const before = await sqlCount(SQL_PORT);
    const started = performance.now();
    const response = await request(i);
    const body = await response.text();
    const ms = performance.now() - started;
    if (!ok(response.status, body)) throw new Error(`${label}: oväntat svar (HTTP ${response.status}): ${body.slice(0, 300)}`);
    if (i >= WARMUP) {
      if (i === WARMUP && DUMP) writeFileSync(path.join(DUMP, `${label.replaceAll("/", "_") || "_"}.txt`), body);
      times.push(ms);
      bytes = Buffer.byteLength(body);
      if (i === WARMUP) gzipped = gzipSync(body).length;
      sql = (await sqlCount(SQL_PORT)) - before;
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), kb: bytes / 1024, gzipKb: gzipped / 1024, sql };
}

const ms = (n: number) => n.toFixed(0);

async function main() {
  ensureBuilt();
  if (DUMP) mkdirSync(DUMP, { recursive: true });
  const database = await createBenchDatabase();
  let server: AppServer | undefined;
  try {
    const db = createDb({ kind: "postgres", url: database.url });
    const started = performance.now();
    const data = await fill(db, UNITS);
    console.log(`Databas ${database.name}: ${UNITS} enheter × ${ACTIVITIES} aktiviteter × ${CYCLES} cykler = ${data.tasks} uppgifter (${((performance.now() - started) / 1000).toFixed(1)} s att skapa).`);

    // The dashboard's queries alone, in this process: what the page costs before HTTP and rendering.
    const actor = (await loadSessionUser(db, data.chef.userId, data.chef.sessionVersion))!;
    const inProcess: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t0 = performance.now();
      await getDashboard(actor, {}, db);
      if (i >= WARMUP) inProcess.push(performance.now() - t0);
    }
    inProcess.sort((a, b) => a - b);
    console.log(`BENCH lib=getDashboard units=${UNITS} p50_ms=${ms(percentile(inProcess, 50))} p95_ms=${ms(percentile(inProcess, 95))}`);

    server = await startServer(database.url, PORT, newSecret(), { sqlPort: SQL_PORT });
    const { base } = server;
    console.log(`Servern svarade ${((server.ready - server.started) / 1000).toFixed(1)} s efter next start; RSS ${rssMb(server.process.pid)} MB i vila.`);
    const chief = data.unitChiefs[0]!;
    const cookies = { chef: await signIn(base, data.chef), enhetschef: await signIn(base, chief), granskare: await signIn(base, data.reviewer) };
    const pages: { path: string; as: keyof typeof cookies | null }[] = [
      { path: "/", as: "enhetschef" },
      { path: "/arshjul", as: "chef" },
      // What /arshjul's details panel fetches when it first shows an activity (descriptions, late units' links; JSON).
      { path: "/arshjul/panel", as: "chef" },
      { path: "/checklista", as: "enhetschef" },
      { path: "/oversikt", as: "chef" },
      { path: "/brukarbrev", as: "enhetschef" },
      { path: "/brukarbrev/oversikt", as: "chef" },
      { path: "/resultat", as: "chef" },
      { path: "/atgarder", as: "chef" },
      { path: "/kvalitetsgranskning", as: "granskare" },
      { path: `/kalender/${data.token}`, as: null },
    ];
    console.log(`# ${machine()} (före)`);
    for (const page of pages) {
      const headers: Record<string, string> = page.as ? { cookie: cookies[page.as] } : {};
      const r = await timed(() => fetch(`${base}${page.path}`, { headers, redirect: "manual" }), (status) => status === 200, page.path);
      const name = page.as === null ? "/kalender/[token]" : page.path;
      console.log(`BENCH page=${name} units=${UNITS} p50_ms=${ms(r.p50)} p95_ms=${ms(r.p95)} html_kb=${r.kb.toFixed(0)} sql=${r.sql} gzip_kb=${r.gzipKb.toFixed(0)} as=${page.as ?? "feed"}`);
    }

    // The tick-off: the enhetschef marks the unit's open tasks done, one per request, oldest due first.
    // The unit has 40 tasks a year, most of them done: between rounds (untimed) the year's tasks are opened again.
    const reopen = () => db.$executeRaw`UPDATE "Task" SET "status" = 'NOT_STARTED', "completedAt" = NULL, "doneOn" = NULL, "version" = "version" + 1
      WHERE "unitId" = ${chief.unitId} AND "cycleId" IN (SELECT "id" FROM "Cycle" WHERE "year" = ${clock.currentCycleYear()})`;
    let tasks: { id: string; version: number }[] = [];
    const actionId = tickActionId();
    const tick = await timed(
      (i) => {
        const { path, init } = tickRequest(actionId, cookies.enhetschef, tasks[i % tasks.length]!);
        return fetch(`${base}${path}`, init);
      },
      tickSaved,
      "tick",
      async (i) => {
        if (tasks.length > 0 && i % tasks.length !== 0) return;
        await reopen();
        tasks = await openTasks(db, chief.unitId!);
      },
    );
    console.log(`BENCH action=tick units=${UNITS} p50_ms=${ms(tick.p50)} p95_ms=${ms(tick.p95)} kb=${tick.kb.toFixed(0)} sql=${tick.sql}`);
    console.log(`# ${machine()} (efter); RSS ${rssMb(server.process.pid)} MB`);
    await db.$disconnect();
  } finally {
    server?.process.kill("SIGTERM");
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
