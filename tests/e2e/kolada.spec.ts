import { expect, test } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { E2E_KOLADA_YEAR, E2E_KOMMUN, E2E_OUS } from "./kolada-data";

// The server's KOLADA_BASE_URL is a fake Kolada started by global-setup.ts (tests/e2e/kolada-data.ts says what it serves).
test("resultat: ställ in Kolada, hämta ett år, granska och importera med Källa: Kolada", async ({ page }) => {
  await signIn(page, "utvecklare", "/resultat/importera");
  await expect(page.getByRole("heading", { level: 2, name: "Hämta från Kolada" })).toBeVisible();
  const kolada = page.getByRole("region", { name: "Hämta från Kolada" });

  // Without the kommun's id nothing is fetched, and the section says where to give it.
  await expect(kolada).toContainText("Ange kommunens id i Kolada under ”Inställningar för Kolada” innan du hämtar.");
  const settings = kolada.locator("details").filter({ hasText: "Inställningar för Kolada" });
  await settings.getByText("Inställningar för Kolada").click();
  await settings.getByLabel("Kommunens id i Kolada").fill("14");
  await settings.getByRole("button", { name: "Spara inställningarna" }).click();
  await expect(settings.getByRole("status")).toHaveText("Kontrollera de markerade fälten.");
  await expect(settings.getByLabel("Kommunens id i Kolada")).toHaveAttribute("aria-invalid", "true");
  await settings.getByLabel("Kommunens id i Kolada").fill(E2E_KOMMUN);
  await settings.getByLabel(/^Granen/).fill(E2E_OUS.Granen);
  await settings.getByLabel(/^Lärkan/).fill(E2E_OUS.Lärkan);
  await settings.getByRole("button", { name: "Spara inställningarna" }).click();
  await expect(settings.getByRole("status")).toHaveText("Inställningarna för Kolada är sparade.");
  await expectNoAxeViolations(page);

  await kolada.getByLabel("År").fill(String(E2E_KOLADA_YEAR));
  await kolada.getByRole("button", { name: "Hämta från Kolada" }).click();
  const preview = kolada.getByRole("region", { name: "Värden från Kolada" });
  await expect(preview.getByRole("row")).toHaveCount(4);
  await expect(preview.getByRole("row").nth(3)).toContainText(`HelhetssynGranen${E2E_KOLADA_YEAR}91 %`);
  await expect(kolada).toContainText("Källa: Kolada.");
  await expect(kolada).toContainText("1 värde saknas i Kolada och hoppas över: Helhetssyn för Lärkan.");
  await expectNoAxeViolations(page);

  await kolada.getByRole("button", { name: "Importera 3 rader" }).click();
  await expect(kolada.getByRole("status").first()).toContainText(`Klart: 3 värden importerades för ${E2E_KOLADA_YEAR}`);
  await page.reload();
  await expect(page.getByRole("region", { name: "Senaste importerna" })).toContainText(`Kolada ${E2E_KOLADA_YEAR}, 3 rader, Källa: Kolada`);

  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
