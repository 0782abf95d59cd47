import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { expect, test, type Page } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";

/** The page routes and route handlers under app/, as addresses: route groups dropped, each [param] a dummy value. */
function appRoutes(): string[] {
  const root = path.resolve(import.meta.dirname, "../../app");
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const name = entry.name;
        const segment = /^\(.*\)$/.test(name) ? null : name === "[...nextauth]" ? "session" : /^\[.*\]$/.test(name) ? "x1" : name;
        walk(path.join(dir, name), segment === null ? segments : [...segments, segment]);
      } else if (entry.name === "page.tsx" || entry.name === "route.ts") {
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(root, []);
  return [...new Set(routes)].sort();
}

/** A signed-out browser of its own (no cookie of the test's signed-in context). */
async function signedOut(browser: Browser) {
  const { locale, timezoneId } = test.info().project.use;
  return browser.newContext({ locale, timezoneId });
}

async function axeAtBothWidths(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** A page on another origin (a loopback port of its own) that embeds the given address in an iframe, and another that may not be framed. */
async function embeddingServer(shared: string, forbidden: string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="sv"><head><title>Kommunens intranät</title></head><body><h1>Intranätet</h1>` +
        `<iframe id="delad" title="Årshjulet" src="${shared}" width="1200" height="900"></iframe>` +
        `<iframe id="forbjuden" title="Appen" src="${forbidden}" width="600" height="400"></iframe></body></html>`,
    );
  });
  // 6300–6399 are this checkout's ad-hoc ports; E2E_PORT_BASE moves them with the servers.
  const port = 6300 + (Number(process.env.E2E_PORT_BASE ?? 3210) % 100);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test.describe("dela årshjulet", () => {
  test("verksamhetschefen skapar en länk som fungerar utloggad och inbäddad, och avslutar den så att den ger 404", async ({ page, browser, baseURL }) => {
    await signIn(page, "verksamhetschef", "/arshjul");
    await page.getByRole("link", { name: "Dela årshjulet" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dela årshjulet" })).toBeVisible();
    await axeAtBothWidths(page);

    const name = `Ledningsgruppens bildspel ${Date.now()}`;
    await page.getByLabel("Namn", { exact: true }).fill(name);
    await expect(page.getByLabel("Visa", { exact: true })).toHaveValue("verksamhet");
    // An end date in the past is refused with the field's own message.
    await page.getByLabel("Slutdatum (valfritt)").fill("2026-11-19");
    await page.getByRole("button", { name: "Skapa länk" }).click();
    await expect(page.getByText("Slutdatumet har redan passerat. Välj i dag eller ett senare datum.")).toBeVisible();
    await page.getByLabel("Slutdatum (valfritt)").fill("2027-01-31");
    await page.getByRole("button", { name: "Skapa länk" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Länken är skapad" })).toBeVisible();
    const address = await page.getByLabel("Länkens adress").inputValue();
    expect(address).toMatch(new RegExp(`^${baseURL}/delad/[A-Za-z0-9_-]{43}$`));
    await expect(page.getByLabel("Kod för att bädda in på intranätet")).toHaveValue(new RegExp(`^<iframe src="${address}"`));
    await axeAtBothWidths(page);

    // Signed out, in a browser of its own: the wheel, its names and states, no menu, no people, not for search engines.
    const outside = await signedOut(browser);
    try {
      const visitor = await outside.newPage();
      const answer = (await visitor.goto(address))!;
      expect(answer.status()).toBe(200);
      const headers = answer.headers();
      expect(headers["content-security-policy"]).toContain("frame-ancestors *");
      expect(headers["content-security-policy"]).not.toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"]).toBeUndefined();
      expect(headers["x-robots-tag"]).toContain("noindex");
      await expect(visitor.getByRole("heading", { level: 1, name: /Årshjul 2026/ })).toBeVisible();
      await expect(visitor.locator("svg.wheel-svg")).toBeVisible();
      await expect(visitor.getByRole("heading", { name: "Aktiviteterna månad för månad" })).toBeVisible();
      await expect(visitor.getByText(/enheter klara/).first()).toBeVisible();
      await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
      await expect(visitor.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
      await expect(visitor.getByRole("navigation", { name: "Huvudmeny" })).toHaveCount(0);
      const html = await visitor.content();
      expect(html).not.toContain("@arshjulet.example");
      expect(html).not.toMatch(/Demo (Enhetschef|Koordinator|Verksamhetschef|Verksamhetsutvecklare|Kommunikatör|Administratör)/);
      expect(html).not.toContain(name);
      for (const href of await visitor.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!))) {
        expect(href).toMatch(/^(#innehall|\/delad\/[A-Za-z0-9_-]{43}\?ar=\d{4})$/);
      }
      await axeAtBothWidths(visitor);

      // Embedded in another origin's page: the share page renders in its iframe; an app page beside it is refused.
      const intranet = await embeddingServer(address, `${baseURL}/tillganglighet`);
      try {
        await visitor.goto(intranet.url);
        await expect(visitor.frameLocator("#delad").getByRole("heading", { level: 1, name: /Årshjul 2026/ })).toBeVisible();
        await expect(visitor.frameLocator("#delad").locator("svg.wheel-svg")).toBeVisible();
        await expect(visitor.frameLocator("#forbjuden").getByRole("heading", { name: "Tillgänglighetsredogörelse" })).toHaveCount(0);
      } finally {
        await intranet.close();
      }

      // Revoked: the same 404 as an address that never existed.
      page.once("dialog", (dialog) => dialog.accept());
      await page.getByRole("button", { name: `Avsluta länken ${name}` }).click();
      await expect(page.getByRole("status").filter({ hasText: `Länken ”${name}” är avslutad.` })).toBeVisible();
      await expect(page.getByRole("button", { name: `Avsluta länken ${name}` })).toHaveCount(0);
      const revoked = (await visitor.goto(address))!;
      expect(revoked.status()).toBe(404);
      await expect(visitor.getByRole("heading", { level: 1, name: "Länken finns inte" })).toBeVisible();
      await expect(visitor.getByText(/Årshjul 2026/)).toHaveCount(0);
      const revokedText = await visitor.getByRole("main").innerText();
      await axeAtBothWidths(visitor);
      const unknown = (await visitor.goto(`${baseURL}/delad/${randomBytes(32).toString("base64url")}`))!;
      expect(unknown.status()).toBe(404);
      expect(await visitor.getByRole("main").innerText()).toBe(revokedText);
    } finally {
      await outside.close();
    }
    await page.reload();
    await page.getByText(/Avslutade länkar/).click();
    await expect(page.getByText(new RegExp(`${name} \\(Hela verksamheten\\), avslutad`))).toBeVisible();
  });

  test("en enhetschef delar bara sina egna enheter, och koordinatorn kommer inte åt sidan", async ({ page }) => {
    await signIn(page, "enhetschef", "/arshjul/dela");
    const options = await page.getByLabel("Visa", { exact: true }).locator("option").allTextContents();
    expect(options.sort()).toEqual(["Lärkan", "Tallbacken"]);
    await signIn(page, "koordinator");
    await page.goto("/arshjul/dela");
    await expect(page).toHaveURL(/\/ingen-behorighet$/);
  });

  test("bara delningssidan får ramas in: alla andra sidor svarar frame-ancestors 'none' och X-Frame-Options DENY", async ({ page, baseURL }) => {
    await signIn(page, "verksamhetschef", "/arshjul/dela");
    await page.getByLabel("Namn", { exact: true }).fill("Inramning");
    await page.getByRole("button", { name: "Skapa länk" }).click();
    const address = await page.getByLabel("Länkens adress").inputValue();
    const routes = appRoutes();
    expect(routes).toEqual(expect.arrayContaining(["/", "/arshjul", "/arshjul/dela", "/logga-in", "/delad/x1", "/kalender/x1", "/api/health"]));
    for (const route of [...routes.filter((r) => !r.startsWith("/delad/")), "/finns-inte", "/_next/static/finns-inte.js", "/favicon.ico"]) {
      const answer = await page.request.get(`${baseURL}${route}`, { maxRedirects: 0 });
      const headers = answer.headers();
      expect(headers["content-security-policy"], route).toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"], route).toBe("DENY");
    }
    for (const shared of [address, `${baseURL}/delad/x1`]) {
      const headers = (await page.request.get(shared)).headers();
      expect(headers["content-security-policy"], shared).toMatch(/frame-ancestors \*(;|$)/);
      expect(headers["x-frame-options"], shared).toBeUndefined();
      expect(headers["referrer-policy"], shared).toBe("no-referrer");
    }
  });

  test("för många förfrågningar till samma länk ger 429 med svensk text", async ({ page, baseURL }) => {
    const address = `${baseURL}/delad/${randomBytes(32).toString("base64url")}`;
    // 120 requests, ten at a time (one after another they took most of a minute on a busy machine).
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push(...(await Promise.all(Array.from({ length: 10 }, async () => (await page.request.get(address)).status()))));
    expect(statuses.every((s) => s === 404)).toBe(true);
    const refused = await page.request.get(address);
    expect(refused.status()).toBe(429);
    expect(await refused.text()).toContain("För många förfrågningar");
    // Another token is not affected.
    expect((await page.request.get(`${baseURL}/delad/${randomBytes(32).toString("base64url")}`)).status()).toBe(404);
  });
});
