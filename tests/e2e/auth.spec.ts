import http from "node:http";
import { expect, test } from "./fixtures";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signIn, signInWithForm, type DemoRole } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { openMenuGroups } from "./menu";

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

  // The first round's two, and the probe's of 6 December (issue 30, H4): decided on the normalised URL.
  for (const target of ["//evil.example/", "/\\evil.example/", "/.//evil.example", "/..//evil.example", "/%2e//evil.example", "/a/..//evil.example", "/%2e%2e//evil.example", "/./%2Fevil.example"]) {
    test(`efter inloggningen stannar man på webbplatsen, även med callbackUrl=${target}`, async ({ page }) => {
      await page.goto(`/logga-in?callbackUrl=${encodeURIComponent(target)}`);
      await page.getByLabel("E-postadress").fill(DEMO_ACCOUNTS.koordinator);
      await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Logga in" }).click();
      // The start page renders per request (CSP nonces) and is the app's heaviest: on a loaded machine it takes seconds.
      await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible({ timeout: 20_000 });
      expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    });
  }

  test("en länk med feltext visar bara vårt eget meddelande, och next-auths felsida svarar inte 500", async ({ page }) => {
    // A control character in the address is refused before next-auth sees it (issue 30: 400, never 500).
    expect((await page.request.get("/api/auth/error?error=a%0Ab")).status()).toBe(400);
    const answer = await page.goto("/api/auth/error?error=%3Cb%3Efel%3C%2Fb%3E");
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

  test("utloggning avslutar sessionen på servern: en kopierad sessionskaka fungerar inte efteråt", async ({ page }) => {
    // A session of its own (the form): sign-out ends only this session, so the saved one of the other tests lives on.
    await signInWithForm(page, "kommunikator");
    const copied = (await page.context().cookies()).filter((c) => c.name.startsWith("next-auth.session-token"));
    expect(copied.length).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL(/\/logga-in/);
    // The copy, put back as an attacker (or the browser's back-up) would, is refused and cannot be renewed.
    await page.context().addCookies(copied);
    await page.goto("/");
    await expect(page).toHaveURL(/\/logga-in$/);
    await page.context().addCookies(copied);
    expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
    // The saved session of the same user (another device, in effect) still works.
    await signIn(page, "kommunikator");
  });
});

/** One sign-in attempt through next-auth's endpoint from a loopback address of its own, as a separate client would. */
async function signInFrom(localAddress: string, email: string, password: string, forwardedFor?: string): Promise<string> {
  const port = Number(new URL(test.info().project.use.baseURL!).port);
  const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ cookies: string[]; body: string }>((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, localAddress, method, path, headers: { ...headers, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) } }, (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ cookies: (response.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!), body: text }));
      });
      request.on("error", reject);
      request.end(body);
    });
  const csrf = await send("GET", "/api/auth/csrf", {});
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
  const answer = await send("POST", "/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookies.join("; ") }, form);
  const { url } = JSON.parse(answer.body) as { url: string };
  return new URL(url).searchParams.get("error") ?? "OK";
}

test("inloggningsspärren räknar per anslutning: ett bytt X-Forwarded-For ger inga nya försök, och en annan klient spärras inte", async () => {
  // Loopback addresses of their own (the whole 127.0.0.0/8 is this machine), so the rest of the suite's sign-ins from 127.0.0.1 are untouched.
  for (let i = 0; i < 20; i++) {
    expect(await signInFrom("127.0.0.2", `sprayad${i}@arshjulet.example`, "gissning", `198.51.100.${i}`)).toBe("INVALID");
  }
  expect(await signInFrom("127.0.0.2", DEMO_ACCOUNTS.utvecklare, DEMO_PASSWORD, "198.51.100.99")).toBe("THROTTLED");
  expect(await signInFrom("127.0.0.2", DEMO_ACCOUNTS.utvecklare, DEMO_PASSWORD)).toBe("THROTTLED");
  expect(await signInFrom("127.0.0.3", DEMO_ACCOUNTS.utvecklare, DEMO_PASSWORD)).toBe("OK");
});

// What each role's menu offers; direct visits to the pages of other roles end at "Ingen behörighet".
const MENU: Record<DemoRole, { sees: string[]; notSees: string[] }> = {
  enhetschef: { sees: ["Rutiner", "Min checklista"], notSees: ["Användare", "Händelselogg", "Organisation"] },
  koordinator: { sees: ["Rutiner", "Min checklista"], notSees: ["Användare", "Händelselogg"] },
  verksamhetschef: { sees: ["Rutiner", "Händelselogg"], notSees: ["Användare"] },
  utvecklare: { sees: ["Rutiner", "Organisation"], notSees: ["Användare", "Händelselogg"] },
  kommunikator: { sees: ["Rutiner", "Min checklista"], notSees: ["Användare", "Händelselogg"] },
  admin: { sees: ["Rutiner", "Användare", "Organisation", "Händelselogg"], notSees: ["Min checklista"] },
  // The biståndshandläggare ticks off their own steps of the review (issue 32): their checklist, not hemtjänst's.
  handlaggare: { sees: ["Rutiner", "Min checklista"], notSees: ["Användare", "Händelselogg"] },
  kvalitetshandlaggare: { sees: ["Rutiner"], notSees: ["Användare", "Händelselogg"] },
};

for (const [role, menu] of Object.entries(MENU) as [DemoRole, (typeof MENU)[DemoRole]][]) {
  test(`${role} ser bara det rollen får se`, async ({ page }) => {
    await signIn(page, role);
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    // The managers' pages lie folded in the menu's groups: open them all, so that a missing link is missing, not folded.
    await openMenuGroups(page);
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
