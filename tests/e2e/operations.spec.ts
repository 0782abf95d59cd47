/**
 * Running Årshjulet as municipal IT runs a service (issue 34), on the production build and a PostgreSQL database of
 * this spec's own (the other servers run on embedded databases, which cannot be taken away mid-run):
 * - the JSON request log of a browser journey holds route patterns and request ids, and no e-mail address, password
 *   or calendar token;
 * - started while the database refuses connections, the server logs a line per try and serves once it may connect;
 * - the database refusing connections mid-run gives the Swedish 503 page, and the app recovers without a restart.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, type WriteStream } from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { OPERATIONS_PORT } from "./servers";
import { adminQuery } from "../integration/helpers/pg-client";
import { stopOwnServer } from "./own-server";

const root = path.resolve(import.meta.dirname, "../..");
const database = `arshjulet_e2e_operations_${OPERATIONS_PORT}`;
const baseURL = `http://127.0.0.1:${OPERATIONS_PORT}`;
const LOG = path.join(root, ".data", `e2e-${OPERATIONS_PORT}.log`);
// The demo's password is refused by the production guard on PostgreSQL: every demo account gets this one instead.
const PASSWORD = "Driften loggar aldrig lösenord 2026";
const env = {
  ...process.env,
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${database}`,
  NEXTAUTH_URL: baseURL,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  ARSHJULET_TODAY: "2026-11-20",
  PORT: String(OPERATIONS_PORT),
  NEXT_TELEMETRY_DISABLED: "1",
  LOG_FORMAT: "json",
};

test.describe.configure({ mode: "serial" });
let server: ChildProcess | undefined;
let log: WriteStream | undefined;

function operatorCommand(script: string, args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${script} ${args.join(" ")}: ${result.stdout}${result.stderr}`);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${database}`);
  operatorCommand("db", ["migrate"]);
  operatorCommand("db", ["seed", "--demo"]);
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  await client.query(`UPDATE "User" SET "passwordHash" = $1 WHERE "passwordHash" IS NOT NULL`, [await hashPassword(PASSWORD)]);
  await client.end();
});

/** Starts the production server (the first test), its output in LOG. */
function startServer() {
  mkdirSync(path.dirname(LOG), { recursive: true });
  log = createWriteStream(LOG);
  server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(OPERATIONS_PORT)], { cwd: root, env: { ...env, NODE_ENV: "production" } });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
}

