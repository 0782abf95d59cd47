import { expect, test, type Page } from "./fixtures";
import { signIn, signInWithForm } from "./auth";
import { expectNoAxeViolations } from "./axe";

const stamp = Date.now().toString(36);

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/logga-in/);
}

test("admin skapar en användare med roll, som kan logga in tills hen inaktiveras; loggen visar det", async ({ page, browser }) => {
  const email = `ny.${stamp}@kommun.example`;
  const name = `Testa Testsson ${stamp}`;
  await signIn(page, "admin", "/admin/anvandare");
  await expect(page.getByRole("heading", { level: 1, name: "Användare" })).toBeVisible();
  await expectNoAxeViolations(page);

  const create = page.getByRole("region", { name: "Ny användare" });
  await create.getByLabel("Namn").fill(name);
  await create.getByLabel("E-postadress").fill(email);
  await create.getByLabel("Lösenord").fill("ett-langt-losenord-1");
  await create.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page.getByRole("status")).toContainText(`${name} är skapad`);

  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await card.getByLabel("Roll").selectOption("ENHETSCHEF");
  await card.getByLabel("Gäller").selectOption({ label: "Hagen" });
  await card.getByRole("button", { name: /Lägg till roll/ }).click();
  await expect(page.getByRole("status")).toHaveText("Rollen är tillagd.");
  await expect(card).toContainText("Enhetschef – Hagen");
  await expectNoAxeViolations(page);

  // The new user can sign in, in a browser of their own…
  const visitor = await (await browser.newContext()).newPage();
  const account = { email, password: "ett-langt-losenord-1" };
  await signInWithForm(visitor, account);
  await signOut(visitor);

  // …until the admin deactivates them.
  await page.goto("/admin/anvandare");
  await page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) }).getByRole("button", { name: /^Inaktivera/ }).click();
  await expect(page.getByRole("status")).toContainText("är inaktiverad och utloggad");
  await visitor.getByLabel("E-postadress").fill(email);
  await visitor.getByLabel("Lösenord").fill(account.password);
  await visitor.getByRole("button", { name: "Logga in" }).click();
  await expect(visitor.getByRole("status")).toHaveText("Fel e-postadress eller lösenord.");

  // The audit trail, filtered by the admin, shows the three changes.
  await page.goto("/logg");
  await page.getByLabel("Användare").selectOption({ label: "Demo Administratör" });
  await page.getByRole("button", { name: "Filtrera" }).click();
  for (const action of ["Användare skapad", "Roll tillagd", "Användare inaktiverad"]) {
    await expect(page.getByText(action).first()).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

test("en länk med egen text i adressen visar ingen text på sidan, bara sidans egna meddelanden", async ({ page }) => {
  const crafted = "Kontot är spärrat. Ring supporten på 070-000 00 00";
  const query = new URLSearchParams({ meddelande: crafted, fel: "1", status: crafted, om: crafted });
  await signIn(page, "admin", `/admin/anvandare?${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "Användare" })).toBeVisible();
  await expect(page.getByText(/spärrat|supporten/)).toHaveCount(0);
  // (Next's route announcer is an alert too, outside the main content.)
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  // A known code shows the page's own text.
  await page.goto("/admin/anvandare?status=roll-tillagd");
  await expect(page.getByRole("status").filter({ hasText: "Rollen är tillagd." })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("en förfalskad server action från en enhetschef ändrar ingenting", async ({ browser }) => {
  // Take the real action id from the admin's page…
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, "admin", "/admin/anvandare");
  const form = adminPage.getByRole("region", { name: "Ny användare" }).locator("form");
  const fields: [string, string][] = await form
    .locator("input[type=hidden]")
    .evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value] as [string, string]));
  expect(fields.some(([n]) => n.startsWith("$ACTION_ID_"))).toBe(true);

  // …and post it as an enhetschef.
  const chief = await (await browser.newContext()).newPage();
  await signIn(chief, "enhetschef");
  const forged = `smyg.${stamp}@kommun.example`;
  const multipart: Record<string, string> = Object.fromEntries(fields);
  Object.assign(multipart, { name: "Smygare", email: forged, password: "ett-langt-losenord-2" });
  const response = await chief.request.post("/admin/anvandare", { multipart, maxRedirects: 0 });
  expect(response.status()).toBeLessThan(500);

  // The same post from the admin does create a user, so the request itself reaches the action.
  const control = `kontroll.${stamp}@kommun.example`;
  await adminPage.request.post("/admin/anvandare", { multipart: { ...multipart, email: control }, maxRedirects: 0 });

  await adminPage.reload();
  await expect(adminPage.getByText(control)).toBeVisible();
  await expect(adminPage.getByText(forged)).toHaveCount(0);
  await expect(adminPage.getByRole("heading", { name: /Alla användare/ })).toBeVisible();
});

test("admin ändrar en användares namn och e-post (issue 29), även i en mobil", async ({ page }) => {
  const name = `Byter Namn ${stamp}`;
  await signIn(page, "admin", "/admin/anvandare");
  const create = page.getByRole("region", { name: "Ny användare" });
  await create.getByLabel("Namn").fill(name);
  await create.getByLabel("E-postadress").fill(`byter.${stamp}@kommun.example`);
  await create.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page.getByRole("status")).toContainText(`${name} är skapad`);

  await page.setViewportSize({ width: 375, height: 800 });
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await card.getByText("Ändra namn och e-post").click();
  await card.getByLabel("Namn").fill(`${name} Gift`);
  await card.getByLabel("E-postadress").fill(`gift.${stamp}@kommun.example`);
  await expectNoAxeViolations(page);
  await card.getByRole("button", { name: /^Spara namn och e-post/ }).click();
  await expect(page.getByRole("status")).toHaveText(`Namn och e-post för ${name} Gift är sparade.`);
  const renamed = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `${name} Gift` }) });
  await expect(renamed).toContainText(`gift.${stamp}@kommun.example`);
  await page.screenshot({ path: "test-results/admin-andra-anvandare-375.png", fullPage: false });
  await expectNoAxeViolations(page);
});
