/**
 * `npm run load [-- --units 100] [--users 100] [--duration 60] [--saturation 30] [--processes N] [--two-instances]`:
 * signed-in users against the built app over loopback (undici), on a throw-away PostgreSQL database filled like
 * `npm run bench`. The morning and saturation runs go to the production install's server (`node scripts/serve.mjs`)
 * with as many processes as it would start on this machine (lib/server-processes.ts; --processes N sets it); the CPU
 * phase and --profile measure one `next start` process, whose statements can be counted.
 *
 * Each user is an enhetschef of a unit of its own (one in ten a verksamhetschef) and loops: opens the start page,
 * the checklist or ticks off one of the unit's open tasks (the checklist's server action, as the browser sends it);
 * the verksamhetschefer open the dashboard and the wheel. Two runs:
 *   morning     every user waits 1–3 s between requests, as people do;
 *   saturation  the same users as 100 connections with no waiting: the most requests a second one server gives.
 * Each prints requests/s, p50/p95/p99, errors and non-2xx, and afterwards checks in the database that every
 * acknowledged tick-off is stored exactly once (status, version, one history event, one audit entry) and that nothing
 * else changed. With --two-instances: two `next start` on the same database, the users spread over both, one killed
 * with SIGKILL halfway (its users move to the other, as a load balancer would), and then the reminder job run from
 * two processes at once against a test SMTP server (each reminder must arrive once). Prints figures; it exits 1 only
 * when a write was lost, doubled or stray, or the surviving instance failed. Before the runs (not with
 * --two-instances) it prints the server's CPU milliseconds per request of each kind, one kind at a time:
 *   CPU requests_per_kind=20 home_cpu_ms=… checklist_cpu_ms=… dashboard_cpu_ms=… wheel_cpu_ms=… tick_cpu_ms=… signin_cpu_ms=…
 * (signin: the sign-in page signed out, the least a page costs).
 *   SQL requests_per_kind=20 home_sql=… checklist_sql=… …   (statements per request, scripts/bench-sql-counter.mjs)
 * With --profile <dir> the same kinds are then run once more under a CPU profiler in the server
 * (scripts/bench-cpu-profiler.mjs): one <dir>/<kind>.cpuprofile each (Chrome DevTools, speedscope), and for each the
 * share of React SSR, Flight, Next, session/auth, proxy, Prisma, GC and our folders, and the top functions
 * (scripts/cpu-profile-summary.ts). Profiling slows the server, so the CPU line above is measured without it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Agent, request } from "undici";
import { createDb, type Db } from "../lib/db/index.ts";
import { parseEnv } from "../lib/env.ts";
import { serverProcesses } from "../lib/server-processes.ts";
import * as clock from "../lib/clock.ts";
import {
  argument, cpuMs, createBenchDatabase, ensureBuilt, fill, flag, machine, newSecret, percentile, root, rssMb, signIn, sqlCount, startServer,
  tickActionId, tickRequest, tickSaved, type AppServer,
} from "./bench-support.ts";
import { formatSummary, FrameResolver, summarize, type CpuProfile } from "./cpu-profile-summary.ts";
import { checkReminders } from "./load-reminders.ts";

const USERS = Number(argument("users", "100"));
const UNITS = Math.max(USERS, Number(argument("units", "100")));
const MORNING_S = Number(argument("duration", "60"));
const SATURATION_S = Number(argument("saturation", "30"));
const TWO = flag("two-instances");
const PORT = Number(process.env.LOAD_PORT ?? 3300);
// The two instances use PORT and PORT + 1, the throttle check PORT + 2.
const SQL_PORT = PORT + 3;
const PROFILE_PORT = PORT + 4;
const PROFILE_DIR = argument("profile", "");
// The production server's processes for the runs: what `node scripts/serve.mjs` starts here unless --processes says.
const PROCESSES = Number(argument("processes", String(serverProcesses(parseEnv({ DATABASE_URL: "postgresql://bench", WEB_CONCURRENCY: process.env.WEB_CONCURRENCY }), availableParallelism()))));
// The production server of the runs listens here (the CPU phase's `next start` on PORT is stopped first).
const RUN_PORT = PORT + 5;

type Kind = "home" | "checklist" | "dashboard" | "wheel" | "tick" | "signin";
type Sample = { kind: Kind; ms: number; status: number; instance: number; at: number };
type User = { cookie: string; chef: boolean; open: { id: string; version: number }[]; instance: number };

const agent = new Agent({ connections: 256, keepAliveTimeout: 10_000, headersTimeout: 30_000, bodyTimeout: 30_000 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What one user does next: a chef reads the dashboard or the wheel; an enhetschef reads or ticks off (about one in three). */
function nextKind(user: User): Kind {
  const r = Math.random();
  if (user.chef) return r < 0.6 ? "dashboard" : "wheel";
  if (r < 0.35 && user.open.length > 0) return "tick";
  return r < 0.7 ? "checklist" : "home";
}

