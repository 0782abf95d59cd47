import cluster from "node:cluster";
import type { Env } from "./env.ts";

/**
 * The server's processes (issue 35): `node scripts/serve.mjs` runs Next's standalone server in several, because
 * Node.js renders on one thread and one process uses one core however many the machine has.
 */

/** Without WEB_CONCURRENCY: one process per core, at most this many (four pools of ten fit PostgreSQL's 100 connections). */
const DEFAULT_MAX_SERVER_PROCESSES = 4;

/**
 * How many server processes to run: WEB_CONCURRENCY when set; otherwise one per core the server may use (`cores`,
 * os.availableParallelism()), at most four; always one on the embedded database, which only one process can open.
 */
export function serverProcesses(env: Pick<Env, "DATABASE_URL" | "WEB_CONCURRENCY">, cores: number): number {
  if (env.DATABASE_URL === undefined) return 1;
  return env.WEB_CONCURRENCY ?? Math.max(1, Math.min(cores, DEFAULT_MAX_SERVER_PROCESSES));
}

/** What a worker tells scripts/serve.ts once it has passed its start-up checks (instrumentation.ts). */
export const SERVER_READY_MESSAGE = "arshjulet:server-ready";

/**
 * In a worker of scripts/serve.ts: tells the supervisor that this process has passed the start-up checks and serves.
 * A worker that stops before it has said so stops the server; one that stops later is replaced. Elsewhere nothing.
 */
export function announceServerReady(): void {
  if (cluster.isWorker) process.send?.(SERVER_READY_MESSAGE);
}
