import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import path from "node:path";
import { formatWithOptions } from "node:util";

/**
 * The server's log (issue 34, docs/drift.md "Loggar"): one line per request with its route pattern, status, time
 * taken and a request id (also sent as X-Request-Id), and every console line written while a request is handled
 * tagged with the same id. LOG_FORMAT=json writes each as one JSON object per line; plain text is the default.
 * A request's address never reaches the log, only the pattern of the route that served it (/kalender/[token], not the
 * feed's token), and e-mail addresses and token-like strings are masked in whatever else is logged.
 */
export type LogFormat = "text" | "json";
export const REQUEST_ID_HEADER = "X-Request-Id";

type RequestContext = { id: string };
const requestContext = new AsyncLocalStorage<RequestContext>();

/** The id of the request being handled, if any. */
export const currentRequestId = (): string | undefined => requestContext.getStore()?.id;

export const newRequestId = (): string => randomBytes(8).toString("hex");

// ---- route patterns -------------------------------------------------------------------------------------------

type CompiledRoute = { pattern: string; regex: RegExp; rank: number[] };

/** A route pattern of the app ("/kalender/[token]", "/api/auth/[...nextauth]") as a regular expression for a path. */
function compile(pattern: string): CompiledRoute {
  const segments = pattern.split("/").filter(Boolean);
  let source = "";
  const rank: number[] = [];
  for (const segment of segments) {
    if (/^\[\[\.\.\..+\]\]$/.test(segment)) {
      source += "(?:/.*)?";
      rank.push(3);
    } else if (/^\[\.\.\..+\]$/.test(segment)) {
      source += "/.+";
      rank.push(2);
    } else if (/^\[.+\]$/.test(segment)) {
      source += "/[^/]+";
      rank.push(1);
    } else {
      source += "/" + segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      rank.push(0);
    }
  }
  return { pattern: pattern === "" ? "/" : pattern, regex: new RegExp(`^${source || ""}/?$`), rank };
}

/** Literal segments before dynamic ones, single before catch-all, as Next.js chooses between routes. */
function compareRank(a: CompiledRoute, b: CompiledRoute): number {
  for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
    const x = a.rank[i] ?? -1;
    const y = b.rank[i] ?? -1;
    if (x !== y) return x - y;
  }
  return 0;
}

export type RouteMatcher = (pathname: string) => string;

/**
 * The pattern of the route a path is served by; the path itself never leaves this function. Next's own files are
 * "/_next/[...]", the files in public/ their own names, and anything else "[okänd]".
 */
export function createRouteMatcher(patterns: Iterable<string>, publicFiles: Iterable<string> = []): RouteMatcher {
  const routes = [...new Set(patterns)].map(compile).sort(compareRank);
  const files = new Set([...publicFiles].map((f) => (f.startsWith("/") ? f : `/${f}`)));
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return "/_next/[...]";
    if (files.has(pathname)) return pathname;
    return routes.find((r) => r.regex.test(pathname))?.pattern ?? "[okänd]";
  };
}

/** The app's route patterns: from the build's routes-manifest.json, else from the app/ directory (next dev, tests). */
export function loadRoutePatterns(root: string, distDir = ".next"): string[] {
  const manifest = path.join(root, distDir, "routes-manifest.json");
  if (existsSync(/*turbopackIgnore: true*/ manifest)) {
    const parsed = JSON.parse(readFileSync(/*turbopackIgnore: true*/ manifest, "utf8")) as { staticRoutes?: { page: string }[]; dynamicRoutes?: { page: string }[] };
    const pages = [...(parsed.staticRoutes ?? []), ...(parsed.dynamicRoutes ?? [])].map((r) => r.page);
    if (pages.length > 0) return pages;
  }
  return appDirPatterns(path.join(root, "app"));
}

/** Route patterns from the files of an app/ directory: route groups "(x)" and private folders "_x" leave the address. */
export function appDirPatterns(appDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    if (!existsSync(/*turbopackIgnore: true*/ dir)) return;
    for (const entry of readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
        const next = /^\(.+\)$/.test(entry.name) ? segments : [...segments, entry.name];
        walk(path.join(dir, entry.name), next);
      } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) {
        out.push("/" + segments.join("/"));
      }
    }
  };
  walk(appDir, []);
  return out;
}

/** The matcher of this app's routes, read from the project root (the server's working directory) and its build. */
export function appRouteMatcher(root = process.cwd(), distDir = process.env.NEXT_DIST_DIR || ".next"): RouteMatcher {
  return createRouteMatcher(loadRoutePatterns(root, distDir), publicFileNames(root));
}