// "signin" only in the CPU phase: the sign-in page, signed out, is what every page costs at least (proxy, Next, the root layout).
const PATHS: Record<Exclude<Kind, "tick">, string> = { home: "/", checklist: "/checklista", dashboard: "/oversikt", wheel: "/arshjul", signin: "/logga-in" };

type Outcome = { acked: Set<string>; refused: Set<string>; unknown: Set<string>; samples: Sample[]; errors: number; errorsByInstance: Map<number, number> };

async function multipart(init: RequestInit): Promise<{ body: Buffer; contentType: string }> {
  const encoded = new Request("http://localhost/", { method: "POST", body: init.body });
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type")! };
}

async function run(servers: AppServer[], users: User[], seconds: number, think: boolean, actionId: string, kill?: { at: number; index: number }): Promise<Outcome> {
  const out: Outcome = { acked: new Set(), refused: new Set(), unknown: new Set(), samples: [], errors: 0, errorsByInstance: new Map() };
  const started = performance.now();
  const end = started + seconds * 1000;
  const dead = new Set<number>();
  if (kill) {
    setTimeout(() => {
      servers[kill.index]!.process.kill("SIGKILL");
      dead.add(kill.index);
      console.log(`# ${((performance.now() - started) / 1000).toFixed(0)} s: instans ${kill.index + 1} dödad med SIGKILL`);
    }, kill.at * 1000);
  }
  await Promise.all(
    users.map(async (user) => {
      if (think) await sleep(Math.random() * 2000); // people do not all click in the same millisecond
      while (performance.now() < end) {
        // A load balancer takes a dead instance out of rotation: its users go to a live one.
        if (dead.has(user.instance)) user.instance = servers.findIndex((_, i) => !dead.has(i));
        const instance = user.instance;
        const base = servers[instance]!.base;
        const kind = nextKind(user);
        const task = kind === "tick" ? user.open.shift()! : undefined;
        const t0 = performance.now();
        try {
          let status: number;
          let text: string;
          if (task) {
            const { init } = tickRequest(actionId, user.cookie, task);
            const { body, contentType } = await multipart(init);
            const r = await request(`${base}/checklista`, { dispatcher: agent, method: "POST", headers: { ...(init.headers as Record<string, string>), "content-type": contentType }, body });
            status = r.statusCode;
            text = await r.body.text();
            if (tickSaved(status, text)) out.acked.add(task.id);
            else if (status === 200) out.refused.add(task.id);
            else out.unknown.add(task.id);
          } else {
            const r = await request(`${base}${PATHS[kind as Exclude<Kind, "tick">]}`, { dispatcher: agent, headers: { cookie: user.cookie } });
            status = r.statusCode;
            await r.body.dump();
          }
          out.samples.push({ kind, ms: performance.now() - t0, status, instance, at: t0 - started });
        } catch {
          if (task) out.unknown.add(task.id);
          out.errors += 1;
          if (kill) out.errorsByInstance.set(instance, (out.errorsByInstance.get(instance) ?? 0) + 1);
        }
        if (think) await sleep(1000 + Math.random() * 2000);
      }
    }),
  );
  return out;
}

