import { expect, test, type Page } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { serverDay } from "./servers";
import { menuLink } from "./menu";

const THIS_YEAR = serverDay("november").year;

// Set WHEEL_SCREENSHOTS=<dir> to keep pictures of the wheel for a look by eye.
const shots = process.env.WHEEL_SCREENSHOTS;
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function focusedLabel(page: Page) {
  return page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
}

test.describe("årshjulet", () => {
  test("the verksamhetschef moves through the wheel with the keyboard, sees details and chooses a unit", async ({ page }) => {
    await signIn(page, "verksamhetschef");
    await (await menuLink(page, "Årshjul med tabell")).click();
    await expect(page.getByRole("heading", { level: 1, name: `Årshjul ${THIS_YEAR}` })).toBeVisible();
    const wheel = page.getByRole("group", { name: `Årshjul ${THIS_YEAR}, alla enheter` });
    const marks = wheel.locator("[data-wheel-item]");
    expect(await marks.count()).toBeGreaterThan(40);
    // The wheel is one tab stop; the arrow keys move inside it.
    await expect(wheel.locator('[data-wheel-item][tabindex="0"]')).toHaveCount(1);
    // The wheel over the whole width, as on the start page: no name smaller than 12 px at 1280 px.
    const smallest = await wheel.evaluate((svg) => {
      const scale = (svg as SVGSVGElement).getScreenCTM()!.a;
      return Math.min(...[...svg.querySelectorAll("text.wheel-label")].map((t) => Number(t.getAttribute("font-size")) * scale));
    });
    expect(smallest).toBeGreaterThanOrEqual(12);
    await expectNoAxeViolations(page);
    await shot(page, "wheel-1280");

    // The wheel's one tab stop (links to the list of försenade may stand between the print button and the wheel).
    await wheel.locator('[data-wheel-item][tabindex="0"]').focus();
    const details = page.getByTestId("wheel-details");
    const first = await focusedLabel(page);
    expect(first).toMatch(/^\d+\. /);
    await expect(details).toContainText(first.split(". ")[1]!);
    await expect(details).toContainText("Ansvarig");

    await page.keyboard.press("ArrowRight");
    const second = await focusedLabel(page);
    expect(second).not.toBe(first);
    // The label's text up to its first comma (an improvement action's label goes on with its owner and date).
    await expect(details).toContainText(second.split(". ")[1]!.split(",")[0]!);
    await page.keyboard.press("ArrowLeft");
    expect(await focusedLabel(page)).toBe(first);

    // Down moves one ring inwards; End goes to the last mark and Home back to the first.
    const ringBefore = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.ring);
    await page.keyboard.press("ArrowDown");
    const ringAfter = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.ring);
    expect(Number(ringAfter)).toBeGreaterThan(Number(ringBefore));
    await page.keyboard.press("End");
    await page.keyboard.press("Home");
    expect(await focusedLabel(page)).toBe(first);
    await shot(page, "wheel-1280-focus");

    // Brukarbrev 2 was due in June: the label gives how many units are done, and the table says the same.
    const letter = wheel.getByRole("button", { name: /Brukarbrev 2\. Juni, Koordinator\. \d+ av 14 enheter klara/ });
    await letter.locator("text.wheel-label").hover();
    await expect(details).toContainText("Brukarbrev 2");
    await expect(page.getByRole("region", { name: "Brukarundersökning hemtjänst i tabellform" }).getByRole("row", { name: /Brukarbrev 2/ })).toContainText("av 14 enheter klara");
    await expect(wheel.getByRole("button", { name: /^Socialstyrelsens enkätperiod/ })).toHaveCount(1);

    await page.getByLabel("Enhet", { exact: true }).selectOption({ label: "Lärkan" });
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL(new RegExp(`/arshjul\\?ar=${THIS_YEAR}&enhet=`));
    await expect(page.getByRole("heading", { level: 1, name: `Årshjul ${THIS_YEAR} – Lärkan` })).toBeVisible();
    const unitWheel = page.getByRole("group", { name: `Årshjul ${THIS_YEAR}, Lärkan` });
    await expect(unitWheel.getByRole("button", { name: /Brukarbrev 2\. .*Lärkan: (klar|pågår|ej påbörjad|ej aktuell)/ })).toHaveCount(1);
    await expect(page.getByRole("columnheader", { name: "Läge för Lärkan" }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, "wheel-1280-unit");
  });

  test("works at 375 px and prints on one page", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, "verksamhetschef", `/arshjul?ar=${THIS_YEAR}`);
    const wheel = page.getByRole("group", { name: `Årshjul ${THIS_YEAR}, alla enheter` });
    await expect(wheel).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Until the wheel has hydrated every mark is a tab stop; then exactly one is.
    await expect(wheel.locator('[data-wheel-item][tabindex="0"]')).toHaveCount(1);
    await wheel.locator('[data-wheel-item][tabindex="0"]').focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("wheel-details")).toContainText("Ansvarig");
    // Every mark's tooltip, with focus, stays inside the phone's screen (a long title's box is wider than half of it).
    const outside = await wheel.evaluate(async (svg) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const tip = document.querySelector<HTMLElement>('[data-testid="wheel-tooltip"]')!;
      const wrong: string[] = [];
      for (const mark of svg.querySelectorAll<SVGElement>("[data-wheel-item]")) {
        mark.focus();
        await frame();
        const r = tip.getBoundingClientRect();
        if (tip.hidden || r.left < 0 || r.right > document.documentElement.clientWidth) wrong.push(`${mark.getAttribute("aria-label")}: ${tip.hidden ? "hidden" : `${r.left.toFixed(0)}–${r.right.toFixed(0)}`}`);
      }
      return wrong;
    });
    expect(outside).toEqual([]);
    await expectNoAxeViolations(page);
    await shot(page, "wheel-375");

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("heading", { name: "Årshjulet i tabellform" })).toBeHidden();
    if (shots) await page.screenshot({ path: `${shots}/wheel-print.png`, fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    if (shots) await import("node:fs").then((fs) => fs.writeFileSync(`${shots}/wheel.pdf`, pdf));
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
  });

  test("shows an enhetschef their own unit only, never all units or another unit's", async ({ page }) => {
    await signIn(page, "enhetschef", "/arshjul");
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Årshjul ${THIS_YEAR} – `) })).toBeVisible();
    await expect(page.getByRole("group", { name: `Årshjul ${THIS_YEAR}, alla enheter` })).toHaveCount(0);
    await expect(page.getByRole("option", { name: "Alla enheter" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});