/** The files of public/, as their addresses. */
export function publicFileNames(root: string): string[] {
  const dir = path.join(root, "public");
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => "/" + path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

// ---- masking --------------------------------------------------------------------------------------------------

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// Long runs of token alphabet (calendar feeds 43 base64url characters, password links, session tokens, hashes).
const TOKEN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g;
const DB_URL = /postgres(?:ql)?:\/\/\S+/g;

/** The text with e-mail addresses, token-like strings and database addresses masked. */
export function maskPersonalData(text: string): string {
  return text.replace(DB_URL, "postgresql://…").replace(EMAIL, "[e-post]").replace(TOKEN, (m) => (/^[a-z_]+$/i.test(m) && !/\d/.test(m) ? m : "[token]"));
}

const ANSI = /\x1b\[[0-9;]*m/g;
const stripAnsi = (text: string) => text.replace(ANSI, "");

// ---- lines ----------------------------------------------------------------------------------------------------

export type RequestLine = { time: string; method: string; route: string; status: number; ms: number; requestId: string; aborted?: true };

export function formatRequestLine(line: RequestLine, format: LogFormat): string {
  if (format === "json") return JSON.stringify({ level: "info", ...line });
  return `${line.time} ${line.method} ${line.route} ${line.status} ${line.ms} ms id=${line.requestId}${line.aborted ? " avbruten" : ""}`;
}


/** One console call as a log line: JSON on one line with the request id, or the text as before with the id in front. */
export function formatConsoleLine(level: "info" | "warn" | "error", args: unknown[], format: LogFormat, requestId = currentRequestId(), now = new Date()): string {
  // As console formats its arguments ("%s" and all), but an error as its name and message; the stack comes apart.
  const message = maskPersonalData(formatWithOptions({ breakLength: Infinity, depth: 3 }, ...args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : a))));
  const error = args.find((a): a is Error => a instanceof Error);
  if (format === "json") {
    // Without the terminal colours Next.js puts in its own lines ("\x1b[31m⨯\x1b[39m …").
    const record: Record<string, unknown> = { time: now.toISOString(), level, message: stripAnsi(message) };
    if (requestId) record.requestId = requestId;
    if (error?.stack) record.stack = maskPersonalData(error.stack);
    const digest = (error as { digest?: unknown } | undefined)?.digest;
    if (typeof digest === "string") record.digest = digest;
    return JSON.stringify(record);
  }
  const stack = error?.stack ? "\n" + maskPersonalData(error.stack.split("\n").slice(1).join("\n")) : "";
  return `${requestId ? `[id=${requestId}] ` : ""}${message}${stack}`;
}

// ---- installation ---------------------------------------------------------------------------------------------

const INSTALLED = Symbol.for("arshjulet.request-log");
const REQUEST_EVENTS = new Set(["request", "checkContinue", "checkExpectation"]);

export type RequestLogOptions = { format: LogFormat; matchRoute: RouteMatcher; write?: (line: string) => void; now?: () => number };

/**
 * Makes `target` (Node's http.Server.prototype, see instrumentation.ts; one server in a test) give every request an
 * id, send it back as X-Request-Id, handle the request inside that id's context, and write one line when the
 * response is finished or the client went away. Install it last, so that it sees what the other guards answer too.
 */
export function installRequestLog(target: Pick<Server, "emit">, options: RequestLogOptions): void {
  const patched = target as Pick<Server, "emit"> & { [INSTALLED]?: true };
  if (patched[INSTALLED]) return;
  const write = options.write ?? ((line: string) => process.stdout.write(line + "\n"));
  const now = options.now ?? (() => performance.now());
  const emit = target.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
  patched.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (typeof event !== "string" || !REQUEST_EVENTS.has(event)) return emit.call(this, event, ...args);
    const [req, res] = args as [IncomingMessage, ServerResponse];
    const id = newRequestId();
    const started = now();
    const time = new Date().toISOString();
    res.setHeader(REQUEST_ID_HEADER, id);
    let done = false;
    const finish = (aborted: boolean) => {
      if (done) return;
      done = true;
      const pathname = (req.url ?? "/").split("?")[0]!;
      let route: string;
      try {
        route = options.matchRoute(decodeURI(pathname));
      } catch {
        route = options.matchRoute(pathname);
      }
      const line: RequestLine = { time, method: req.method ?? "?", route, status: res.statusCode, ms: Math.round(now() - started), requestId: id };
      if (aborted) line.aborted = true;
      write(formatRequestLine(line, options.format));
    };
    res.once("finish", () => finish(false));
    res.once("close", () => finish(!res.writableFinished));
    return requestContext.run({ id }, () => emit.call(this, event, ...args));
  } as Server["emit"];
  patched[INSTALLED] = true;
}

const CONSOLE_INSTALLED = Symbol.for("arshjulet.console-log");

/** Routes console.log/info/warn/error through formatConsoleLine: masked, with the request id, JSON when asked for. */
export function installConsoleFormat(format: LogFormat, target: Console = console): void {
  const patched = target as Console & { [CONSOLE_INSTALLED]?: true };
  if (patched[CONSOLE_INSTALLED]) return;
  const out = (line: string) => process.stdout.write(line + "\n");
  const err = (line: string) => process.stderr.write(line + "\n");
  target.log = (...args: unknown[]) => out(formatConsoleLine("info", args, format));
  target.info = (...args: unknown[]) => out(formatConsoleLine("info", args, format));
  target.warn = (...args: unknown[]) => err(formatConsoleLine("warn", args, format));
  target.error = (...args: unknown[]) => err(formatConsoleLine("error", args, format));
  patched[CONSOLE_INSTALLED] = true;
}
