import { expect, test, type Page } from "./fixtures";
import { signInWithForm } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { OIDC_ACCOUNTS, type OidcLogin } from "./oidc-client";
import { DEMO_USERS } from "../../prisma/seed/demo-organisation";

// Municipal sign-in end to end: the app's button, the test's own OpenID Connect provider (oidc-provider.ts) and
// its login form, back to the app. The tests of this file run in order; each starts without cookies (fixtures.ts),
// so the provider's session of one test does not sign in the next.

/** Through the provider's own login and consent pages, as a user of the municipality's identity provider would. */
async function signInAtProvider(page: Page, login: OidcLogin) {
  await page.goto("/logga-in");
  await page.getByRole("button", { name: "Logga in med kommunens inloggning" }).click();
  // The provider's pages (not ours): any login name picks the account; the password is not checked.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("valfritt");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

// The provider's name as OIDC_DISPLAY_NAME gives it (issue 31): the default here.
const NOT_LINKED = "Ditt konto i kommunens inloggning är inte kopplat till någon användare i Årshjulet. Kontakta administratören.";

test("en känd användare med bekräftad e-post loggar in med kommunens inloggning och får sina roller", async ({ page }) => {
  await signInAtProvider(page, "kand");
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
  // The demo's enhetschef, with the enhetschef's menu: the session is the local user's, not the provider's name.
  await expect(page.getByText("Demo Enhetschef")).toBeVisible();
  await expect(page.getByText("(Enhetschef)")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Huvudmeny" });
  await expect(nav.getByRole("link", { name: "Min checklista", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Användare", exact: true })).toHaveCount(0);
});

for (const [login, message] of [
  ["okand", NOT_LINKED],
  ["overifierad", /har inte bekräftat din e-postadress/],
] as const) {
  test(`kontot ${OIDC_ACCOUNTS[login].email} (${OIDC_ACCOUNTS[login].email_verified ? "bekräftad" : "obekräftad"}) nekas med ett meddelande på svenska`, async ({ page }) => {
    await signInAtProvider(page, login);
    await expect(page).toHaveURL(/\/logga-in\?error=Oidc(Unknown|Unverified)$/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(message);
    await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
    await page.goto("/");
    await expect(page).toHaveURL(/\/logga-in$/);
    await page.goto(`/logga-in?error=${login === "okand" ? "OidcUnknown" : "OidcUnverified"}`);
    await expectNoAxeViolations(page);
  });
}

test("en okänd felkod i adressen visar bara vårt allmänna meddelande, aldrig adressens text", async ({ page }) => {
  await page.goto("/logga-in?error=Du%20har%20vunnit");
  await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Inloggningen misslyckades. Försök igen.");
  await expect(page.getByText("vunnit")).toHaveCount(0);
});

test("inloggningarna skapade ingen användare", async ({ page }) => {
  await signInWithForm(page, "admin");
  await page.goto("/admin/anvandare");
  // The seeded demo users and nobody else: neither the unknown account nor anyone the refused sign-ins could have made.
  await expect(page.getByRole("heading", { level: 2, name: `Alla användare (${DEMO_USERS.length})` })).toBeVisible();
  await expect(page.getByText(OIDC_ACCOUNTS.okand.email)).toHaveCount(0);
  await expect(page.getByText(OIDC_ACCOUNTS.okand.name)).toHaveCount(0);
  await expect(page.getByText(OIDC_ACCOUNTS.overifierad.name)).toHaveCount(0);
});
