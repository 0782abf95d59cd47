import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "./fixtures";
import { DEMO_ROLES, signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";

// Set WHEEL_EXPORT_DIR=<dir> to keep the downloaded PNG and the printed PDFs for a look by eye.
const keep = process.env.WHEEL_EXPORT_DIR;

/** The pages of a PDF: its page objects (/Type /Page, not /Pages), and the first page's MediaBox in points. */
function pdfPages(pdf: Buffer): { count: number; mediaBox: number[] } {
  const text = pdf.toString("latin1");
  const count = text.match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
  const box = text.match(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/);
  return { count, mediaBox: box ? box[1]!.trim().split(/\s+/).map(Number) : [] };
}

/** The size in points at which the print draws the wheel's first name (print media, the sheet's own mm sizes). */
async function printedNameSize(page: Page): Promise<number> {
  return page.evaluate(() => {
    const label = document.querySelector<SVGTextElement>(".wheel-print-wheel text.wheel-label")!;
    const ctm = label.getScreenCTM()!;
    const px = parseFloat(getComputedStyle(label).fontSize) * Math.hypot(ctm.a, ctm.b);
    return px * 0.75;
  });
}

test.describe("the wheel's download and print", () => {
  test("the koordinator downloads the start page's wheel as PNG and SVG, named and titled for Lärkan", async ({ page }) => {
    await signIn(page, "koordinator", "/");
    const links = page.getByRole("group", { name: "Ladda ner eller skriv ut hjulet" });
    const downloadingPng = page.waitForEvent("download");
    await links.getByRole("link", { name: "Ladda ner PNG" }).click();
    const png = await downloadingPng;
    expect(png.suggestedFilename()).toMatch(/^arshjul-\d{4}-larkan\.png$/);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(pngBytes.readUInt32BE(16)).toBe(2400);
    // A wheel with its names is far more than a blank sheet (a white 2400 px PNG is a few kB).
    expect(pngBytes.length).toBeGreaterThan(100_000);
    if (keep) writeFileSync(`${keep}/start-page.png`, pngBytes);

    const downloadingSvg = page.waitForEvent("download");
    await links.getByRole("link", { name: "Ladda ner SVG" }).click();
    const svg = await downloadingSvg;
    expect(svg.suggestedFilename()).toMatch(/^arshjul-\d{4}-larkan\.svg$/);
    const text = readFileSync((await svg.path())!, "utf8");
    expect(text).toMatch(/<title>Årshjulet \d{4} – Lärkan<\/title>/);
    expect(text).toContain("Läget den 20 november 2026");

    // The start page itself, printed from the browser, is one sheet (its wheel and key; "Att göra nu" stays on screen).
    await expect(page.locator("#att-gora-nu")).toBeVisible();
    expect(pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true })).count).toBe(1);
  });

  test("every role that sees a wheel gets Ladda ner and Skriv ut", async ({ page }) => {
    for (const role of DEMO_ROLES) {
      await signIn(page, role, "/");
      const links = page.getByRole("group", { name: "Ladda ner eller skriv ut hjulet" });
      await expect(links.getByRole("link", { name: "Skriv ut" }), role).toBeVisible();
      await expect(links.getByRole("link", { name: "Ladda ner PNG" }), role).toBeVisible();
    }
  });

  test("the verksamhetschef prints the wheel with its key and numbered list on one landscape sheet, A4 or A3", async ({ page }) => {
    await signIn(page, "verksamhetschef", "/");
    await page.getByRole("group", { name: "Ladda ner eller skriv ut hjulet" }).getByRole("link", { name: "Skriv ut" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Årshjulet \d{4} – Alla enheter$/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Aktiviteterna" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Teckenförklaring" })).toBeVisible();
    expect(await page.locator(".wheel-print-list li").count()).toBeGreaterThan(40);
    await expect(page.locator(".wheel-print-list li").first()).toHaveText(/^1\. /);
    // The wheel is a picture here: none of its marks takes focus.
    expect(await page.evaluate(() => document.querySelectorAll(".wheel-print-wheel [data-wheel-item]").length)).toBeGreaterThan(40);
    await expectNoAxeViolations(page);

    await page.emulateMedia({ media: "print" });
    expect(await printedNameSize(page)).toBeGreaterThanOrEqual(7);
    await page.emulateMedia({ media: null });
    const a4 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    if (keep) writeFileSync(`${keep}/print-a4.pdf`, a4);
    const a4Pages = pdfPages(a4);
    expect(a4Pages.count).toBe(1);
    // A4 landscape: 842 × 595 points.
    expect(a4Pages.mediaBox.slice(2).map(Math.round)).toEqual([842, 595]);

    await page.getByRole("link", { name: "A3 liggande" }).click();
    await expect(page.getByRole("link", { name: "A3 liggande" })).toHaveAttribute("aria-current", "page");
    const a3 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    if (keep) writeFileSync(`${keep}/print-a3.pdf`, a3);
    const a3Pages = pdfPages(a3);
    expect(a3Pages.count).toBe(1);
    expect(a3Pages.mediaBox.slice(2).map(Math.round)).toEqual([1191, 842]);

    await page.setViewportSize({ width: 375, height: 812 });
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test("a quarter of the start page is printed as that quarter, for the enhetschef's unit", async ({ page }) => {
    await signIn(page, "enhetschef", "/?vy=kvartal&kvartal=2");
    await page.getByRole("group", { name: "Ladda ner eller skriv ut hjulet" }).getByRole("link", { name: "Skriv ut" }).click();
    await expect(page.getByText(/Kvartal 2: mars–maj/)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: /^Årshjulet \d{4} – (Lärkan|Tallbacken)$/ })).toBeVisible();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdfPages(pdf).count).toBe(1);
  });
});
