/**
 * A kommun goes live (issue 29): from an empty PostgreSQL database, on the production build, with nothing but the
 * commands and pages an IT administrator has. This spec owns its server: `npm run setup` must run on the empty
 * database before the app's first request, so the server starts after it (the other servers are started by the
 * global setup on embedded databases).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { adminQuery, withPgClient } from "../integration/helpers/pg-client";
import { expectNoAxeViolations } from "./axe";
import { GO_LIVE_PORT } from "./servers";
import { stopOwnServer } from "./own-server";

const root = path.resolve(import.meta.dirname, "../..");
const database = `arshjulet_e2e_golive_${GO_LIVE_PORT}`;
const baseURL = `http://127.0.0.1:${GO_LIVE_PORT}`;
// A day in March: one cycle (2027) is open, and its spring tasks are ahead.
const TODAY = "2027-03-10";
const env = {
  ...process.env,
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${database}`,
  NEXTAUTH_URL: baseURL,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  ARSHJULET_TODAY: TODAY,
  PORT: String(GO_LIVE_PORT),
  NEXT_TELEMETRY_DISABLED: "1",
};
const ADMIN = { email: "it-admin@provstad.example", name: "Ida Installatör", password: "Provstad går live i mars 2027" };
const CHIEF = { email: "enhetschef.ek@provstad.example", password: "Eken planerar hela året" };

test.describe.configure({ mode: "serial" });
let server: ChildProcess | undefined;


/** Runs one of the operator's npm scripts as `npm run` would, and returns what it printed. */
function operatorCommand(script: string, args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], { cwd: root, env, encoding: "utf8" });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

