/**
 * The outside probe of issue 30 as a test, at the HTTP level against the production build: every route of app/ (found
 * by walking the folder, so a new page or route handler is probed without being listed), with plausible and hostile
 * values in its dynamic segments and query, with odd methods and odd paths, signed out and as every role. Every answer:
 * - is no 5xx, and no page that hides one (error.tsx's "Något gick fel" with a 200);
 * - carries the security headers;
 * - shows nothing internal (stack frames, file paths, database or runtime error text);
 * - redirects, if at all, only to this site;
 * and the status codes are the app's own: 405 for a method it does not serve, 400 (or 404) for an address that does
 * not decode, signed out a redirect (to /logga-in) for a page and 401 for a download.
 */
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "./fixtures";
import { DEMO_ROLES, sessionFile, type DemoRole } from "./auth";
import { serverDay } from "./servers";

const APP = path.resolve(import.meta.dirname, "../../app");
const { year: YEAR } = serverDay("november");

type Route = { template: string; kind: "page" | "handler"; signedIn: boolean };

/** Every page and route handler of app/, as its URL template ("/rutiner/[key]"); route groups left out. */
function routes(dir = APP, segments: string[] = [], group = ""): Route[] {
  const found: Route[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const isGroup = /^\(.+\)$/.test(entry.name);
      found.push(...routes(path.join(dir, entry.name), isGroup ? segments : [...segments, entry.name], isGroup && !group ? entry.name : group));
    } else if (/^(page|route)\.tsx?$/.test(entry.name)) {
      found.push({ template: `/${segments.join("/")}`, kind: entry.name.startsWith("page") ? "page" : "handler", signedIn: group === "(app)" });
    }
  }
  return found;
}
const ROUTES = routes();

// Plausible values per dynamic segment (real ones are added from the pages' own links as the roles browse).
const PLAUSIBLE: Record<string, string[]> = {
  year: [String(YEAR), "0026", "99999999999999999999"],
  version: ["1", "0", "-1"],
  "...nextauth": ["session", "csrf", "providers", "signin", "signout", "error", "callback/credentials", "finns-inte"],
};
const PLAUSIBLE_ANY = ["finns-inte", "cm0000000000000000000000"];
// What the probe put in route parameters and queries: NUL, malformed and invalid UTF-8 percent-encoding, a bare %,
// overlong UTF-8, U+FFFF, an encoded lone surrogate, dot segments and encoded separators, long and non-Latin text,
// markup, a header injection and a SQL quote.
const DECODE_ERRORS = ["%00", "%ZZ", "%", "%FF", "%C0%AF", "%ED%A0%80", "a%0Ab"];
const HOSTILE = [...DECODE_ERRORS, "%EF%BF%BF", "..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "%2F%2Fevil.example", "%5C%5Cevil.example", "a".repeat(3000), "%C3%A5%CC%8A", "%F0%9F%98%80", "%E2%80%AE", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%20'1'%3D'1"];
const QUERIES = ["?callbackUrl=%2F%2Fevil.example", "?callbackUrl=https%3A%2F%2Fevil.example%2F", "?enhet=%00", "?anvandare=%ZZ", "?ar=0026", "?ar=99999999999999999999&enhet=99999999999999999999", "?ar=-1&enhet=x&amne=%EF%BF%BF", `?q=${"x".repeat(3000)}`, "?startad=987654", "?x=1&x=2&x[]=3"];
const ODD_PATHS = [
  "//evil.example", "/\\evil.example", "/%5Cevil.example", "/.//evil.example", "/%2e//evil.example", "/..//evil.example", "/a/..//evil.example", "/./%2Fevil.example",
  "/logga-in/..", "/logga-in/%2e%2e/admin/anvandare", "/%2e%2e/%2e%2e/etc/passwd", "/api/auth/..%2F..%2Flogg", "/_next/..%2F..%2Fpackage.json", "/_next/static/..%2F..%2F.env",
  "/logga-in%00", "/logga-in%ZZ", "/logga-in;jsessionid=1", "/LOGGA-IN", "/%C3%A5rshjul", "/ångra", `/${"x".repeat(8000)}`, "/.env", "/.git/config", "/package.json", "/next.config.ts",
];
const ODD_METHODS = ["PUT", "DELETE", "PATCH", "PROPFIND", "TRACE"];