/** Requests of each kind one after another in the cpu phase: the server's CPU time over them, per request. */
const CPU_REQUESTS = Number(argument("cpu-requests", "20"));

/**
 * The server's CPU milliseconds per request of each kind (issue 35): CPU_REQUESTS requests of one kind, one at a
 * time, and the CPU time the `next start` process tree used meanwhile (/proc, user + system, 10 ms ticks), divided by
 * their number. Sequential, so that only that kind's work (and its garbage collection) is counted; other processes'
 * load on the machine does not enter CPU time, though a busy machine makes caches colder. With `profile`, each kind's
 * requests run under the server's CPU profiler instead (scripts/bench-cpu-profiler.mjs) and its profile is returned.
 */
async function cpuPerKind(server: AppServer, users: User[], actionId: string, profile = false) {
  const chef = users.find((u) => u.chef) ?? users[0]!;
  const parts: string[] = [];
  const sql: string[] = [];
  const profiles: { kind: Kind; profile: CpuProfile; cpuMsPerRequest: number | null }[] = [];
  for (const kind of ["home", "checklist", "dashboard", "wheel", "tick", "signin"] as const) {
    const ticker = users.filter((u) => !u.chef).sort((a, b) => b.open.length - a.open.length)[0];
    if (kind === "tick" && (!ticker || ticker.open.length < CPU_REQUESTS)) continue;
    const sqlBefore = await sqlCount(SQL_PORT).catch(() => NaN);
    if (profile) await control("start");
    const before = cpuMs(server.process.pid);
    for (let i = 0; i < CPU_REQUESTS; i++) {
      if (kind === "tick") {
        const { init } = tickRequest(actionId, ticker!.cookie, ticker!.open.shift()!);
        const { body, contentType } = await multipart(init);
        const r = await request(`${server.base}/checklista`, { dispatcher: agent, method: "POST", headers: { ...(init.headers as Record<string, string>), "content-type": contentType }, body });
        await r.body.text();
      } else {
        const cookie = kind === "dashboard" || kind === "wheel" ? chef.cookie : kind === "signin" ? "" : users.find((u) => !u.chef)!.cookie;
        const r = await request(`${server.base}${PATHS[kind]}`, { dispatcher: agent, headers: cookie ? { cookie } : {} });
        await r.body.dump();
      }
    }
    const after = cpuMs(server.process.pid);
    const perRequest = before === null || after === null ? null : (after - before) / CPU_REQUESTS;
    if (profile) profiles.push({ kind, profile: JSON.parse(await control("stop")) as CpuProfile, cpuMsPerRequest: perRequest });
    const sqlAfter = await sqlCount(SQL_PORT).catch(() => NaN);
    parts.push(`${kind}_cpu_ms=${perRequest === null ? "–" : perRequest.toFixed(1)}`);
    sql.push(`${kind}_sql=${Number.isFinite(sqlAfter - sqlBefore) ? ((sqlAfter - sqlBefore) / CPU_REQUESTS).toFixed(1) : "–"}`);
  }
  console.log(`CPU requests_per_kind=${CPU_REQUESTS} ${parts.join(" ")}${profile ? " (under profilering)" : ""}`);
  if (!profile) console.log(`SQL requests_per_kind=${CPU_REQUESTS} ${sql.join(" ")}`);
  return profiles;
}

