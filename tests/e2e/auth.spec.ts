import { expect, test } from "./fixtures";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signIn, signInWithForm, type DemoRole } from "./auth";
import { expectNoAxeViolations } from "./axe";

test.describe("inloggning", () => {
  test("en utloggad besökare skickas till inloggningen, som klarar axe", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/logga-in$/);
    await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("fel lösenord ger ett meddelande som inte avslöjar om kontot finns, och för många försök stoppas", async ({ page }) => {
    await page.goto("/logga-in");
    const email = page.getByLabel("E-postadress");
    const password = page.getByLabel("Lösenord");
    const status = page.getByRole("status");
    // An account that does not exist gets the same answer as a wrong password…
    await email.fill("finns-inte@arshjulet.example");
    await password.fill("gissning-1");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(status).toHaveText("Fel e-postadress eller lösenord.");
    await expectNoAxeViolations(page);
    // …and is throttled the same way after five failures.
    for (let i = 2; i <= 5; i++) {
      await password.fill(`gissning-${i}`);
      await page.getByRole("button", { name: "Logga in" }).click();
      await expect(page.getByRole("button", { name: "Logga in" })).toBeEnabled();
    }
    await password.fill("gissning-6");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(status).toHaveText(/För många misslyckade inloggningsförsök/);
  });

  test("varje svar har säkerhetshuvudena", async ({ page }) => {
    const headers = (await page.goto("/logga-in"))!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
  });

  for (const target of ["//evil.example/", "/\\evil.example/"]) {
    test(`efter inloggningen stannar man på webbplatsen, även med callbackUrl=${target}`, async ({ page }) => {
      await page.goto(`/logga-in?callbackUrl=${encodeURIComponent(target)}`);
      await page.getByLabel("E-postadress").fill(DEMO_ACCOUNTS.koordinator);
      await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Logga in" }).click();
      await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
      expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    });
  }

  test("en länk med feltext visar bara vårt eget meddelande, och next-auths felsida svarar inte 500", async ({ page }) => {
    const answer = await page.goto("/api/auth/error?error=a%0Ab");
    expect(answer!.status()).toBe(200);
    await expect(page).toHaveURL(/\/logga-in\?error=Default$/);
    const alert = page.getByRole("alert").filter({ hasText: /\S/ });
    await expect(alert).toHaveText("Inloggningen misslyckades. Försök igen.");
    await expectNoAxeViolations(page);
    await page.goto(`/logga-in?error=${encodeURIComponent("Ring 020-123 45 67, ditt konto är spärrat")}`);
    await expect(alert).toHaveText("Inloggningen misslyckades. Försök igen.");
    await expect(page.getByText("spärrat")).toHaveCount(0);
  });

  test("ett styrtecken i e-postadressen ger en känd felkod, aldrig databasens feltext", async ({ page }) => {
    const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
    const answer = await page.request.post("/api/auth/callback/credentials", {
      form: { email: `${DEMO_ACCOUNTS.koordinator}\u0000`, password: DEMO_PASSWORD, csrfToken, json: "true" },
    });
    expect(answer.status()).toBeLessThan(500);
    const { url } = await answer.json();
    expect(new URL(url).searchParams.get("error")).toBe("INVALID_INPUT");
    expect(url).not.toMatch(/prisma|22021/i);
  });

  test("utloggning avslutar sessionen", async ({ page }) => {
    // A session of its own: the saved one of the other tests must outlive this sign-out.
    await signInWithForm(page, "kommunikator");
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL(/\/logga-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/logga-in$/);
  });
});

// What each role's menu offers; direct visits to the pages of other roles end at "Ingen behörighet".
const MENU: Record<DemoRole, { sees: string[]; notSees: string[] }> = {
  enhetschef: { sees: ["Rutiner", "Min checklista"], notSees: ["Användare", "Händelselogg"] },
  koordinator: { sees: ["Rutiner", "Min checklista"], notSees: ["Användare", "Händelselogg"] },
  verksamhetschef: { sees: ["Rutiner", "Händelselogg"], notSees: ["Användare"] },
  utvecklare: { sees: ["Rutiner"], notSees: ["Användare", "Händelselogg"] },
  kommunikator: { sees: ["Rutiner", "Min checklista"], notSees: ["Användare", "Händelselogg"] },
  admin: { sees: ["Rutiner", "Användare", "Händelselogg"], notSees: ["Min checklista"] },
  handlaggare: { sees: ["Rutiner"], notSees: ["Min checklista", "Användare", "Händelselogg"] },
  kvalitetshandlaggare: { sees: ["Rutiner"], notSees: ["Användare", "Händelselogg"] },
};

for (const [role, menu] of Object.entries(MENU) as [DemoRole, (typeof MENU)[DemoRole]][]) {
  test(`${role} ser bara det rollen får se`, async ({ page }) => {
    await signIn(page, role);
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    for (const label of menu.sees) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    for (const label of menu.notSees) await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(0);
    if (menu.notSees.includes("Användare")) {
      await page.goto("/admin/anvandare");
      await expect(page.getByRole("heading", { level: 1, name: "Ingen behörighet" })).toBeVisible();
    }
    if (menu.notSees.includes("Händelselogg")) {
      await page.goto("/logg");
      await expect(page.getByRole("heading", { level: 1, name: "Ingen behörighet" })).toBeVisible();
    }
  });
}

test("demolösenordet fungerar inte för ett konto med ett annat lösenord", async ({ page }) => {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill("ingen@kommun.example");
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("status")).toHaveText("Fel e-postadress eller lösenord.");
});
