import { expect, type Page } from "@playwright/test";

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
export const DEMO_PASSWORD = "Demo-arshjulet-2026";

/** Signs in through the real sign-in page and waits for the start page. */
export async function signIn(page: Page, role: DemoRole) {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(DEMO_ACCOUNTS[role]);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
}