/** Starts or stops the server's CPU profiler (scripts/bench-cpu-profiler.mjs); stop answers the profile. */
async function control(what: "start" | "stop"): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${PROFILE_PORT}/${what}`, { method: "POST" });
  const text = await response.text();
  if (!response.ok) throw new Error(`Profileraren svarade ${response.status}: ${text}`);
  return text;
}

/** One profile per kind into PROFILE_DIR, and where each kind's CPU time goes. */
async function profilePerKind(server: AppServer, users: User[], actionId: string) {
  mkdirSync(PROFILE_DIR, { recursive: true });
  console.log(`# ${machine()} (före profilering)`);
  const profiles = await cpuPerKind(server, users, actionId, true);
  const resolver = new FrameResolver(root);
  for (const { kind, profile, cpuMsPerRequest } of profiles) {
    const file = path.join(PROFILE_DIR, `${kind}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(formatSummary(kind, CPU_REQUESTS, summarize(profile, root, resolver), cpuMsPerRequest).join("\n"));
    console.log(`  (${file})`);
  }
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "–");

function report(name: string, out: Outcome, seconds: number, rss: { idle: number | null; peak: number | null }) {
  const all = out.samples.map((s) => s.ms).sort((a, b) => a - b);
  const reads = out.samples.filter((s) => s.kind !== "tick").map((s) => s.ms).sort((a, b) => a - b);
  const ticks = out.samples.filter((s) => s.kind === "tick").map((s) => s.ms).sort((a, b) => a - b);
  const non2xx = out.samples.filter((s) => s.status < 200 || s.status >= 300).length;
  const checklists = out.samples.filter((s) => s.kind === "checklist").length;
  console.log(
    `LOAD run=${name} users=${USERS} units=${UNITS} duration_s=${seconds} requests=${out.samples.length} rps=${(out.samples.length / seconds).toFixed(1)} ` +
      `p50_ms=${fmt(percentile(all, 50))} p95_ms=${fmt(percentile(all, 95))} p99_ms=${fmt(percentile(all, 99))} ` +
      `read_p95_ms=${fmt(percentile(reads, 95))} tick_p50_ms=${fmt(percentile(ticks, 50))} tick_p95_ms=${fmt(percentile(ticks, 95))} ` +
      `checklists_per_s=${(checklists / seconds).toFixed(1)} errors=${out.errors} non2xx=${non2xx} rss_idle_mb=${rss.idle ?? "–"} rss_peak_mb=${rss.peak ?? "–"}`,
  );
}

/** Failed sign-ins spread over both instances count together (they are rows in the database, not server memory). */
async function checkThrottle(servers: AppServer[], account: { email: string; password: string }, dbUrl: string, secret: string): Promise<number> {
  const live = servers.filter((s) => s.process.exitCode === null && s.process.signalCode === null);
  // The killed instance's place is taken by a new one, as a supervisor would restart it.
  const second = await startServer(dbUrl, PORT + 2, secret);
  try {
    const both = [live[0]!, second];
    for (let i = 0; i < 5; i++) await signIn(both[i % 2]!.base, { email: account.email, password: "fel-lösenord" }).catch(() => undefined);
    const refused = await signIn(second.base, account).then(() => false, () => true);
    console.log(`THROTTLE failures_spread_over_two=5 right_password_refused_after=${refused}`);
    return refused ? 0 : 1;
  } finally {
    second.process.kill("SIGTERM");
  }
}

type Snapshot = Map<string, { status: string; version: number }>;
const snapshot = async (db: Db, organisationId: string): Promise<Snapshot> =>
  new Map((await db.task.findMany({ where: { cycle: { organisationId } }, select: { id: true, status: true, version: true } })).map((t) => [t.id, { status: t.status, version: t.version }]));

/**
 * Every acknowledged tick-off stored exactly once (done, version one up, one history event, one audit entry); an
 * answered refusal changed nothing; nothing that was not ticked off changed. Unanswered ones (a killed server) may
 * have been stored or not, but once at most. Returns the number of faults.
 */
async function verify(db: Db, organisationId: string, before: Snapshot, out: Outcome, since: Date): Promise<number> {
  const after = await snapshot(db, organisationId);
  const events = await db.taskEvent.groupBy({ by: ["taskId"], where: { at: { gte: since }, task: { cycle: { organisationId } } }, _count: { _all: true } });
  const audits = await db.auditEntry.groupBy({ by: ["entityId"], where: { at: { gte: since }, entityType: "Task" }, _count: { _all: true } });
  const eventsOf = new Map(events.map((e) => [e.taskId, e._count._all]));
  const auditsOf = new Map(audits.map((e) => [e.entityId, e._count._all]));
  let lost = 0;
  let doubled = 0;
  let stray = 0;
  let unknownStored = 0;
  for (const [id, was] of before) {
    const now = after.get(id)!;
    const changed = now.status !== was.status || now.version !== was.version || eventsOf.has(id) || auditsOf.has(id);
    const once = now.status === "DONE" && now.version === was.version + 1 && eventsOf.get(id) === 1 && auditsOf.get(id) === 1;
    if (out.acked.has(id)) {
      if (now.status !== "DONE") lost += 1;
      else if (!once) doubled += 1;
    } else if (out.unknown.has(id)) {
      if (changed && !once) doubled += 1;
      if (once) unknownStored += 1;
    } else if (changed) stray += 1;
  }
  console.log(
    `VERIFY acked=${out.acked.size} stored_once=${out.acked.size - lost - doubled} lost=${lost} doubled=${doubled} other_changes=${stray} refused=${out.refused.size} ` +
      `unanswered=${out.unknown.size} unanswered_stored=${unknownStored}`,
  );
  return lost + doubled + stray;
}

/** Peak RSS of the servers while a run goes on, sampled every half second. */
function sampleRss(servers: AppServer[]) {
  let peak: number | null = null;
  const timer = setInterval(() => {
    const total = servers.map((s) => rssMb(s.process.pid) ?? 0).reduce((a, b) => a + b, 0);
    if (total > 0) peak = Math.max(peak ?? 0, total);
  }, 500);
  return () => (clearInterval(timer), peak);
}

/** Every page once (the first render of a route compiles nothing, but fills caches). */
async function warmUp(server: AppServer, chefCookie: string, chiefCookie: string) {
  for (const p of ["/", "/checklista", "/oversikt", "/arshjul"]) {
    await request(`${server.base}${p}`, { dispatcher: agent, headers: { cookie: p === "/oversikt" || p === "/arshjul" ? chefCookie : chiefCookie } }).then((r) => r.body.dump());
  }
}

/** Stops a server and waits until it has exited. */
async function stopServer(server: AppServer) {
  if (server.process.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    server.process.once("exit", () => resolve());
    server.process.kill("SIGTERM");
  });
}

async function main() {
  ensureBuilt();
  const database = await createBenchDatabase();
  const servers: AppServer[] = [];
  let faults = 0;
  try {
    const db = createDb({ kind: "postgres", url: database.url });
    const t0 = performance.now();
    const data = await fill(db, UNITS, USERS);
    // Every chief's unit gets this year's 40 tasks open again, so that there is enough to tick off.
    await db.$executeRaw`UPDATE "Task" SET "status" = 'NOT_STARTED', "completedAt" = NULL, "doneOn" = NULL
      WHERE "unitId" IN (SELECT "unitId" FROM "RoleAssignment" WHERE "role" = 'ENHETSCHEF' AND "unitId" IS NOT NULL)
      AND "cycleId" IN (SELECT "id" FROM "Cycle" WHERE "year" = ${clock.currentCycleYear()})`;
    console.log(`Databas ${database.name}: ${UNITS} enheter, ${data.tasks} uppgifter, ${USERS} användare (${((performance.now() - t0) / 1000).toFixed(1)} s att skapa).`);
    const secret = newSecret();
    // The first instance counts its SQL statements, and with --profile it can be profiled (ports PORT + 3 and + 4).
    servers.push(await startServer(database.url, PORT, secret, { sqlPort: SQL_PORT, profilePort: PROFILE_DIR ? PROFILE_PORT : undefined }));
    if (TWO) servers.push(await startServer(database.url, PORT + 1, secret));
    for (const [i, s] of servers.entries()) console.log(`Instans ${i + 1} (${s.base}) svarade ${((s.ready - s.started) / 1000).toFixed(1)} s efter next start.`);
    const actionId = tickActionId();

    // Signed in on one instance, served by any: the session is a signed cookie, not server memory.
    const chefCookie = await signIn(servers[0]!.base, data.chef);
    const users: User[] = [];
    for (const [i, chief] of data.unitChiefs.entries()) {
      const chef = i % 10 === 9;
      const cookie = chef ? chefCookie : await signIn(servers[i % servers.length]!.base, chief);
      const open = chef ? [] : await db.task.findMany({ where: { unitId: chief.unitId, cycle: { year: clock.currentCycleYear() }, status: "NOT_STARTED" }, orderBy: { dueOn: "asc" }, select: { id: true, version: true } });
      users.push({ cookie, chef, open, instance: (i + 1) % servers.length });
    }
    for (const s of servers) await warmUp(s, chefCookie, users[0]!.cookie);

    if (!TWO) {
      console.log(`# ${machine()} (före cpu)`);
      await cpuPerKind(servers[0]!, users, actionId);
      if (PROFILE_DIR) await profilePerKind(servers[0]!, users, actionId);
      // The runs on the server a kommun runs: the production install's, in its processes.
      await stopServer(servers.pop()!);
      servers.push(await startServer(database.url, RUN_PORT, secret, { processes: PROCESSES }));
      console.log(`Produktionsservern (node scripts/serve.mjs, ${PROCESSES} processer, ${servers[0]!.base}) svarade ${((servers[0]!.ready - servers[0]!.started) / 1000).toFixed(1)} s efter start.`);
      // Every process warmed up (connections go to them in turn).
      for (let i = 0; i < PROCESSES * 2; i++) await warmUp(servers[0]!, chefCookie, users[0]!.cookie);
    }

    const runs: { name: string; seconds: number; think: boolean }[] = TWO
      ? [{ name: "two-instances", seconds: MORNING_S, think: false }]
      : [
          { name: "morning", seconds: MORNING_S, think: true },
          { name: "saturation", seconds: SATURATION_S, think: false },
        ];
    for (const r of runs) {
      const idle = servers.map((s) => rssMb(s.process.pid) ?? 0).reduce((a, b) => a + b, 0);
      console.log(`# ${machine()} (före ${r.name})`);
      const before = await snapshot(db, data.organisationId);
      const since = new Date();
      const stop = sampleRss(servers);
      const out = await run(servers, users, r.seconds, r.think, actionId, TWO ? { at: r.seconds / 2, index: 1 } : undefined);
      const peak = stop();
      report(r.name, out, r.seconds, { idle, peak });
      console.log(`# ${machine()} (efter ${r.name})`);
      faults += await verify(db, data.organisationId, before, out, since);
      if (TWO) {
        const killAt = (r.seconds / 2) * 1000;
        const survivor = out.samples.filter((s) => s.instance === 0);
        const afterKill = survivor.filter((s) => s.at > killAt + 1000);
        const bad = afterKill.filter((s) => s.status < 200 || s.status >= 300).length + (out.errorsByInstance.get(0) ?? 0);
        console.log(`TWO survivor_requests_after_kill=${afterKill.length} survivor_failures=${bad} errors_on_killed=${out.errorsByInstance.get(1) ?? 0}`);
        if (afterKill.length === 0 || bad > 0) faults += 1;
      }
    }
    if (TWO) {
      faults += await checkThrottle(servers, data.reviewer, database.url, secret);
      faults += await checkReminders(database.url, data.organisationId);
    }
    await db.$disconnect();
  } finally {
    for (const s of servers) s.process.kill("SIGTERM");
    await agent.close();
    await database.drop();
  }
  return faults;
}

main().then(
  (faults) => process.exit(faults > 0 ? 1 : 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