test.afterAll(async () => {
  await adminQuery(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`).catch(() => {});
  await stopOwnServer(server);
  log?.end();
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

async function signIn(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto(`${baseURL}/logga-in`);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(PASSWORD);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible({ timeout: 30_000 });
}

type LogLine = { level?: string; time?: string; method?: string; route?: string; status?: number; ms?: number; requestId?: string; message?: string; aborted?: boolean };

// Next.js prints its start banner ("▲ Next.js …", "- Local: …", "✓ Ready …") and its warnings ("⚠ …", e.g. that
// `next start` is not the standalone server) before the app's code runs.
const NEXT_BANNER = /^(?:\x1b\[[0-9;]*m)*(?:▲|- |✓|⚠)/;

/** The server's log so far: every line but Next's start banner must be one JSON object. */
function readLog(): { text: string; lines: LogLine[] } {
  const text = existsSync(LOG) ? readFileSync(LOG, "utf8") : "";
  const lines = text.split("\n").filter((l) => l.trim() !== "" && !NEXT_BANNER.test(l)).map((l) => {
    try {
      return JSON.parse(l) as LogLine;
    } catch {
      throw new Error(`Loggraden är inte JSON: ${l.slice(0, 200)}`);
    }
  });
  return { text, lines };
}

test("started while PostgreSQL refuses connections, the server logs a line per try, and serves once they are allowed", async () => {
  test.setTimeout(150_000);
  await adminQuery(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
  try {
    startServer();
    await expect.poll(() => readLog().lines.filter((l) => l.level === "error" && /väntar på databasen/.test(l.message ?? "")).length, { timeout: 90_000 }).toBeGreaterThanOrEqual(1);
    expect(server?.exitCode).toBeNull();
  } finally {
    await adminQuery(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
  }
  await expect.poll(async () => {
    if (server?.exitCode !== null) throw new Error(`Servern avslutades (kod ${server?.exitCode}); se ${LOG}`);
    return (await fetch(`${baseURL}/api/ready`).catch(() => null))?.status;
  }, { timeout: 90_000 }).toBe(200);
});

test("the JSON log of a sign-in and a calendar feed has route patterns and request ids, and no e-mail, password or token", async ({ page }) => {
  // A failed sign-in first: its form holds another person's e-mail address and a wrong password.
  await page.goto(`${baseURL}/logga-in`);
  await page.getByLabel("E-postadress").fill(DEMO_ACCOUNTS.koordinator);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page.getByRole("alert").first()).toBeVisible({ timeout: 30_000 });

  await signIn(page, DEMO_ACCOUNTS.enhetschef);
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kalender", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kalender i Outlook" })).toBeVisible();
  await page.getByLabel("Kalender för").selectOption({ label: "Lärkan" });
  await page.getByRole("button", { name: "Skapa kalender" }).click();
  const address = page.getByLabel("Kalenderns adress");
  await expect(address).toHaveValue(/\/kalender\/[A-Za-z0-9_-]{43}$/);
  const url = await address.inputValue();
  const token = url.split("/kalender/")[1]!.replace(/\.ics$/, "");
  const feed = await page.request.get(url.replace(/^https?:\/\/[^/]+/, baseURL));
  expect(feed.status()).toBe(200);
  const requestId = feed.headers()["x-request-id"];
  expect(requestId).toMatch(/^[0-9a-f]{16}$/);

  let parsed = readLog();
  await expect.poll(() => (parsed = readLog()).lines.some((l) => l.requestId === requestId)).toBe(true);
  const { text, lines } = parsed;
  expect(lines.find((l) => l.requestId === requestId)).toMatchObject({ level: "info", method: "GET", route: "/kalender/[token]", status: 200 });
  const requests = lines.filter((l) => l.route !== undefined);
  for (const line of requests) {
    // `aborted` only on a request the browser gave up (a prefetch left behind by a click).
    expect(Object.keys(line).filter((k) => k !== "aborted").sort()).toEqual(["level", "method", "ms", "requestId", "route", "status", "time"]);
    if ("aborted" in line) expect(line.aborted).toBe(true);
    expect(line.route!.startsWith("/") || line.route === "[okänd]").toBe(true);
  }
  expect(requests.some((l) => l.route === "/api/auth/[...nextauth]" && l.method === "POST")).toBe(true);
  expect(requests.some((l) => l.route === "/kalender" && l.method === "POST")).toBe(true);
  // Nothing personal: no demo e-mail (nor its domain), no password, no feed token.
  expect(text).not.toContain("@arshjulet.example");
  for (const email of Object.values(DEMO_ACCOUNTS)) expect(text).not.toContain(email.split("@")[0] + "@");
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(DEMO_PASSWORD);
  expect(text).not.toContain(token);
});

test("while PostgreSQL refuses connections pages answer the Swedish 503 page, and the app recovers without a restart", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.enhetschef);
  await adminQuery(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
  await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);
  try {
    await expect.poll(async () => (await page.goto(`${baseURL}/checklista`))?.status(), { timeout: 30_000 }).toBe(503);
    await expect(page.getByRole("heading", { level: 1, name: "Årshjulet är tillfälligt otillgängligt" })).toBeVisible();
    await expect(page.getByText("Du är inte utloggad")).toBeVisible();
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await expectNoAxeViolations(page);
      await page.screenshot({ path: test.info().outputPath(`otillgangligt-${width}.png`) });
    }
    expect((await page.request.get(`${baseURL}/api/ready`)).status()).toBe(503);
    expect((await page.request.get(`${baseURL}/api/health`)).status()).toBe(200);
  } finally {
    await adminQuery(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
  }
  await expect.poll(async () => (await page.request.get(`${baseURL}/api/ready`)).status(), { timeout: 30_000 }).toBe(200);
  await expect.poll(async () => (await page.goto(`${baseURL}/checklista`))?.status(), { timeout: 30_000 }).toBe(200);
  // Still signed in: the outage did not send the user to the sign-in page.
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
  expect(server?.exitCode).toBeNull();
  // The outage's own lines are JSON too, with the 503s in the request log.
  expect(readLog().lines.some((l) => l.route === "/checklista" && l.status === 503)).toBe(true);
});
