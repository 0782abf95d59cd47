import { expect, test, type Page } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";

const stamp = Date.now().toString(36);

/** The page is checked at a desktop and a phone width; SCREENSHOTS=dir keeps a picture of each. */
async function checkWidths(page: Page, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("administratören skapar ett område och en enhet, stänger och öppnar enheten; allt i loggen", async ({ page }) => {
  const area = `Område Prov ${stamp}`;
  const unit = `Provenheten ${stamp}`;
  await signIn(page, "admin", "/admin/organisation");
  await expect(page.getByRole("heading", { level: 1, name: "Organisation" })).toBeVisible();
  await checkWidths(page, "organisation");

  const newArea = page.getByRole("region", { name: "Nytt område" });
  await newArea.getByRole("button", { name: "Skapa område" }).click();
  await expect(newArea.getByRole("status")).toHaveText("Ange områdets namn.");
  await newArea.getByLabel("Områdets namn").fill(area);
  await newArea.getByRole("button", { name: "Skapa område" }).click();
  await expect(newArea.getByRole("status")).toHaveText(`Området ${area} är skapat.`);

  const newUnit = page.getByRole("region", { name: "Ny enhet" });
  await newUnit.getByLabel("Enhetens namn").fill(unit);
  await newUnit.getByLabel("Område").selectOption({ label: area });
  await newUnit.getByLabel("Id i Kolada (valfritt)").fill("inte ett id");
  await newUnit.getByRole("button", { name: "Skapa enhet" }).click();
  await expect(newUnit.getByRole("status")).toContainText("Kolada");
  await newUnit.getByLabel("Id i Kolada (valfritt)").fill("V45E7777");
  await newUnit.getByRole("button", { name: "Skapa enhet" }).click();
  await expect(newUnit.getByRole("status")).toContainText(`Enheten ${unit} är skapad i ${area} med`);

  const section = page.getByRole("region", { name: area });
  await expect(section.getByRole("heading", { name: unit })).toBeVisible();
  await expect(section).toContainText("Ingen enhetschef");
  // The area holds a unit: it can be renamed but not removed.
  await section.getByText("Byt namn på området").click();
  await expect(section.getByRole("button", { name: /^Ta bort/ })).toHaveCount(0);

  const row = section.getByRole("listitem").filter({ has: page.getByRole("heading", { name: unit }) });
  await row.getByText("Ändra").click();
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: `Stäng ${unit}` }).click();
  // The page is drawn again with the unit closed (its close form gives way to the reopen form).
  await expect(section.getByRole("heading", { name: unit })).toContainText("Stängd från 20 november 2026");
  await page.reload();
  await expect(page.getByRole("region", { name: area }).getByRole("heading", { name: unit })).toContainText("Stängd från 20 november 2026");
  await checkWidths(page, "organisation-stangd");

  // A closed unit is in no unit picker: not on the user page.
  await page.goto("/admin/anvandare");
  await expect(page.locator("option", { hasText: unit })).toHaveCount(0);

  await page.goto("/admin/organisation");
  const closed = page.getByRole("region", { name: area }).getByRole("listitem").filter({ has: page.getByRole("heading", { name: unit }) });
  await closed.getByText("Ändra").click();
  await closed.getByRole("button", { name: `Öppna ${unit} igen` }).click();
  await expect(page.getByRole("region", { name: area }).getByRole("heading", { name: unit })).not.toContainText("Stängd");

  await page.goto("/logg");
  for (const action of ["Område skapat", "Enhet skapad", "Enhet stängd", "Enhet öppnad igen"]) await expect(page.getByText(action).first()).toBeVisible();
});

test("arbetsboken: förhandsgranskning, import och samma fil igen ger Inget att ändra", async ({ page }) => {
  const unit = `Arbetsboksenheten ${stamp}`;
  const csv = Buffer.from(`\uFEFFEnhet;Område;Kolada-id;Stängd från\r\n${unit};Område Norr;;\r\n`, "utf8");
  await signIn(page, "admin", "/admin/organisation");
  const workbook = page.getByRole("region", { name: "Hela organisationen i en arbetsbok" });
  await workbook.getByLabel("Arbetsbok (.xlsx) eller ett blad som CSV").setInputFiles({ name: "enheter.csv", mimeType: "text/csv", buffer: csv });
  await workbook.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(workbook.getByRole("status")).toContainText("Förhandsgranskning: 1 skapas");
  await expect(workbook.getByText(`Enhet: ${unit} (Område Norr)`)).toBeVisible();
  await checkWidths(page, "organisation-forhandsgranskning");
  await workbook.getByRole("button", { name: "Importera" }).click();
  await expect(workbook.getByRole("status")).toContainText("Importen är klar");
  await expect(page.getByRole("region", { name: "Område Norr" }).getByRole("heading", { name: unit })).toBeVisible();

  await workbook.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(workbook.getByRole("status")).toHaveText("Inget att ändra: organisationen är redan som i filen.");

  const bad = Buffer.from(`E-post;Namn;Roll;Gäller\r\nfel-adress;Någon;Enhetschef;Lärkan\r\n`, "utf8");
  await workbook.getByLabel("Arbetsbok (.xlsx) eller ett blad som CSV").setInputFiles({ name: "anvandare.csv", mimeType: "text/csv", buffer: bad });
  await workbook.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(workbook.getByRole("status")).toContainText("Användare, rad 2: e-postadressen ”fel-adress” är inte giltig.");
  await expectNoAxeViolations(page);
});

test("verksamhetsutvecklaren ser organisationen men kan inte ändra den", async ({ page }) => {
  await signIn(page, "utvecklare", "/admin/organisation");
  await expect(page.getByRole("heading", { level: 1, name: "Organisation" })).toBeVisible();
  await expect(page.getByText("bara en administratör kan ändra den")).toBeVisible();
  await expect(page.getByRole("region", { name: "Ny enhet" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Förhandsgranska" })).toHaveCount(0);
  await checkWidths(page, "organisation-lasare");
});