const TEMPLATE_PARAM = /\[([^\]]+)\]/g;
const fill = (template: string, value: (param: string) => string) => template.replace(TEMPLATE_PARAM, (_, param: string) => value(param));
const matcher = (template: string) => new RegExp(`^${fill(template.replace(/[.*+?^${}()|\\]/g, "\\$&"), (p) => (p.startsWith("...") ? ".+" : "[^/?#]+"))}$`);
const MATCHERS = ROUTES.filter((r) => r.template.includes("[")).map((r) => ({ route: r, re: matcher(r.template) }));

/** Concrete addresses by template, from the links of the pages the roles see (ids of real tasks, units, cases …). */
const seen = new Map<string, Set<string>>();
function collectLinks(html: string) {
  for (const [, href] of html.matchAll(/href="(\/[^"#?]*)/g)) {
    const url = href!.replaceAll("&amp;", "&");
    const match = MATCHERS.find((m) => m.re.test(url));
    if (!match) continue;
    const set = seen.get(match.route.template) ?? new Set<string>();
    if (set.size < 3) set.add(url);
    seen.set(match.route.template, set);
  }
}

function plausibleUrls(route: Route): string[] {
  if (!route.template.includes("[")) return [route.template];
  const params = [...route.template.matchAll(TEMPLATE_PARAM)].map((m) => m[1]!);
  const variants = Math.max(...params.map((p) => (PLAUSIBLE[p] ?? PLAUSIBLE_ANY).length));
  const made = Array.from({ length: variants }, (_, i) => fill(route.template, (p) => { const values = PLAUSIBLE[p] ?? PLAUSIBLE_ANY; return values[i % values.length]!; }));
  return [...made, ...(seen.get(route.template) ?? [])];
}

const SECURITY_HEADERS = ["content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy", "permissions-policy"];
const INTERNAL_TEXT = [
  /\n\s+at [^\n]+:\d+:\d+/, /webpack-internal|node_modules|\/work\/|\/home\/|\.next\/server/, /\.(?:ts|tsx|js|mjs):\d+/,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|PrismaClient\w*Error|DriverAdapterError)\b/, /invalid byte sequence|invalid input syntax|violates|duplicate key|relation "\w+"|ECONNREFUSED|ENOENT|EADDRINUSE/,
  /Internal Server Error|Application error: a server-side exception|Något gick fel|\bError: |NextAuth/,
];

type Probe = { method: string; url: string; who: string };
type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };
const problems: string[] = [];

/**
 * One request with Node's own client, which sends the path byte for byte as written (a browser's or Playwright's URL
 * parser would resolve dot segments and backslashes first, and the probe's point is what the server makes of them).
 */
function send(base: string, { method, url }: Probe, cookie: string): Promise<Answer> {
  const target = new URL(base);
  const body = method === "POST" ? "x=1" : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, method, path: url.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c)), headers: { cookie, ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}

/** The session cookie of a role on this server, as sign-in.setup.ts saved it. */
const cookieOf = (role: DemoRole) => (JSON.parse(readFileSync(sessionFile(role), "utf8")) as { cookies: { name: string; value: string }[] }).cookies.map((c) => `${c.name}=${c.value}`).join("; ");

async function check(cookie: string, base: string, probe: Probe, expectStatus?: (answer: Answer) => string | null) {
  let answer: Answer;
  try {
    answer = await send(base, probe, cookie);
  } catch (error) {
    problems.push(`${probe.who} ${probe.method} ${probe.url.slice(0, 120)}: no answer (${(error as Error).message.split("\n")[0]})`);
    return;
  }
  const where = `${probe.who} ${probe.method} ${probe.url.slice(0, 120)} → ${answer.status}`;
  const { headers, body } = answer;
  if (answer.status >= 500) problems.push(`${where}: 5xx`);
  // The share page alone may be framed (issue 33): it has frame-ancestors in its CSP instead of X-Frame-Options.
  const shared = probe.url.startsWith("/delad/");
  const missing = SECURITY_HEADERS.filter((h) => !headers[h] && !(shared && h === "x-frame-options"));
  if (missing.length > 0) problems.push(`${where}: missing ${missing.join(", ")}`);
  const location = headers.location;
  if (location && new URL(location, base).origin !== base) problems.push(`${where}: redirects off the site to ${location}`);
  const leak = INTERNAL_TEXT.find((re) => re.test(body));
  if (leak) problems.push(`${where}: body shows ${leak} (${body.match(leak)![0].slice(0, 80)})`);
  if (probe.method === "GET" && String(headers["content-type"]).startsWith("text/html")) collectLinks(body);
  const wrong = expectStatus?.(answer);
  if (wrong) problems.push(`${where}: ${wrong}`);
}

