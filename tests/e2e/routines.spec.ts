import { expect, test, type Page } from "./fixtures";
import { signIn, signInWithForm } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { dateWithWeek, serverDay } from "./servers";
import { menuLink } from "./menu";

const THIS_YEAR = serverDay("routines").year;
const todayIso = () => serverDay("routines").todayIso;

const SEEDED = "/rutiner/brukarundersokning-hemtjanst";
const NEW_ACTIVITY = "Egenkontroll av genomförandeplaner";
const NEXT = THIS_YEAR + 1;

async function selectOption(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).selectOption({ label: option });
}

test.describe("rutiner och cykler", () => {
  test("en verksamhetsutvecklare lägger till en aktivitet i ett utkast, publicerar, startar nästa år och enhetschefen ser aktiviteten", async ({ page }) => {
    // Through the form: the journey signs out, which must not end the saved session of other tests.
    await signInWithForm(page, "utvecklare");
    await (await menuLink(page, "Hantera rutiner")).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hantera rutiner" })).toBeVisible();
    await expectNoAxeViolations(page);

    // A second routine with its own layer colour.
    await page.getByRole("link", { name: "Ny rutin" }).click();
    await expect(page).toHaveTitle("Ny rutin – Årshjulet");
    await expectNoAxeViolations(page);
    await page.getByLabel("Titel").fill("Kvalitetssäkring av insatser");
    await page.getByLabel("Nyckel").fill("kvalitetssakring-insatser");
    await page.getByLabel("Färg i årshjulet").fill("#0f766e");
    await page.getByRole("button", { name: "Skapa rutinen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Redigera Kvalitetssäkring av insatser, version 1/ })).toBeVisible();
    await page.getByLabel("Ny fas").fill("Granskning");
    await page.getByRole("button", { name: "Lägg till fasen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Fasen Granskning är tillagd." })).toBeVisible();
    await expect(page.getByLabel("Ny fas")).toHaveValue("");
    await expect(page).toHaveTitle("Redigera utkast – Årshjulet");
    await expectNoAxeViolations(page);

    // Add the activity; a span that ends before it starts is refused at the field, and nothing is lost.
    await page.getByRole("link", { name: "Lägg till aktivitet", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Ny aktivitet/ })).toBeVisible();
    await expect(page).toHaveTitle("Ny aktivitet – Årshjulet");
    await page.getByLabel("Rubrik").fill(NEW_ACTIVITY);
    await selectOption(page, "Ansvarig roll", "Enhetschef");
    await selectOption(page, "Tidpunkt", "Period");
    await selectOption(page, "Startmånad", "Maj");
    await selectOption(page, "Slutmånad", "Mars");
    await page.getByRole("button", { name: "Lägg till aktiviteten" }).click();
    await expect(page.getByText("Perioden slutar före den börjar.")).toBeVisible();
    await expect(page.getByLabel("Slutmånad")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Rubrik")).toHaveValue(NEW_ACTIVITY);
    await expectNoAxeViolations(page);
    await selectOption(page, "Tidpunkt", "En månad");
    await selectOption(page, "Startmånad", "Mars");
    await selectOption(page, "Slutmånad", "Samma som startmånaden");
    await page.getByRole("button", { name: "Lägg till aktiviteten" }).click();
    await expect(page.getByText("Aktiviteten är sparad i utkastet.")).toBeVisible();
    const row = page.getByRole("listitem").filter({ hasText: NEW_ACTIVITY });
    await expect(row).toContainText("Mars");
    await expect(row).toContainText("Enhetschef");

    // Publish: the decision, and a clear answer about this year's running cycle.
    await page.getByRole("link", { name: "Publicera …" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Publicera Kvalitetssäkring av insatser, version 1/ })).toBeVisible();
    await page.getByLabel("Dokumentet är beslutat av").fill("Verksamhetschef hemtjänst");
    await page.getByLabel("Beslutsdatum").fill(todayIso());
    await page.getByLabel("Dokumentansvarig").fill("Verksamhetsutvecklare hemtjänst");
    await page.getByRole("button", { name: "Publicera version 1" }).click();
    await expect(page.getByText("Välj om återstående uppgifter ska följa den nya versionen.")).toBeVisible();
    await expect(page).toHaveTitle("Publicera version – Årshjulet");
    await expectNoAxeViolations(page);
    // One answer per open cycle (issue 32): every one keeps the earlier version.
    for (const no of await page.getByLabel(/^Nej, cykel \d+ fortsätter enligt den tidigare versionen$/).all()) await no.check();
    await page.getByRole("button", { name: "Publicera version 1" }).click();
    await expect(page.getByText("Versionen är publicerad och gäller nu.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Gällande");
    await expect(page).toHaveTitle("Rutinversion – Årshjulet");
    await expectNoAxeViolations(page);

    // Start next year's cycle; a second start of the same year writes nothing.
    await (await menuLink(page, "Årets cykler")).click();
    await expect(page).toHaveTitle("Årets cykler – Årshjulet");
    await expectNoAxeViolations(page);
    await page.getByLabel("År").fill(String(NEXT));
    await page.getByRole("button", { name: "Starta cykeln" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Cykel ${NEXT}` })).toBeVisible();
    await expect(page.getByText(new RegExp(`Cykeln ${NEXT} är startad med \\d+ uppgifter\\.`))).toBeVisible();
    await expect(page.getByRole("link", { name: "Kvalitetssäkring av insatser, version 1" })).toBeVisible();
    await page.getByLabel("Enkäterna skickas ut").fill(`${NEXT}-03-15`);
    await page.getByLabel("Påminnelse till dem som inte svarat").fill(`${NEXT}-03-01`);
    await page.getByRole("button", { name: "Spara tidsplanen" }).click();
    await expect(page.getByText("Påminnelsen måste komma efter utskicket.")).toBeVisible();
    await page.getByLabel("Påminnelse till dem som inte svarat").fill(`${NEXT}-04-12`);
    await page.getByRole("button", { name: "Spara tidsplanen" }).click();
    await expect(page.getByText(`Socialstyrelsens tidsplan för ${NEXT} är sparad.`)).toBeVisible();
    await page.reload();
    await expect(page.getByText(dateWithWeek(NEXT, 3, 15))).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/cykler");
    await page.getByLabel("År").fill(String(NEXT));
    await page.getByRole("button", { name: "Starta cykeln" }).click();
    await expect(page.getByText(new RegExp(`^Cykeln för ${NEXT} finns redan\\.`))).toBeVisible();

    // The enhetschef sees the new activity in next year's checklist of each of their units.
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL(/\/logga-in/);
    await signIn(page, "enhetschef", `/checklista?ar=${NEXT}`);
    await expect(page.getByRole("heading", { level: 3, name: NEW_ACTIVITY })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Enhet").selectOption({ label: "Tallbacken" });
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page.getByText(`Tallbacken, cykel ${NEXT} (december ${NEXT - 1} – november ${NEXT}).`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: NEW_ACTIVITY })).toBeVisible();
  });

  test("Redigera skapar ett utkast av den gällande versionen, och jämförelsen visar vilka fält som ändrats", async ({ page }) => {
    await signIn(page, "utvecklare", SEEDED);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Redigera" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Redigera Brukarundersökning hemtjänst, version 2/ })).toBeVisible();
    await expect(page.getByText("Ett utkast är skapat som kopia av den gällande versionen.")).toBeVisible();
    await expect(page).toHaveTitle("Redigera utkast – Årshjulet");
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Ändra Brukarbrev 2" }).click();
    await expect(page.getByText("Nyckel: brukarbrev-2")).toBeVisible();
    await expect(page).toHaveTitle("Ändra aktivitet – Årshjulet");
    await expectNoAxeViolations(page);
    await selectOption(page, "Startmånad", "Juli");
    await selectOption(page, "Slutmånad", "Juli");
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Brukarbrev 2" })).toContainText("Juli");

    // Moving with the keyboard keeps focus on the pressed button.
    const down = page.getByRole("button", { name: "Flytta Brukarbrev 2 nedåt" });
    await down.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Brukarbrev 2 är flyttad nedåt." })).toBeVisible();
    // Now last in its phase, so "nedåt" is disabled and focus moves to "uppåt".
    await expect(page.getByRole("button", { name: "Flytta Brukarbrev 2 nedåt" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Flytta Brukarbrev 2 uppåt" })).toBeFocused();

    await page.getByRole("link", { name: "Jämför med version 1" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Ändrade aktiviteter (1)" })).toBeVisible();
    await expect(page.getByText("Ändrat: startmånad, slutmånad")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Tillagda aktiviteter (0)" })).toBeVisible();
    await expect(page).toHaveTitle("Jämför versioner – Årshjulet");
    await expectNoAxeViolations(page);

    // Earlier versions stay readable and downloadable.
    await page.goto(`${SEEDED}/version/1`);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exportera JSON" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("brukarundersokning-hemtjanst-version-1.json");

    // Clean up: the seeded routine stays as it was for the other tests.
    await page.goto(`${SEEDED}/version/2/redigera`);
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Ta bort utkastet" }).click();
    await expect(page.getByText("Utkastet är borttaget.")).toBeVisible();
  });

  test("import säger var felet sitter och sparar inget", async ({ page }) => {
    await signIn(page, "utvecklare", "/rutiner/importera");
    await expectNoAxeViolations(page);
    await page.getByLabel("… eller klistra in JSON").fill('{\n  "format": "arshjulet-rutin/1",\n  "key": \n}');
    await page.getByRole("button", { name: "Läs in som utkast" }).click();
    await expect(page.getByText("Texten är inte giltig JSON: fel på rad 4, tecken 1.")).toBeVisible();
    const doc = {
      format: "arshjulet-rutin/1",
      key: "trasig-rutin",
      title: "Trasig rutin",
      phases: [{ key: "var", name: "Vår" }],
      activities: [{ key: "a", phase: "host", title: "A", responsibleRole: null, timing: "MONTH", startMonth: 13, endMonth: 13, scope: "UNIT", kind: "CHECKLIST" }],
    };
    await page.getByLabel("… eller klistra in JSON").fill(JSON.stringify(doc));
    await page.getByRole("button", { name: "Läs in som utkast" }).click();
    await expect(page.getByText("Aktivitet 1 (a), startmånad: Månaden måste vara 1–12.")).toBeVisible();
    await expect(page.getByText('Aktivitet 1 (a), fas: Fasen "host" finns inte i rutinen.')).toBeVisible();
    await page.goto("/rutiner");
    await expect(page.getByText("Trasig rutin")).toHaveCount(0);
  });

  test("andra roller når inte rutinhanteringen", async ({ page }) => {
    await signIn(page, "enhetschef");
    await expect(page.getByRole("link", { name: "Hantera rutiner" })).toHaveCount(0);
    await page.goto("/rutiner");
    await expect(page).toHaveURL(/\/ingen-behorighet$/);
    await page.goto("/cykler");
    await expect(page).toHaveURL(/\/ingen-behorighet$/);
    const response = await page.request.get(`${SEEDED}/version/1/export`);
    expect(response.status()).toBe(403);
  });

  test("fungerar på en smal skärm", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, "utvecklare");
    for (const path of ["/rutiner", `${SEEDED}/version/1`, "/rutiner/importera", "/cykler", `/cykler/${THIS_YEAR}`]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    }
  });
});
