import "server-only";
import type { Failure } from "../forms.ts";
import type { DbClient, Prisma } from "./index.ts";

/** Thrown inside a transaction to undo it and return an expected failure instead. */
export class Rollback extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

export function fail(message: string, errors?: Record<string, string[]>, details?: string[]): never {
  throw new Rollback({ ok: false, message, ...(errors ? { errors } : {}), ...(details ? { details } : {}) });
}

/**
 * Whether a database error is a unique-key violation (two people doing the same thing at once): P2002 from a model
 * query, or a raw statement's (P2010) whose driver reports the same violation (PostgreSQL's 23505).
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } } | null;
  if (e?.code === "P2002") return true;
  const cause = e?.code === "P2010" ? e.meta?.driverAdapterError?.cause : undefined;
  return cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505";
}

/**
 * Runs fn in a new transaction, or directly in the caller's when db already is one (so a later failure of the
 * caller's undoes fn's writes too). Prisma 7's transaction client has $transaction as well (nested transactions,
 * which PGlite lacks): only the full client has $connect.
 */
export function inTransaction<T>(db: DbClient, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return "$connect" in db ? db.$transaction((tx) => fn(tx), { timeout: 60_000, maxWait: 20_000 }) : fn(db);
}

/**
 * Runs fn in one transaction (or in the caller's); a Rollback becomes its failure, anything else is rethrown.
 * With `conflict`, a unique-key clash (P2002) or a row changed under an update (P2025) means someone else saved at
 * the same moment: that is expected too, and returned as a failure with that message.
 */
export async function transact<T>(db: DbClient, fn: (tx: Prisma.TransactionClient) => Promise<T>, options: { conflict?: string } = {}): Promise<T | Failure> {
  try {
    return await inTransaction(db, fn);
  } catch (error) {
    if (error instanceof Rollback) return error.failure;
    const code = (error as { code?: unknown } | null)?.code;
    if (options.conflict && (isUniqueViolation(error) || code === "P2025")) return { ok: false, message: options.conflict };
    throw error;
  }
}

/** Items in consecutive parts of at most size, for writes of one statement per part. */
export const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

let resumedAt = 0;
/** Longest pause of a write between two of its statements, in ms. */
const MAX_PAUSE_MS = 50;

/**
 * Lets waiting I/O (other people's requests) run between the statements of a long write. The embedded database runs
 * each query on the app's own thread and awaiting it resumes on the microtask queue, so without this a loop of writes
 * holds the event loop from its first statement to its last (issue 30, H8). A turn of the loop alone (setImmediate)
 * was not enough: others got one turn per statement, and a page that needs twenty turns waited twenty statements
 * (the sign-in page's p50 was 1 s during the organisation import). So the write pauses about as long as it has just
 * worked (at most MAX_PAUSE_MS): others get about half the thread meanwhile, and a write alone takes up to twice as
 * long.
 */
export async function yieldToEventLoop(): Promise<void> {
  const worked = resumedAt > 0 ? performance.now() - resumedAt : 0;
  await new Promise<void>((resolve) => (worked >= 5 ? setTimeout(resolve, Math.min(worked, MAX_PAUSE_MS)) : setImmediate(resolve)));
  resumedAt = performance.now();
}
