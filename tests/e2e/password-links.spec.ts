import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./axe";
import { E2E_LINK_TOKEN, E2E_LINK_USER } from "./password-link";

/** Issue 29: the set-up's password link and "Glömt lösenord?", signed out, at 1280 and 375 px. */
test.describe("lösenordslänkar", () => {
  for (const width of [1280, 375]) {
    test(`Glömt lösenord ger samma svar för en okänd adress (${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/logga-in");
      await page.getByRole("link", { name: "Glömt lösenord?" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Glömt lösenord" })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Skicka länk" }).click();
      await expect(page.getByText("Ange en giltig e-postadress.").first()).toBeVisible();
      await page.getByLabel("E-postadress").fill(`finns-inte-${width}@arshjulet.example`);
      await page.getByRole("button", { name: "Skicka länk" }).click();
      await expect(page.getByRole("status")).toHaveText(/Om adressen hör till ett konto i Årshjulet har vi skickat en länk dit/);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `test-results/glomt-losenord-${width}.png`, fullPage: true });
    });
  }

  test("en felskriven eller använd länk säger vad man kan göra (375 px)", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/nytt-losenord/finns-inte-alls-0123456789abcdefghij");
    await expect(page.getByText(/Länken gäller inte längre/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Glömt lösenord?" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("länken från installationen sätter lösenordet en gång; sedan loggar man in och byter det själv", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/nytt-losenord/${E2E_LINK_TOKEN}`);
    await expect(page.getByRole("heading", { level: 1, name: "Välj lösenord" })).toBeVisible();
    await expect(page.getByText(E2E_LINK_USER.email)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: "test-results/valj-losenord-1280.png", fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoAxeViolations(page);
    await page.screenshot({ path: "test-results/valj-losenord-375.png", fullPage: true });
    await page.getByLabel("Nytt lösenord", { exact: true }).fill("ett långt nytt lösenord");
    await page.getByLabel("Nytt lösenord igen").fill("ett annat lösenord");
    await page.getByRole("button", { name: "Spara lösenordet" }).click();
    await expect(page.getByText("Lösenorden är inte likadana.").first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Nytt lösenord igen").fill("ett långt nytt lösenord");
    await page.getByRole("button", { name: "Spara lösenordet" }).click();
    await expect(page.getByRole("status")).toHaveText("Lösenordet är sparat. Logga in med ditt nya lösenord.");
    await page.getByRole("link", { name: "Till inloggningen" }).click();
    await page.getByLabel("E-postadress").fill(E2E_LINK_USER.email);
    await page.getByLabel("Lösenord").fill("ett långt nytt lösenord");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page).not.toHaveURL(/logga-in/);
    // Their own password on Inställningar: this session goes on after the change.
    await page.goto("/installningar");
    await expect(page.getByRole("heading", { name: "Byt lösenord" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Nuvarande lösenord").fill("fel lösenord igen");
    await page.getByLabel("Nytt lösenord", { exact: true }).fill("ett ännu nyare lösenord");
    await page.getByLabel("Nytt lösenord igen").fill("ett ännu nyare lösenord");
    await page.getByRole("button", { name: "Byt lösenord" }).click();
    await expect(page.getByText("Fel nuvarande lösenord.")).toBeVisible();
    await page.getByLabel("Nuvarande lösenord").fill("ett långt nytt lösenord");
    await page.getByRole("button", { name: "Byt lösenord" }).click();
    await expect(page.getByText("Lösenordet är bytt. Du är utloggad på dina andra enheter.")).toBeVisible();
    await page.screenshot({ path: "test-results/installningar-losenord-1280.png", fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await expect(page.getByRole("heading", { name: "Byt lösenord" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: "test-results/installningar-losenord-375.png", fullPage: true });
    // The link is used up.
    await page.goto(`/nytt-losenord/${E2E_LINK_TOKEN}`);
    await expect(page.getByText(/Länken gäller inte längre/)).toBeVisible();
  });
});
