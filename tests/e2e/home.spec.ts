import { expect, test, type Page } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { serverDay } from "./servers";

const THIS_YEAR = serverDay("kommun").year;

// Set WHEEL_SCREENSHOTS=<dir> to keep pictures of the start page for a look by eye.
const shots = process.env.WHEEL_SCREENSHOTS;
async function atBothWidths(page: Page, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoAxeViolations(page);
    if (shots) await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** A mark of the wheel by the start of its accessible name ("<nr>. <title>. …"). */
const mark = (page: Page, title: string) => page.locator(`[data-wheel-item][aria-label*="${title}."]`);

test.describe("årshjulet som startsida", () => {
  test("en enhetschef landar på sin enhets hjul, läser aktiviteterna, öppnar brukarfikan med Enter och bockar av den i panelen", async ({ page }) => {
    // A long journey (axe at two widths, two saves): more than the default minute on a busy machine.
    test.slow();
    await signIn(page, "enhetschef", "/");
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Årshjulet ${THIS_YEAR} – `) })).toBeVisible();
    const wheel = page.getByRole("group", { name: new RegExp(`^Årshjul ${THIS_YEAR}, `) });
    // The names are written beside the wheel, so nobody has to hover to read them.
    await expect(wheel.getByText("Brukarfika med resultatet…")).toBeVisible();
    await expect(wheel.getByText(/Brukarbrev 4$/)).toBeVisible();
    // At 1280 × 800 the whole wheel is in the first screen.
    const box = (await wheel.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await atBothWidths(page, "start-enhetschef");

    const fika = mark(page, "Brukarfika med resultatet från brukarundersökningen");
    await expect(fika).toHaveCount(1);
    await fika.focus();
    await page.keyboard.press("Enter");
    const panel = page.getByRole("region", { name: "Aktivitet i årshjulet" });
    await expect(panel).toBeVisible();
    await expect(panel.getByText(/^\d+\. Brukarfika med resultatet/)).toBeFocused();
    await expectNoAxeViolations(page);
    // Under way first (the seed may have it done already), then klar: the wheel follows each change.
    await panel.getByRole("button", { name: "Pågår", exact: true }).click();
    await expect(fika).toHaveAttribute("aria-label", /: pågår[.,]/);
    await expect(fika.locator("text.wheel-label")).not.toContainText("✓");
    await panel.getByRole("button", { name: "Klar", exact: true }).click();
    await expect(panel.getByRole("status").filter({ hasText: "är markerad som klar" })).toBeVisible();
    await expect(fika).toHaveAttribute("aria-label", /: klar[.,]/);
    await expect(fika.locator("text.wheel-label")).toContainText("✓");
    await panel.getByRole("button", { name: "Stäng" }).click();
    await expect(panel).toHaveCount(0);
    await expect(fika).toBeFocused();
  });

  test("en verksamhetschef öppnar en försenad enhets uppgift från aktivitetens panel", async ({ page }) => {
    await signIn(page, "verksamhetschef", "/");
    await expect(page.getByRole("heading", { level: 1, name: `Årshjulet ${THIS_YEAR}` })).toBeVisible();
    // An activity with a unit behind has "!" in front of its name; a click on the name opens it.
    const late = page.locator("[data-wheel-item]").filter({ has: page.locator("tspan", { hasText: "!" }) }).first();
    await late.locator("text.wheel-label").click();
    const panel = page.getByRole("region", { name: "Aktivitet i årshjulet" });
    const units = panel.getByRole("list").first().getByRole("link");
    expect(await units.count()).toBeGreaterThan(0);
    const unitName = (await units.first().textContent())!;
    await units.first().click();
    await expect(page).toHaveURL(/\/checklista\/uppgift\//);
    await expect(page.getByText(unitName, { exact: true }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  for (const role of ["koordinator", "kommunikator", "handlaggare"] as const) {
    test(`${role} ser ett årshjul på startsidan`, async ({ page }) => {
      await signIn(page, role, "/");
      await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Årshjulet ${THIS_YEAR}`) })).toBeVisible();
      expect(await page.locator("[data-wheel-item]").count()).toBeGreaterThan(0);
      await atBothWidths(page, `start-${role}`);
    });
  }
});
