import { expect, test } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { serverDay } from "./servers";
import { menuLink, openMenuGroups } from "./menu";

const THIS_YEAR = serverDay("november").year;

const year = () => THIS_YEAR;

test.describe("översikten", () => {
  test("verksamhetschefen ser året, går genom årshjulet med tangentbordet och öppnar en enhet från värmekartan", async ({ page }) => {
    await signIn(page, "verksamhetschef");
    await (await menuLink(page, "Översikt")).click();
    await expect(page.getByRole("heading", { level: 1, name: `Översikt ${year()}` })).toBeVisible();
    await expectNoAxeViolations(page);

    // Year over year: this cycle and the one before, each at the same date.
    const compare = page.getByRole("table", { name: "Andel klara uppgifter vid samma datum" });
    await expect(compare.getByRole("rowheader", { name: new RegExp(`^${year()}`) })).toBeVisible();
    await expect(compare.getByRole("rowheader", { name: new RegExp(`^${year() - 1}`) })).toBeVisible();
    // No comparison, when asked for none.
    await page.getByLabel("Jämför med").selectOption({ label: "Ingen jämförelse" });
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page.getByText("Välj ett år under Jämför med för att se ett tidigare år bredvid.")).toBeVisible();
    await expect(compare.getByRole("rowheader", { name: new RegExp(`^${year() - 1}`) })).toHaveCount(0);
    await page.goBack();
    await expect(compare.getByRole("rowheader", { name: new RegExp(`^${year() - 1}`) })).toBeVisible();
    // The overdue list is oldest first: days overdue never grow down the list, and there is something to order.
    const overdueHeading = page.getByRole("heading", { level: 2, name: /^Försenade uppgifter i cykel \d+ \(\d+\)$/ });
    await expect(overdueHeading).toBeVisible();
    const overdueTable = page.getByRole("table", { name: "Försenade uppgifter, äldst först" });
    const days = (await overdueTable.locator("tbody tr td:last-child").allTextContents()).map(Number);
    expect(days.length).toBeGreaterThan(1);
    expect(new Set(days).size).toBeGreaterThan(1);
    expect(days).toEqual([...days].sort((a, b) => b - a));

    // The wheel: one tab stop, arrow keys move between activities and show their details.
    await page.getByRole("link", { name: `Se årshjulet för ${year()}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Årshjul ${year()}` })).toBeVisible();
    const wheel = page.getByRole("group", { name: new RegExp(`^Årshjul ${year()}`) });
    await wheel.locator('[data-wheel-item][tabindex="0"]').focus();
    const first = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    await page.keyboard.press("ArrowRight");
    const second = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    await expect(page.getByTestId("wheel-details")).toContainText(second!.split(". ")[1]!.split(",")[0]!);
    await page.goBack();

    // A unit's count of försenade opens them; its months are figures, not links (the row has the links).
    const heat = page.getByRole("region", { name: "Täckning per enhet och månad" });
    const lark = heat.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Lärkan" }) });
    await expect(lark.getByRole("cell").filter({ hasText: "förs." }).first()).toBeVisible();
    await expect(lark.getByRole("link")).toHaveCount(2);
    await lark.getByRole("link", { name: /^\d+ försenade i Lärkan$/ }).click();
    await expect(page).toHaveURL(new RegExp(`/checklista\\?enhet=[a-z0-9]+&ar=${year()}&filter=forsenade`));
    await expect(page.getByRole("main")).toContainText(`Lärkan, cykel ${year()} (december ${year() - 1} – november ${year()}).`);
    await expect(page.getByRole("link", { name: /^Försenade \([1-9]\d*\)/ })).toHaveAttribute("aria-current", "page");
    await expectNoAxeViolations(page);

    // And the unit's name in the first column does the same.
    await page.goBack();
    await heat.getByRole("rowheader", { name: "Hagen" }).getByRole("link").click();
    await expect(page.getByRole("main")).toContainText(`Hagen, cykel ${year()} (december ${year() - 1} – november ${year()}).`);
  });

  test("ett tidigare år kan väljas, och sidan fungerar på en smal skärm", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, "verksamhetschef", "/oversikt");
    await page.getByLabel("År", { exact: true }).selectOption(String(year() - 1));
    await page.getByLabel("Jämför med").selectOption({ label: "Ingen jämförelse" });
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Översikt ${year() - 1}` })).toBeVisible();
    await expect(page.getByText("Det finns ingen tidigare cykel att jämföra med.")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page);
  });

  test("en enhetschef når inte översikten", async ({ page }) => {
    await signIn(page, "enhetschef");
    await openMenuGroups(page);
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Översikt", exact: true })).toHaveCount(0);
    await page.goto("/oversikt");
    await expect(page.getByRole("heading", { level: 1, name: "Ingen behörighet" })).toBeVisible();
  });
});

test.describe("kalender i Outlook", () => {
  test("en enhetschef skapar en kalender som går att hämta, och efter att den avslutats nekas adressen", async ({ page }) => {
    await signIn(page, "enhetschef");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kalender", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Kalender i Outlook" })).toBeVisible();
    await expectNoAxeViolations(page);

    // Nothing chosen: a Swedish error, no calendar.
    await page.getByRole("button", { name: "Skapa kalender" }).click();
    await expect(page.getByLabel("Kalender för")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Kalender för").selectOption({ label: "Lärkan" });
    await page.getByRole("button", { name: "Skapa kalender" }).click();
    const address = page.getByLabel("Kalenderns adress");
    await expect(address).toHaveValue(/\/kalender\/[A-Za-z0-9_-]{43}$/);
    const url = await address.inputValue();
    await expectNoAxeViolations(page);

    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    const body = await feed.text();
    expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(body).toContain("BEGIN:VEVENT");

    // A wrong token is refused like a missing page.
    expect((await page.request.get(url.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).status()).toBe(404);

    await page.reload();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Avsluta kalendern för Lärkan" }).first().click();
    await expect(page.getByText(/Avslutade kalendrar \(\d+\)/)).toBeVisible();
    expect((await page.request.get(url)).status()).toBe(404);
  });
});
