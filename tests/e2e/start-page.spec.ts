import { expect, test } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";

test.describe("startsidan", () => {
  test("visar den gällande rutinen med faser och aktiviteter per månad", async ({ page }) => {
    await signIn(page, "enhetschef", "/");
    await expect(page).toHaveTitle("Årshjulet");
    await expect(page.getByRole("heading", { level: 1, name: "Hemtjänstens årshjul" })).toBeVisible();
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
  });
});
