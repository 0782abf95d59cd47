/**
 * The production install (issue 34): the standalone directory alone, copied away from the checkout and its
 * node_modules, on a new PostgreSQL database, runs every command the Dockerfile, compose.yaml and the systemd units
 * in deploy/ run (tests/unit/deploy-files.test.ts checks they run nothing else), and serves the app to a browser.
 * This spec owns its server, as go-live.spec.ts does.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { PRODUCTION_INSTALL_PORT } from "./servers";
import { E2E_KOLADA, E2E_KOLADA_YEAR } from "./kolada-data";
import { startFakeKolada, type FakeKolada } from "../support/fake-kolada";
import { startSmtp } from "../support/smtp";
import { ensureStandalone } from "../../scripts/standalone";
import { adminQuery } from "../integration/helpers/pg-client";
import { stopOwnServer } from "./own-server";

const root = path.resolve(import.meta.dirname, "../..");
const database = `arshjulet_e2e_install_${PRODUCTION_INSTALL_PORT}`;
const baseURL = `http://127.0.0.1:${PRODUCTION_INSTALL_PORT}`;
const ADMIN = { email: "it-admin@provstad.example", name: "Ida Installatör", password: "Provstad kör det som körs" };

test.describe.configure({ mode: "serial" });
let install = "";
let server: ChildProcess | undefined;
let kolada: FakeKolada | undefined;
let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
// Only what a server's environment holds: no TEST_ variables, no tsx, nothing of the checkout's node_modules.
let env = { NODE_ENV: "production" } as NodeJS.ProcessEnv;

/**
 * Runs a command of the install as the Dockerfile, compose.yaml and deploy/ do: `node scripts/<name>.mjs …` in it.
 * Asynchronously: the fake SMTP server and Kolada answer from this process.
 */
function installCommand(args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: install, env });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("close", (status) => resolve({ status, out }));
  });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // The build the global set-up made (next build), completed as `npm run build` completes it, then copied away.
  const standalone = await ensureStandalone(root, process.env.NEXT_DIST_DIR || ".next");
  install = path.join(mkdtempSync(path.join(tmpdir(), "arshjulet-install-")), "arshjulet");
  cpSync(standalone, install, { recursive: true });
  kolada = await startFakeKolada(E2E_KOLADA);
  smtp = await startSmtp();
  env = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${database}`,
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ACCESSIBILITY_CONTACT_EMAIL: "tillganglighet@provstad.example",
    MAIL_FROM: "Årshjulet <arshjulet@provstad.example>",
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    KOLADA_BASE_URL: kolada.baseUrl,
    PORT: String(PRODUCTION_INSTALL_PORT),
    HOSTNAME: "127.0.0.1",
  };
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${database}`);
});

test.afterAll(async () => {
  await stopOwnServer(server);
  await kolada?.close();
  await smtp?.close();
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  if (install) rmSync(path.dirname(install), { recursive: true, force: true });
});

/** The processes a process started (/proc, Linux): the server's workers. */
const childrenOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(" ").filter(Boolean).map(Number);