/** Runs the probes four at a time (the server renders per request; more only queues on a 2-core machine). */
async function runAll(jobs: (() => Promise<void>)[]) {
  const queue = [...jobs];
  await Promise.all(Array.from({ length: 4 }, async () => { for (let job = queue.shift(); job; job = queue.shift()) await job(); }));
}

const signedOutAnswer = (route: Route) => ({ status, headers }: Answer): string | null => {
  if (!route.signedIn) return null;
  if (route.kind === "handler") return status === 401 ? null : "a download signed out must be 401";
  // To the sign-in page, or (an old address that only forwards, /cykler/[year]/mina-uppgifter) to a page checked here too.
  if (status >= 300 && status < 400 && headers.location) return null;
  return status === 404 ? null : "a page signed out must redirect to /logga-in";
};
const decodeError = ({ status }: Answer) => (status === 400 || status === 404 ? null : "an address that cannot be decoded must be 400 (or 404)");
const methodRefused = ({ status }: Answer) => (status === 405 ? null : "a method the app does not serve must be 405");

test.describe.configure({ mode: "serial" });

test("the route list is found by walking app/", () => {
  // The walk itself must find what it is meant to, or every probe below would pass on nothing.
  expect(ROUTES.length).toBeGreaterThan(40);
  expect(ROUTES).toContainEqual({ template: "/logga-in", kind: "page", signedIn: false });
  expect(ROUTES).toContainEqual({ template: "/resultat/enhet/[unitId]/excel", kind: "handler", signedIn: true });
  expect(ROUTES).toContainEqual({ template: "/api/auth/[...nextauth]", kind: "handler", signedIn: false });
});

test("signed out: every route, with plausible and hostile values, odd methods, odd paths and queries", async ({ baseURL }) => {
  test.setTimeout(600_000);
  problems.length = 0;
  const cookie = "";
  const who = "utloggad";
  const jobs: (() => Promise<void>)[] = [];
  for (const route of ROUTES) {
    for (const url of plausibleUrls(route)) {
      for (const method of ["GET", "HEAD", "POST", "OPTIONS"]) jobs.push(() => check(cookie, baseURL!, { method, url, who }, method === "GET" ? signedOutAnswer(route) : undefined));
      for (const method of ODD_METHODS) jobs.push(() => check(cookie, baseURL!, { method, url, who }, methodRefused));
      for (const query of QUERIES) jobs.push(() => check(cookie, baseURL!, { method: "GET", url: `${url}${query}`, who }));
    }
    if (route.template.includes("[")) {
      for (const value of HOSTILE) jobs.push(() => check(cookie, baseURL!, { method: "GET", url: fill(route.template, () => value), who }, DECODE_ERRORS.includes(value) ? decodeError : undefined));
    }
    for (const value of DECODE_ERRORS) jobs.push(() => check(cookie, baseURL!, { method: "GET", url: `${plausibleUrls(route)[0]}?x=${value}`, who }, decodeError));
  }
  for (const url of ODD_PATHS) for (const method of ["GET", "POST"]) jobs.push(() => check(cookie, baseURL!, { method, url, who }));
  await runAll(jobs);
  expect(problems, problems.join("\n")).toEqual([]);
});

for (const role of DEMO_ROLES) {
  test(`as ${role}: every route with plausible values and the addresses the pages link to, hostile values and queries`, async ({ baseURL }) => {
    test.setTimeout(600_000);
    problems.length = 0;
    const cookie = cookieOf(role);
    const who = role;
    // The pages without parameters first: their links give real ids for the rest (this role's and, through the
    // map of earlier roles, other roles' and units').
    const fixed = ROUTES.filter((r) => !r.template.includes("["));
    await runAll(fixed.map((route) => () => check(cookie, baseURL!, { method: "GET", url: route.template, who })));
    const jobs: (() => Promise<void>)[] = [];
    for (const route of ROUTES.filter((r) => r.template.includes("["))) {
      for (const url of plausibleUrls(route)) {
        jobs.push(() => check(cookie, baseURL!, { method: "GET", url, who }));
        jobs.push(() => check(cookie, baseURL!, { method: "PUT", url, who }, methodRefused));
      }
      for (const value of HOSTILE) jobs.push(() => check(cookie, baseURL!, { method: "GET", url: fill(route.template, () => value), who }, DECODE_ERRORS.includes(value) ? decodeError : undefined));
    }
    for (const route of ROUTES) for (const query of QUERIES) jobs.push(() => check(cookie, baseURL!, { method: "GET", url: `${plausibleUrls(route)[0]}${query}`, who }));
    await runAll(jobs);
    expect(problems, problems.join("\n")).toEqual([]);
  });
}
