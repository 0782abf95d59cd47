import { expect, test } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";

test.describe("startsidan", () => {
  test("visar den gällande rutinen med faser och aktiviteter per månad", async ({ page }) => {
    await signIn(page, "enhetschef", "/");
    // The menu's "Rutiner" opens a page called what it is.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Rutiner", exact: true }).click();
    await expect(page).toHaveTitle("Rutiner – Årshjulet");
    await expect(page.getByRole("heading", { level: 1, name: "Rutiner" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /Brukarundersökning hemtjänst/ })).toBeVisible();
    for (const phase of ["1. Inför", "2. Under pågående undersökning", "3. Efter undersökningen", "4. När resultatet kommer", "5. Uppföljning"]) {
      await expect(page.getByRole("heading", { level: 3, name: phase })).toBeVisible();
    }
    const letter1 = page.getByRole("row").filter({ has: page.getByText("Brukarbrev 1", { exact: true }) });
    await expect(letter1.getByRole("cell").first()).toHaveText("Februari");
    await expect(letter1).toContainText("Koordinator");
    await expect(page.getByText("9 december 2025")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("fungerar på en smal skärm och med tangentbord", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, "verksamhetschef", "/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Hoppa till innehållet" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
    await expectNoAxeViolations(page);

    // The activities reflow as cards: Ansvarig and Gäller are on screen, nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const letter1 = page.getByRole("listitem").filter({ has: page.getByText("Brukarbrev 1", { exact: true }) }).first();
    for (const term of ["Ansvarig", "Gäller"]) {
      const box = await letter1.getByText(term, { exact: true }).boundingBox();
      expect(box, term).not.toBeNull();
      expect(box!.x + box!.width, term).toBeLessThanOrEqual(375);
    }
    // "Varför denna månad …" is a target of at least 24 × 24 px (WCAG 2.2 2.5.8).
    const why = page.locator("summary", { hasText: "Varför denna månad" });
    expect(await why.count()).toBeGreaterThan(0);
    for (const box of await why.evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.height).toBeGreaterThanOrEqual(24);
      expect(box.width).toBeGreaterThanOrEqual(24);
    }
  });

  test("radioknapparna är minst 24 × 24 px på en smal skärm", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, "enhetschef", "/installningar");
    const radios = page.getByRole("radio");
    expect(await radios.count()).toBeGreaterThan(1);
    for (const radio of await radios.all()) {
      const box = (await radio.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    await expectNoAxeViolations(page);
  });
});