/** The Dockerfile's CMD and the systemd unit's ExecStart, with two server processes (WEB_CONCURRENCY, issue 35). */
async function startServer() {
  const log = createWriteStream(path.join(root, ".data", `e2e-${PRODUCTION_INSTALL_PORT}.log`));
  const child = spawn(process.execPath, ["scripts/serve.mjs"], { cwd: install, env: { ...env, WEB_CONCURRENCY: "2" } });
  server = child;
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Servern avslutades (kod ${child.exitCode}); se .data/e2e-${PRODUCTION_INSTALL_PORT}.log`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("Servern svarade inte inom två minuter.");
}

test("standalone-installationen: kommandona, servern, hälsokontrollen och en inloggad sida på PostgreSQL", async ({ page }) => {
  test.setTimeout(240_000);
  // Nothing of the checkout: no package of its own beside the install's traced node_modules, no TypeScript runner.
  expect(existsSync(path.join(install, "node_modules", "tsx"))).toBe(false);
  expect(existsSync(path.join(install, "node_modules", "typescript"))).toBe(false);

  // The Dockerfile's HEALTHCHECK fails while no server answers.
  expect((await installCommand(["scripts/healthcheck.mjs"])).status).toBe(1);

  // compose.yaml's migrate service and the systemd unit's ExecStartPre; a second run has nothing to do.
  const migrate = await installCommand(["scripts/db.mjs", "migrate"]);
  expect(migrate.status, migrate.out).toBe(0);
  expect(migrate.out).toContain("Migreringar körda");
  expect((await installCommand(["scripts/db.mjs", "migrate"])).out).toContain("Databasen är redan uppdaterad");

  // compose.yaml's setup service.
  expect((await installCommand(["scripts/setup.mjs", "--help"])).out).toContain("Användning");
  const setup = await installCommand(["scripts/setup.mjs", "--organisation", "Hemtjänsten i Provstad", "--admin-email", ADMIN.email, "--admin-name", ADMIN.name]);
  expect(setup.status, setup.out).toBe(0);
  expect(setup.out).toMatch(/\/nytt-losenord\/\S+/);

  // The reminder job (the timer's service and compose.yaml's daily job), the Kolada fetch and the password reset.
  const reminders = await installCommand(["scripts/reminders.mjs"]);
  expect(reminders.status, reminders.out).toBe(0);
  expect(reminders.out).toContain("Gallring");
  // A new verksamhet has no Kolada id yet: the command reads it from the database and says so (kolada.spec.ts fetches).
  const fetched = await installCommand(["scripts/kolada.mjs", "--year", String(E2E_KOLADA_YEAR)]);
  expect(fetched.out).toContain("Ingen verksamhet har kommunens id i Kolada");
  // A new link replaces set-up's: the administrator uses it below.
  const reset = await installCommand(["scripts/reset-password.mjs", ADMIN.email]);
  const link = reset.out.match(/https?:\/\/\S+\/nytt-losenord\/\S+/)?.[0];
  expect(link, reset.out).toBeTruthy();

  // compose.yaml's reminder service: the compiled scheduler waits for 06:30 and stops on SIGTERM.
  const daily = spawn(process.execPath, ["scripts/daily.mjs", "06:30", "scripts/reminders.mjs"], { cwd: install, env });
  let said = "";
  daily.stdout.on("data", (chunk: Buffer) => (said += chunk.toString()));
  await expect.poll(() => said, { timeout: 30_000 }).toContain("Nästa körning av scripts/reminders.mjs");
  daily.kill("SIGTERM");
  await expect.poll(() => daily.exitCode, { timeout: 10_000 }).toBe(0);

  // The Dockerfile's CMD and the systemd unit's ExecStart, then its HEALTHCHECK.
  await startServer();
  expect((await installCommand(["scripts/healthcheck.mjs"])).status).toBe(0);
  // Ready once the database has answered within a second (the first request connects).
  await expect.poll(async () => (await fetch(`${baseURL}/api/ready`)).status, { timeout: 30_000 }).toBe(200);
  expect(await (await fetch(`${baseURL}/api/health`)).json()).toMatchObject({ status: "ok" });
  // Two workers serve; one that dies is replaced, and the server answers meanwhile from the other.
  const workers = childrenOf(server!.pid!);
  expect(workers).toHaveLength(2);
  process.kill(workers[0]!, "SIGKILL");
  await expect.poll(() => childrenOf(server!.pid!).filter((pid) => !workers.includes(pid)).length, { timeout: 30_000 }).toBe(1);
  expect(childrenOf(server!.pid!)).toHaveLength(2);
  for (let i = 0; i < 6; i++) expect((await fetch(`${baseURL}/api/ready`)).status).toBe(200);

  // A page through the browser: the static files and public/ came along.
  await page.goto(link!.replace(/^https?:\/\/[^/]+/, baseURL));
  await page.getByLabel("Nytt lösenord", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Nytt lösenord igen").fill(ADMIN.password);
  await page.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(page.getByRole("status").first()).toContainText("sparat");
  await page.goto(`${baseURL}/logga-in`);
  await page.getByLabel("E-postadress").fill(ADMIN.email);
  await page.getByLabel("Lösenord").fill(ADMIN.password);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible({ timeout: 20_000 });
  await page.goto(`${baseURL}/admin/organisation`);
  await expect(page.getByRole("heading", { level: 1, name: "Organisation" })).toBeVisible();
  // The stylesheet from .next/static applies (the heading is not the browser's default serif black).
  const styled = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(styled).not.toMatch(/^"?Times/);
  expect((await fetch(`${baseURL}/arshjulet.svg`)).status).toBe(200);
  await expectNoAxeViolations(page);
});

test("serverprocesserna: en vägrad start stoppar servern med en felkod, som en process gjorde", async () => {
  test.setTimeout(120_000);
  // The production guard refuses a start without NEXTAUTH_SECRET in every worker; the first to stop stops the server.
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: install,
    env: { ...env, WEB_CONCURRENCY: "2", PORT: String(PRODUCTION_INSTALL_PORT + 100), NEXTAUTH_SECRET: "" },
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", (status) => resolve(status)));
  expect(code, out).not.toBe(0);
  expect(out).toContain("NEXTAUTH_SECRET saknas");
  expect(out).toContain("innan den var klar att ta emot förfrågningar");

  // The embedded database can be opened by one process only: more is refused before anything starts.
  const embedded = await new Promise<{ status: number | null; out: string }>((resolve) => {
    const c = spawn(process.execPath, ["scripts/serve.mjs"], { cwd: install, env: { ...env, DATABASE_URL: "", WEB_CONCURRENCY: "2" } });
    let said = "";
    c.stderr.on("data", (chunk: Buffer) => (said += chunk.toString()));
    c.on("exit", (status) => resolve({ status, out: said }));
  });
  expect(embedded.status).toBe(1);
  expect(embedded.out).toContain("WEB_CONCURRENCY över 1 kräver PostgreSQL");
});
