import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Locator, type Page } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { serverDay } from "./servers";

const { todayIso, year } = serverDay("february");
const today = () => todayIso;

const letterCard = (page: Page, n: number) => page.getByRole("region", { name: new RegExp(`^Brukarbrev ${n}\\b`) });

/** Opens a card's form with one click, as a user does (also before the page has hydrated). */
async function openForm(card: Locator, summary: string) {
  await card.locator("summary", { hasText: summary }).click();
  await expect(card.getByLabel("Skickat den")).toBeVisible();
}

/** If the demo data has letter 1 recorded already, take the record back so that the journey starts clean. */
async function startClean(page: Page) {
  const card = letterCard(page, 1);
  if (await card.locator("summary", { hasText: "Rätta registreringen" }).isVisible()) {
    // Taking a record back is apart from the correction form, behind its own disclosure and a confirm.
    await card.locator("summary", { hasText: "Skickades breven inte ändå?" }).click();
    page.once("dialog", (dialog) => dialog.accept());
    await card.getByRole("button", { name: /ta bort registreringen/ }).click();
    // The record is gone, so the card offers to mark the letter sent again.
    await expect(card.locator("summary", { hasText: "Markera som skickat" })).toBeVisible();
  }
}

test("koordinatorn markerar brukarbrev 1 som skickat i februari och rättar antalet; verksamhetschefen ser det och kan ladda ner det", async ({ page }) => {
  await signIn(page, "koordinator");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Brukarbrev", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Brukarbrev" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `Lärkan, ${year}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await startClean(page);

  const card = letterCard(page, 1);
  await openForm(card, "Markera som skickat");
  // Bad input first: nothing is stored and the field says why.
  await card.getByLabel("Skickat den").fill(today());
  await card.getByLabel("Antal brev").fill("0");
  await card.getByRole("button", { name: "Markera som skickat" }).click();
  await expect(card.getByText("Antalet ska vara minst 1.")).toBeVisible();
  await expect(card.getByLabel("Antal brev")).toHaveAttribute("aria-invalid", "true");

  await card.getByLabel("Antal brev").fill("63");
  await card.getByRole("button", { name: "Markera som skickat" }).click();
  await expectRecorded(page, card);
  await page.reload();
  await expect(card).toContainText("63 brev");
  await expect(card).toContainText("Skickat");

  await openForm(card, "Rätta registreringen");
  await expect(card.getByLabel("Antal brev")).toHaveValue("63");
  await card.getByLabel("Antal brev").fill("64");
  await card.getByRole("button", { name: "Spara rättelsen" }).click();
  await expect(card.getByRole("status").first()).toContainText("är rättat");
  await page.reload();
  await expect(card).toContainText("64 brev");
  await expectNoAxeViolations(page);

  // The correction is kept in the task's history.
  await card.getByRole("link", { name: "Historik för brukarbrev 1" }).click();
  await expect(page.getByText(/Rättat: skickat .*63 brev.*→ skickat .*64 brev/).first()).toBeVisible();
});

test("verksamhetschefen ser brukarbreven per enhet och får en CSV-fil och en arbetsbok som Excel kan öppna", async ({ page }) => {
  await signIn(page, "verksamhetschef", "/brukarbrev/oversikt");
  await expect(page.getByRole("heading", { level: 1, name: "Brukarbrev – översikt" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Lärkan/ }) });
  await expect(row).toContainText("64 st");
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Ladda ner (CSV)" }).click();
  const file = readFileSync((await (await downloading).path())!, "utf8");
  expect(file.charCodeAt(0)).toBe(0xfeff);
  expect(file.split("\r\n")[0]).toMatch(/^\uFEFFOmråde;Enhet;Brukarbrev 1 skickat;Brukarbrev 1 antal/);
  const larkan = file.split("\r\n").find((line) => line.includes(";Lärkan;"));
  expect(larkan).toContain(`${today()};64;Post;`);

  // The same table as a workbook: the day sent is a real date of that day, the count a number.
  const downloadingExcel = page.waitForEvent("download");
  await page.getByRole("link", { name: "Ladda ner (Excel)" }).click();
  const excel = await downloadingExcel;
  expect(excel.suggestedFilename()).toBe(`brukarbrev-${year}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await excel.path())!);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getCell("A1").value).toBe("Område");
  const larkanRow = sheet.getRow(sheet.getColumn(2).values.indexOf("Lärkan"));
  expect((larkanRow.getCell(3).value as Date).toISOString().slice(0, 10)).toBe(today());
  expect(larkanRow.getCell(4).value).toBe(64);
});

/** After a save: the confirmation stands outside the folded-away form, and the way to take it back is apart. */
async function expectRecorded(page: Page, card: Locator) {
  await expect(card.getByRole("status").first()).toContainText("är registrerat som skickat");
  await expect(card.getByLabel("Skickat den")).toBeHidden();
  await expect(card.locator("summary", { hasText: "Rätta registreringen" })).toBeVisible();
  await expect(card.getByRole("button", { name: /ta bort registreringen/ })).toBeHidden();
  await expect(card.locator("summary", { hasText: "Skickades breven inte ändå?" })).toBeVisible();
  await expectNoAxeViolations(page);
}

test("i en mobil (375 px): registreringen bekräftas, formuläret fälls ihop och borttagningen ligger för sig", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, "koordinator", "/brukarbrev");
  await startClean(page);
  const card = letterCard(page, 1);
  await openForm(card, "Markera som skickat");
  // An empty date says that it is missing, not how to write it.
  await card.getByLabel("Antal brev").fill("12");
  await card.getByRole("button", { name: "Markera som skickat" }).click();
  await expect(card.getByText("Ange ett datum.")).toBeVisible();
  await card.getByLabel("Skickat den").fill(today());
  await card.getByRole("button", { name: "Markera som skickat" }).click();
  await expectRecorded(page, card);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  // Taking it back asks first; the confirmation then says so.
  await card.locator("summary", { hasText: "Skickades breven inte ändå?" }).click();
  page.once("dialog", (dialog) => dialog.accept());
  await card.getByRole("button", { name: /ta bort registreringen/ }).click();
  await expect(card.getByRole("status").first()).toContainText("är borttagen");
  await expect(card.locator("summary", { hasText: "Markera som skickat" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("sidan fungerar i en mobil och för andra roller finns den inte", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, "koordinator", "/brukarbrev");
  await expect(page.getByRole("heading", { level: 2, name: /^Lärkan/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectNoAxeViolations(page);
  await page.goto("/brukarbrev/oversikt");
  await expect(page).toHaveURL(/ingen-behorighet/);
});
