/**
 * `node scripts/serve.mjs` in the production install (issue 35; the Dockerfile, the systemd unit and `npm start` run
 * it): Next's standalone `server.js` in as many processes as serverProcesses (lib/server-processes.ts) gives
 * (WEB_CONCURRENCY; one per core, at most four, on PostgreSQL; one on the embedded database). Node.js renders a page on one thread, so one
 * process uses one core: on a machine with two cores the second stood idle while requests queued (`npm run load`).
 *
 * With one process it is `node server.js`, in this process. With more, Node's cluster: this process listens on PORT
 * and hands each connection to a worker in turn; every worker is a whole server (its own database pool, caches and
 * request log). Sessions are signed cookies and every write is guarded in the database, so any worker may serve any
 * request, as two instances behind a load balancer do (`npm run load -- --two-instances`). In-memory state is per
 * worker: the share page's throttle (lib/share/throttle.ts) counts per process.
 *
 * A worker that stops before it has passed its start-up checks (instrumentation.ts says so: announceServerReady) —
 * the production guard's refusal, a database that does not answer — stops them all with its exit code, so that
 * systemd or the container runtime sees the failure as before. A worker that dies later is replaced; more than five
 * deaths in a minute stop the server (exit 1). SIGTERM and SIGINT are passed to the workers, and the server exits when
 * they have (after 25 s the rest are killed).
 */
import "./load-env.ts";
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { getEnv, type Env } from "../lib/env.ts";
import { installConsoleFormat } from "../lib/request-log.ts";
import { SERVER_READY_MESSAGE, serverProcesses } from "../lib/server-processes.ts";

const SERVER_JS = path.join(import.meta.dirname, "..", "server.js");
const RESTARTS_PER_MINUTE = 5;
const STOP_GRACE_MS = 25_000;

const env = readEnv();
installConsoleFormat(env.LOG_FORMAT);
const count = serverProcesses(env, availableParallelism());

if (count === 1) {
  await import(pathToFileURL(SERVER_JS).href);
} else {
  supervise(count);
}

/** The settings, or the server stops here with the same Swedish lines the server itself would give. */
function readEnv(): Env {
  try {
    return getEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

function supervise(processes: number): void {
  cluster.setupPrimary({ exec: SERVER_JS });
  const serving = new Set<number>();
  const deaths: number[] = [];
  let stopping: { code: number } | null = null;

  const start = () => {
    const worker = cluster.fork();
    worker.on("message", (message) => {
      if (message === SERVER_READY_MESSAGE) serving.add(worker.id);
    });
  };
  const workers = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  const stop = (code: number, signal: NodeJS.Signals = "SIGTERM") => {
    if (stopping) return;
    stopping = { code };
    // Also when the last worker's exit ends the event loop before its event is handled.
    process.exitCode = code;
    const alive = workers();
    if (alive.length === 0) process.exit(code);
    for (const worker of alive) worker.process.kill(signal);
    setTimeout(() => {
      for (const worker of workers()) worker.process.kill("SIGKILL");
      process.exit(code);
    }, STOP_GRACE_MS).unref();
  };
  const how = (code: number | null, signal: string | null) => (signal ? `signal ${signal}` : `kod ${code}`);

  cluster.on("exit", (worker, code, signal) => {
    const served = serving.delete(worker.id);
    if (stopping) {
      if (workers().length === 0) process.exit(stopping.code);
      return;
    }
    if (!served) {
      console.error(`Årshjulet: en serverprocess avslutades innan den var klar att ta emot förfrågningar (${how(code, signal)}); servern stängs.`);
      stop(code || 1);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths[0]! < now - 60_000) deaths.shift();
    if (deaths.length > RESTARTS_PER_MINUTE) {
      console.error(`Årshjulet: serverprocesserna har avslutats ${deaths.length} gånger på en minut; servern stängs.`);
      stop(1);
      return;
    }
    console.error(`Årshjulet: en serverprocess avslutades (${how(code, signal)}); en ny startas.`);
    start();
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stop(0, signal));
  console.log(`Årshjulet: ${processes} serverprocesser (WEB_CONCURRENCY${env.WEB_CONCURRENCY === undefined ? " tom: en per kärna, högst fyra" : ""}).`);
  for (let i = 0; i < processes; i++) start();
}
