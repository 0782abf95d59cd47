/**
 * Whether an error means the database cannot be reached now (refused, closed, not accepting connections, timed
 * out) rather than a fault in a query. Pages then answer "temporarily unavailable" instead of treating the user as
 * signed out, and /api/ready answers 503 (issue 34). Reads Prisma's codes and the driver adapter's cause.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, meta, message } = e as { code?: unknown; meta?: { driverAdapterError?: { cause?: unknown } }; message?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.test(code)) return true;
    const cause = meta?.driverAdapterError?.cause as { code?: unknown; kind?: unknown; severity?: unknown } | undefined;
    if (cause) {
      if (typeof cause.kind === "string" && UNAVAILABLE_KINDS.has(cause.kind)) return true;
      if (typeof cause.code === "string" && (UNAVAILABLE_SQLSTATES.test(cause.code) || cause.severity === "FATAL")) return true;
    }
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

// P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection, P2024 pool timeout.
const UNAVAILABLE_CODES = /^(P1001|P1002|P1008|P1017|P2024|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN)$/;
// 08: connection exception; 57P01–57P03: shut down / cannot connect now; 53300: too many connections.
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-3]|53300)$/;
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "SocketTimeout", "ConnectionClosed", "TooManyConnections", "TransactionStartTimeout"]);
const UNAVAILABLE_MESSAGES = /ECONNREFUSED|ECONNRESET|Connection terminated|not currently accepting connections|Can't reach database server|the database system is (starting up|shutting down)/i;

/** The digest of the error a page throws when the database is unavailable: app/error.tsx shows the Swedish page. */
export const DATABASE_UNAVAILABLE_DIGEST = "ARSHJULET_DATABASE_UNAVAILABLE";

/** Thrown by the session lookup when the database cannot be reached; never turned into a sign-in redirect. */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor() {
    super("Databasen kan inte nås just nu.");
    this.name = "DatabaseUnavailableError";
  }
}

// The outage as this process has seen it, shared by the pages (which find it) and proxy.ts (which answers 503 while it
// lasts): on globalThis, as the proxy and the pages are separate bundles in one Node.js process.
const outage = globalThis as unknown as { __arshjuletDatabaseOutage?: { lastTry: number } };

/** A page found the database unreachable: proxy.ts answers page views with 503 until a page reaches it again. */
export function noteDatabaseUnavailable(now = Date.now()): void {
  outage.__arshjuletDatabaseOutage = { lastTry: now };
}

/** A page reached the database: the outage is over. */
export function noteDatabaseAvailable(): void {
  outage.__arshjuletDatabaseOutage = undefined;
}

/**
 * Whether proxy.ts answers this page view with 503 instead of rendering it. During an outage one view per
 * `retryMs` is let through to try the database (it then shows the same Swedish page from app/global-error.tsx, or
 * ends the outage), so the app recovers by itself with no restart.
 */
export function answerUnavailable(now = Date.now(), retryMs = 1000): boolean {
  const current = outage.__arshjuletDatabaseOutage;
  if (!current) return false;
  if (now - current.lastTry < retryMs) return true;
  current.lastTry = now;
  return false;
}
