import { expect, test, type Page } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { serverDay } from "./servers";

const { year } = serverDay("february");
const CAFE = "Brukarfika med information om brukarundersökningen";

const taskItem = (page: Page, title: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: title, exact: true }) });

async function axeAtBothWidths(page: Page) {
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("enhetschefen planerar februaris brukarfika på dag och tid och lägger till en egen aktivitet; verksamhetschefen ser vad som återstår och kalendern har tiden", async ({ page }) => {
  await signIn(page, "enhetschef", "/checklista?visa=enhet");
  await expect(page.getByRole("heading", { level: 1, name: "Min checklista" })).toBeVisible();
  const cafe = taskItem(page, CAFE);
  await expect(cafe.getByText("inte planerad ännu")).toBeVisible();

  // Bad input first: a time without a date is refused and nothing changes.
  await cafe.locator("summary", { hasText: "Planera" }).click();
  await cafe.getByLabel("Starttid (valfri)").fill("14:00");
  await cafe.getByRole("button", { name: /Spara planen/ }).click();
  await expect(cafe.getByText("Ange ett datum när du anger en tid.").first()).toBeVisible();
  await expect(cafe.getByLabel("Starttid (valfri)")).toHaveAttribute("aria-invalid", "true");

  await cafe.getByLabel("Datum").fill(`${year}-02-18`);
  await cafe.getByLabel("Plats (valfri)").fill("Dagcentralen");
  await cafe.getByRole("button", { name: /Spara planen/ }).click();
  await expect(cafe.getByRole("status").filter({ hasText: `är planerad till 18 februari ${year} kl. 14:00, Dagcentralen.` })).toBeVisible();
  await expect(cafe.getByText(`18 februari ${year} kl. 14:00, Dagcentralen`).first()).toBeVisible();
  await axeAtBothWidths(page);

  // The task's page keeps the plan in its history and offers the same form to reschedule.
  await cafe.getByRole("link", { name: `Historik för ${CAFE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: CAFE })).toBeVisible();
  await expect(page.getByText(`Planerade till 18 februari ${year} kl. 14:00, Dagcentralen`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Ändra planen" })).toBeVisible();
  await axeAtBothWidths(page);
  await page.goBack();

  // A unit's own activity: no title is refused, then an extra brukarfika in March.
  await page.locator("summary", { hasText: "Lägg till en egen aktivitet för Lärkan" }).click();
  const own = page.getByRole("form", { name: "Lägg till en egen aktivitet för Lärkan" });
  await own.getByLabel("Datum (valfritt)").fill(`${year}-03-10`);
  await own.getByRole("button", { name: "Lägg till aktiviteten" }).click();
  await expect(own.getByText("Skriv en rubrik.").first()).toBeVisible();
  await own.getByLabel("Rubrik").fill("Extra brukarfika i mars");
  await own.getByLabel("Fas").selectOption({ label: "Brukarundersökning hemtjänst: Under pågående undersökning" });
  await own.getByRole("button", { name: "Lägg till aktiviteten" }).click();
  await expect(own.getByRole("status")).toHaveText(`”Extra brukarfika i mars” är tillagd som Lärkans egen aktivitet, 10 mars ${year}.`);
  const extra = taskItem(page, "Extra brukarfika i mars");
  await expect(extra.getByText("Enhetens egen")).toBeVisible();
  await expect(extra.getByText(`10 mars ${year}`).first()).toBeVisible();
  await axeAtBothWidths(page);

  // The ICS feed of Lärkan carries the brukarfika at 14:00 Swedish time (13:00 UTC in February).
  await page.goto("/kalender");
  await page.getByLabel("Kalender för").selectOption({ label: "Lärkan" });
  await page.getByRole("button", { name: "Skapa kalender" }).click();
  const address = page.getByLabel("Kalenderns adress");
  await expect(address).toHaveValue(/\/kalender\/[A-Za-z0-9_-]{43}$/);
  const ics = await (await page.request.get(await address.inputValue())).text();
  const event = ics.split("BEGIN:VEVENT").find((e) => e.includes(`SUMMARY:${CAFE}`) && e.includes(`DTSTART:${year}0218T130000Z`));
  expect(event).toBeDefined();
  expect(event).toContain("LOCATION:Dagcentralen");
  expect(ics).toContain("SUMMARY:Extra brukarfika i mars");
  expect(ics).toContain(`DTSTART;VALUE=DATE:${year}0310`);

  // The verksamhetschef's planning check: Lärkan's brukarfika is planned, its other day-bound steps are listed as missing.
  await signIn(page, "verksamhetschef", "/oversikt");
  const planning = page.getByRole("region", { name: "Inplanerat per enhet" });
  const lärkan = planning.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Lärkan/ }) });
  await expect(lärkan).toBeVisible();
  await expect(lärkan.getByRole("cell").nth(2)).not.toContainText(CAFE);
  await expect(lärkan.getByRole("cell").nth(2)).toContainText("Brukarfika i slutet av april eller början av maj");
  await expect(lärkan.getByRole("cell").first()).toContainText(/\d+ % \(\d+ av \d+\)/);
  await axeAtBothWidths(page);
});
