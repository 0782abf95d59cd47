import { expect, test } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { menuLink, openMenuGroups } from "./menu";

test.describe("påminnelser och tillgänglighet", () => {
  test("tillgänglighetsredogörelsen nås utan inloggning från sidfoten", async ({ page }) => {
    await page.goto("/logga-in");
    const footerLink = page.getByRole("contentinfo").getByRole("link", { name: "Tillgänglighetsredogörelse" });
    await expect(footerLink).toBeVisible();
    await footerLink.click();
    await expect(page).toHaveURL(/\/tillganglighet$/);
    await expect(page.getByRole("heading", { level: 1, name: "Tillgänglighetsredogörelse för Årshjulet" })).toBeVisible();
    await expect(page.getByText("delvis förenligt", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: /skicka e-post till/ })).toHaveAttribute("href", /^mailto:[^@]+@[^?]+\?subject=/);
    await expect(page.getByRole("link", { name: "anmäla bristande tillgänglighet till Digg" })).toHaveAttribute("href", /^https:\/\/www\.digg\.se\//);
    await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("startsidan visar Att göra nu och antalet försenade i menyn", async ({ page }) => {
    await signIn(page, "enhetschef", "/");
    const panel = page.getByRole("region", { name: "Att göra nu" });
    await expect(panel).toBeVisible();
    const first = panel.getByRole("listitem").getByRole("link").first();
    await expect(first).toHaveAttribute("href", /^\/checklista\/uppgift\/[a-z0-9]+$/);
    const overdue = page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: /^(1 försenad|\d+ försenade)$/ });
    await expect(overdue).toBeVisible();
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Tillgänglighetsredogörelse" })).toBeVisible();
    await expectNoAxeViolations(page);
    await first.click();
    await expect(page).toHaveURL(/\/checklista\/uppgift\//);
  });

  test("e-postvalet sparas och finns kvar efter omladdning", async ({ page }) => {
    await signIn(page, "koordinator");
    await page.getByRole("link", { name: "Inställningar" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Inställningar" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "Alla påminnelser" })).toBeChecked();
    await expectNoAxeViolations(page);
    await page.getByRole("radio", { name: "Bara veckosammanfattning" }).check();
    await page.getByRole("button", { name: "Spara" }).click();
    const emailForm = page.locator("form").filter({ hasText: "E-post från Årshjulet" });
    await expect(emailForm.getByRole("status")).toHaveText("Sparat: bara veckosammanfattning.");
    await page.reload();
    await expect(page.getByRole("radio", { name: "Bara veckosammanfattning" })).toBeChecked();
    // Back to the seeded choice, so later runs start from the same place.
    await page.getByRole("radio", { name: "Alla påminnelser" }).check();
    await page.getByRole("button", { name: "Spara" }).click();
    await expect(emailForm.getByRole("status")).toHaveText("Sparat: alla påminnelser.");
  });

  test("verksamhetsutvecklaren ser och ändrar påminnelsedagar per aktivitet", async ({ page }) => {
    await signIn(page, "utvecklare");
    await (await menuLink(page, "Påminnelser")).click();
    await expect(page.getByRole("heading", { level: 1, name: "Påminnelser" })).toBeVisible();
    await expectNoAxeViolations(page);
    const field = page.getByLabel("Påminnelsedagar för Brukarbrev 4");
    await expect(field).toHaveValue("-14, 0, 7");
    // One form and one Spara for the whole routine.
    const form = page.getByRole("form").filter({ has: field });
    const save = form.getByRole("button", { name: /^Spara ändringarna/ });
    await expect(save).toHaveCount(1);
    await field.fill("-100");
    await save.click();
    await expect(form.getByText("En påminnelse kan ligga högst 90 dagar före förfallodagen.")).toBeVisible();
    await expect(form.getByRole("status")).toHaveText("En rad behöver rättas; inget är sparat.");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
    // The same days in another order: nothing changed, so nothing is written and other tests see the same.
    await field.fill("7, 0, -14");
    await save.click();
    await expect(form.getByRole("status")).toHaveText("Inget var ändrat, så inget sparades.");
    await page.reload();
    await expect(page.getByLabel("Påminnelsedagar för Brukarbrev 4")).toHaveValue("-14, 0, 7");
  });

  test("påminnelsesidan är bara för den som hanterar rutiner", async ({ page }) => {
    await signIn(page, "enhetschef");
    await openMenuGroups(page);
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Påminnelser", exact: true })).toHaveCount(0);
    await page.goto("/paminnelser");
    await expect(page.getByRole("heading", { level: 1, name: "Ingen behörighet" })).toBeVisible();
  });
});