const linkIn = (text: string) => text.match(/https?:\/\/\S+\/nytt-losenord\/\S+/)?.[0];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${database}`);
});

test.afterAll(async () => {
  await stopOwnServer(server);
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

async function startServer() {
  mkdirSync(path.join(root, ".data"), { recursive: true });
  const log = createWriteStream(path.join(root, ".data", `e2e-${GO_LIVE_PORT}.log`));
  server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(GO_LIVE_PORT)], { cwd: root, env: { ...env, NODE_ENV: "production" } });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Servern avslutades (kod ${server.exitCode}); se .data/e2e-${GO_LIVE_PORT}.log`);
    try {
      if ((await fetch(`${baseURL}/logga-in`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("Servern svarade inte inom två minuter.");
}

async function setPasswordThroughLink(page: Page, link: string, email: string, password: string) {
  await page.goto(link.replace(/^https?:\/\/[^/]+/, baseURL));
  await expect(page.getByText(email)).toBeVisible();
  await expectBothWidths(page);
  await page.getByLabel("Nytt lösenord", { exact: true }).fill(password);
  await page.getByLabel("Nytt lösenord igen").fill(password);
  await page.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(page.getByRole("status").first()).toContainText("sparat");
}

async function signInWith(page: Page, email: string, password: string) {
  await page.context().clearCookies();
  await page.goto(`${baseURL}/logga-in`);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible({ timeout: 20_000 });
}

async function expectBothWidths(page: Page) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The organisation's workbook as the kommun fills it in: 2 areas, 5 units, 10 users. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Områden").addRows([["Område"], ["Norra distriktet"], ["Södra distriktet"]]);
  book.addWorksheet("Enheter").addRows([
    ["Enhet", "Område", "Kolada-id", "Stängd från"],
    ["Eken", "Norra distriktet", "", ""],
    ["Björken", "Norra distriktet", "", ""],
    ["Linden", "Norra distriktet", "", ""],
    ["Aspen", "Södra distriktet", "", ""],
    ["Rönnen", "Södra distriktet", "", ""],
  ]);
  book.addWorksheet("Användare").addRows([
    ["E-post", "Namn", "Roll", "Gäller"],
    [CHIEF.email, "Erik Ekström", "Enhetschef", "Eken"],
    ["enhetschef.bjorken@provstad.example", "Berit Björk", "Enhetschef", "Björken; Linden"],
    ["enhetschef.aspen@provstad.example", "Anna Asp", "Enhetschef", "Aspen"],
    ["enhetschef.ronnen@provstad.example", "Rune Rönn", "Enhetschef", "Rönnen"],
    ["koordinator.norr@provstad.example", "Kim Norr", "Koordinator", "Norra distriktet"],
    ["koordinator.soder@provstad.example", "Kai Söder", "Koordinator", "Södra distriktet"],
    ["vc@provstad.example", "Vera Chef", "Verksamhetschef", "hela verksamheten"],
    ["utvecklare@provstad.example", "Ulf Utveckling", "Verksamhetsutvecklare", "hela verksamheten"],
    ["kommunikator@provstad.example", "Klara Kom", "Kommunikatör", "hela verksamheten"],
    ["handlaggare@provstad.example", "Hanna Handläggare", "Biståndshandläggare", "hela verksamheten"],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test("en kommun går live: setup, lösenord via länken, arbetsboken, enhetschefens hjul, en enhet stängs", async ({ page }) => {
  test.setTimeout(240_000);

  // 1. npm run setup on the empty database; a second run refuses and changes nothing.
  const setup = operatorCommand("setup", ["--organisation", "Hemtjänsten i Provstad", "--admin-email", ADMIN.email, "--admin-name", ADMIN.name]);
  expect(setup.status, setup.out).toBe(0);
  expect(setup.out).toContain("Årshjulet är installerat");
  const adminLink = linkIn(setup.out);
  expect(adminLink, setup.out).toBeTruthy();
  const again = operatorCommand("setup", ["--organisation", "Något annat", "--admin-email", "annan@provstad.example", "--admin-name", "Annan"]);
  expect(again.status).not.toBe(0);
  expect(again.out).toContain("Hemtjänsten i Provstad");
  await startServer();

  // 2. The administrator chooses a password through the printed link, which then no longer works.
  await setPasswordThroughLink(page, adminLink!, ADMIN.email, ADMIN.password);
  await page.goto(adminLink!.replace(/^https?:\/\/[^/]+/, baseURL));
  await expect(page.getByLabel("Nytt lösenord", { exact: true })).toHaveCount(0);
  await signInWith(page, ADMIN.email, ADMIN.password);

  // 3. The workbook: preview, then import.
  await page.goto(`${baseURL}/admin/organisation`);
  const region = page.getByRole("region", { name: "Hela organisationen i en arbetsbok" });
  await region.getByLabel("Arbetsbok (.xlsx) eller ett blad som CSV").setInputFiles({ name: "provstad.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await workbook() });
  await region.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(region.getByRole("status")).toContainText("Förhandsgranskning");
  await expect(region.getByText("Enhet: Eken (Norra distriktet)")).toBeVisible();
  await expectBothWidths(page);
  await region.getByRole("button", { name: "Importera" }).click();
  await expect(region.getByRole("status")).toContainText("Importen är klar");
  for (const unit of ["Eken", "Björken", "Linden", "Aspen", "Rönnen"]) await expect(page.getByRole("heading", { name: unit, exact: true })).toBeVisible();
  await expectBothWidths(page);

  // The verksamhetsutvecklare starts this year's cycle (imported users choose their password through a link).
  const devLink = linkIn(operatorCommand("reset-password", ["utvecklare@provstad.example"]).out);
  expect(devLink).toBeTruthy();
  await setPasswordThroughLink(page, devLink!, "utvecklare@provstad.example", "Utvecklaren startar cykeln");
  await signInWith(page, "utvecklare@provstad.example", "Utvecklaren startar cykeln");
  await page.goto(`${baseURL}/cykler`);
  await page.getByLabel("År").fill("2027");
  await page.getByRole("button", { name: "Starta cykeln" }).click();
  await expect(page.getByText(/Cykeln 2027 är startad med \d+ uppgifter/)).toBeVisible();

  // 4. An enhetschef from the workbook signs in and lands on their unit's wheel with this cycle's tasks.
  const chiefLink = linkIn(operatorCommand("reset-password", [CHIEF.email]).out);
  await setPasswordThroughLink(page, chiefLink!, CHIEF.email, CHIEF.password);
  await signInWith(page, CHIEF.email, CHIEF.password);
  await expect(page).toHaveURL(`${baseURL}/`);
  await expect(page.getByRole("main")).toContainText("Eken");
  await expect(page.getByRole("main")).toContainText("2027");
  await page.goto(`${baseURL}/checklista`);
  await expect(page.getByRole("main")).toContainText("Eken");
  await expectBothWidths(page);

  // 5. The administrator closes Rönnen: it leaves the overview, and the cycle page and the overview agree.
  await signInWith(page, ADMIN.email, ADMIN.password);
  await page.goto(`${baseURL}/admin/organisation`);
  const row = page.getByRole("region", { name: "Södra distriktet" }).getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Rönnen" }) });
  await row.getByText("Ändra").click();
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Stäng Rönnen" }).click();
  await expect(row.getByRole("heading", { name: "Rönnen" })).toContainText("Stängd från 10 mars 2027");

  await signInWith(page, "utvecklare@provstad.example", "Utvecklaren startar cykeln");
  await page.goto(`${baseURL}/cykler/2027`);
  await expect(page.getByRole("main")).toContainText(/av 4 aktiva enheter/);
  await page.goto(`${baseURL}/oversikt?ar=2027`);
  for (const unit of ["Eken", "Björken", "Linden", "Aspen"]) await expect(page.getByRole("main").getByText(unit, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("Rönnen");
  await expectBothWidths(page);

  // 6. A closed unit's task history still opens, and says why its open task is ej aktuell.
  const { rows } = await withPgClient((c) => c.query<{ id: string }>(`SELECT t.id FROM "Task" t JOIN "Unit" u ON u.id = t."unitId" WHERE u.name = 'Rönnen' AND t.status = 'NOT_APPLICABLE' LIMIT 1`), env.DATABASE_URL);
  expect(rows).toHaveLength(1);
  await page.goto(`${baseURL}/checklista/uppgift/${rows[0]!.id}`);
  await expect(page.getByRole("main")).toContainText("Rönnen");
  await expect(page.getByRole("main")).toContainText("Enheten stängd");
  await expectBothWidths(page);
});
