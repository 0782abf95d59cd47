import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./axe";
import { type OidcLogin } from "./oidc-client";
import { ENTRA_ENV } from "./servers";
import { menuLink } from "./menu";

// Issue 31: a kommun on Microsoft Entra ID. The server trusts its own domain (OIDC_ALLOWED_EMAIL_DOMAINS), takes roles
// from the ID token's `roles` claim through the admin's table (OIDC_ROLES_CLAIM) and has password sign-in off. The
// provider's accounts are shaped like Entra's (oidc-client.ts): no email_verified, preferred_username or upn, roles.
// The tests of this file run in order: the admin's table comes first, the sign-ins it maps after.

const PROVIDER = ENTRA_ENV.OIDC_DISPLAY_NAME;

/** Through the provider's own login and consent pages, as a user of the kommun's directory would. */
async function signInAtProvider(page: Page, login: OidcLogin) {
  await page.goto("/logga-in");
  await page.getByRole("button", { name: `Logga in med ${PROVIDER}` }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("valfritt");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function signedInAs(page: Page, name: string) {
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("banner").getByText(name, { exact: true })).toBeVisible();
}

const rolesInHeader = (page: Page) => page.getByRole("banner").locator("span.text-slate-700").first();

test("utan lösenord: inget lösenordsformulär, och en POST med lösenord nekas", async ({ page, request }) => {
  await page.goto("/logga-in");
  await expect(page.getByLabel("Lösenord")).toHaveCount(0);
  await expect(page.getByText(`Årshjulet har inga lösenord här: logga in med ${PROVIDER}.`, { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email: "admin@arshjulet.example", password: "Demo-arshjulet-2026", json: "true" }, maxRedirects: 0 });
  expect(answer.status()).toBeGreaterThanOrEqual(300);
  expect((await request.storageState()).cookies.map((c) => c.name)).not.toContain("next-auth.session-token");
});

test("administratören lägger till och tar bort rader i tabellen Roller från katalogen (1280 och 375 px)", async ({ page }) => {
  // Five form posts and three axe checks: more than the default minute on a loaded two-core machine.
  test.setTimeout(180_000);
  // Linked by the upn in the kommun's domain; the roles claim is absent, so only the hand-given administrator role.
  await signInAtProvider(page, "entra-admin");
  await signedInAs(page, "Demo Administratör");
  await (await menuLink(page, "Inloggning")).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inloggning" })).toBeVisible();
  await expect(page.getByText("På: anspråket ”roles” läses vid varje inloggning.")).toBeVisible();
  await expect(page.getByText("Inga rader ännu.")).toBeVisible();
  await expectNoAxeViolations(page);

  const section = page.getByRole("region", { name: "Roller från katalogen" });
  async function addRow(value: string, role: string, scope: string) {
    await section.getByLabel("Värde i katalogen", { exact: true }).fill(value);
    await section.getByLabel("Roll", { exact: true }).selectOption({ label: role });
    await section.getByLabel("Gäller", { exact: true }).selectOption({ label: scope });
    await section.getByRole("button", { name: "Lägg till raden" }).click();
    // The row itself, not only the confirmation: the previous row's "Raden är tillagd." still stands while this one is
    // saved, and filling the form before that save ends lets React empty it (CI lost a row that way on a loaded machine).
    await expect(section.getByRole("table").getByRole("row", { name: new RegExp(`^${value.replaceAll(".", "\\.")} `) })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Raden är tillagd." })).toBeVisible();
    await expect(section.getByLabel("Värde i katalogen", { exact: true })).toHaveValue("");
  }
  await addRow("Arshjulet.Koordinator.Larkan", "Koordinator", "Lärkan");
  await addRow("Arshjulet.Utvecklare", "Verksamhetsutvecklare", "Hela verksamheten");
  await addRow("Arshjulet.Enhetschef.Norr", "Enhetschef", "Område Norr (hela området)");
  await addRow("Arshjulet.Tillfallig", "Kommunikationsenheten", "Hela verksamheten");
  const table = section.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(5);
  await expect(table.getByRole("row", { name: /Arshjulet\.Enhetschef\.Norr/ })).toContainText("Alla öppna enheter i Område Norr");

  // The same row twice is refused in Swedish, and nothing is added.
  await section.getByLabel("Värde i katalogen", { exact: true }).fill("Arshjulet.Utvecklare");
  await section.getByLabel("Roll", { exact: true }).selectOption({ label: "Verksamhetsutvecklare" });
  await section.getByLabel("Gäller", { exact: true }).selectOption({ label: "Hela verksamheten" });
  await section.getByRole("button", { name: "Lägg till raden" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Den raden finns redan: värdet ger redan den rollen där.");
  await expect(table.getByRole("row")).toHaveCount(5);

  await table.getByRole("button", { name: /Ta bort raden Arshjulet\.Tillfallig/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Raden är borttagen." })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByText("Arshjulet.Tillfallig")).toHaveCount(0);
  await expectNoAxeViolations(page);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/inloggning-1280.png`, fullPage: true });

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(section.getByRole("button", { name: "Lägg till raden" })).toBeVisible();
  await expectNoAxeViolations(page);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/inloggning-375.png`, fullPage: true });
});

test("en ny användare i kommunens domän skapas vid första inloggningen med rollen från katalogen och hamnar på sin startsida", async ({ page }) => {
  await signInAtProvider(page, "entra-ny");
  await signedInAs(page, "Ny Samordnare");
  expect(new URL(page.url()).pathname).toBe("/");
  await expect(rolesInHeader(page)).toHaveText("(Koordinator)");
  await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Min checklista", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("när katalogens roller ändras får användaren de nya vid nästa inloggning, och rollen given för hand står kvar", async ({ page, context }) => {
  await signInAtProvider(page, "entra-koordinator-fore");
  await signedInAs(page, "Demo Koordinator");
  await expect(rolesInHeader(page)).toHaveText(/^\((Koordinator, Verksamhetsutvecklare|Verksamhetsutvecklare, Koordinator)\)$/);
  await context.clearCookies();
  await signInAtProvider(page, "entra-koordinator-efter");
  await signedInAs(page, "Demo Koordinator");
  await expect(rolesInHeader(page)).toHaveText(/^\((Koordinator, Enhetschef|Enhetschef, Koordinator)\)$/);
});

for (const [login, code, message] of [
  ["entra-annan-doman", "OidcDomain", `Ditt konto i ${PROVIDER} hör inte till kommunens egna domäner, så det kan inte användas i Årshjulet. Logga in med ditt arbetskonto eller kontakta administratören.`],
  ["entra-omappad", "OidcUnknown", `Ditt konto i ${PROVIDER} är inte kopplat till någon användare i Årshjulet. Kontakta administratören.`],
] as const) {
  test(`kontot ${login} nekas med ett meddelande på svenska`, async ({ page }) => {
    await signInAtProvider(page, login);
    await expect(page).toHaveURL(new RegExp(`/logga-in\\?error=${code}$`));
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(message);
    await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
}

test("administratören ser den nya användaren med rollen från katalogen, och ingen för de nekade kontona", async ({ page }) => {
  await signInAtProvider(page, "entra-admin");
  await signedInAs(page, "Demo Administratör");
  await page.goto("/admin/anvandare");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: "Ny Samordnare" }) });
  await expect(card).toContainText("Koordinator – Lärkan");
  await expect(card).toContainText("(från katalogen: sätts om vid nästa inloggning)");
  await expect(card).toContainText(`Kopplad till ett konto i ${PROVIDER}.`);
  await expect(page.getByText("Omappad Person")).toHaveCount(0);
  await expect(page.getByText("Annan Domän")).toHaveCount(0);
});
