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

/** Whether a database error is a unique-key violation (two people doing the same thing at once). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
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
    if (options.conflict && (code === "P2002" || code === "P2025")) return { ok: false, message: options.conflict };
    throw error;
  }
}
