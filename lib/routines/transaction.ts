import type { DbClient } from "../db/index.ts";
import type { Failure } from "./schemas.ts";

/** Thrown inside a transaction to undo it and return an expected failure instead. */
export class Rollback extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

export function fail(message: string, errors?: Record<string, string[]>): never {
  throw new Rollback({ ok: false, message, ...(errors ? { errors } : {}) });
}

/** Runs fn in one transaction (or in the caller's); a Rollback becomes its failure, anything else is rethrown. */
export async function transact<T>(db: DbClient, fn: (tx: DbClient) => Promise<T>): Promise<T | Failure> {
  try {
    if ("$transaction" in db) return await db.$transaction((tx) => fn(tx), { timeout: 60_000, maxWait: 20_000 });
    return await fn(db);
  } catch (error) {
    if (error instanceof Rollback) return error.failure;
    throw error;
  }
}

/** Whether a database error is a unique-key violation (two people doing the same thing at once). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

export const NOT_ALLOWED = "Du har inte behörighet att hantera rutiner.";
export const DRAFT_GONE = "Utkastet finns inte längre: det kan ha publicerats eller tagits bort. Ladda om sidan.";
