import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type BrowserContext, type Page } from "./fixtures";

/** The demo accounts of prisma/seed/demo-organisation.ts, by role. */
export const DEMO_ACCOUNTS = {
  enhetschef: "enhetschef@arshjulet.example",
  koordinator: "koordinator@arshjulet.example",
  verksamhetschef: "verksamhetschef@arshjulet.example",
  utvecklare: "utvecklare@arshjulet.example",
  kommunikator: "kommunikator@arshjulet.example",
  admin: "admin@arshjulet.example",
  handlaggare: "handlaggare@arshjulet.example",
  kvalitetshandlaggare: "kvalitetshandlaggare@arshjulet.example",
} as const;
export type DemoRole = keyof typeof DEMO_ACCOUNTS;
export const DEMO_ROLES = Object.keys(DEMO_ACCOUNTS) as DemoRole[];
export const DEMO_PASSWORD = "Demo-arshjulet-2026";

const STATE_ROOT = path.resolve(import.meta.dirname, "../../.data/e2e-auth");

/** Where the saved session of a role on the current project's server lives (written by sign-in.setup.ts). */
export function sessionFile(role: DemoRole): string {
  const port = new URL(String(test.info().project.use.baseURL)).port;
  const dir = path.join(STATE_ROOT, port);
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${role}.json`);
}

/** Signs in through the real sign-in page and waits for the start page. */
export async function signInWithForm(page: Page, account: DemoRole | { email: string; password: string }) {
  const { email, password } = typeof account === "string" ? { email: DEMO_ACCOUNTS[account], password: DEMO_PASSWORD } : account;
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  // The start page renders per request (CSP nonces, proxy.ts) and is the heaviest: seconds on a loaded machine.
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible({ timeout: 20_000 });
}

/**
 * Becomes the role in this page's browser context with the session saved once per role and server,
 * then opens `path`: unless told, the settings page, which every role has and which is light, where the
 * start page is the longest page of the app. A test that signs out must sign in with the form instead, so
 * that the saved session stays valid for the others.
 */
export async function signIn(page: Page, role: DemoRole, path = "/installningar") {
  const { cookies } = JSON.parse(readFileSync(sessionFile(role), "utf8")) as { cookies: Parameters<BrowserContext["addCookies"]>[0] };
  await page.context().clearCookies();
  await page.context().addCookies(cookies);
  await page.goto(path);
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
}
