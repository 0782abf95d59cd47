import { expect, test } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { serverDay } from "./servers";

const { todayIso } = serverDay("december");

// Issue 32 (docs/decisions/020): on 6 December the 2027 cycle has begun and the 2026 cycle is open for its efterarbete.
// The koordinator's badge counts 2026's Brukarbrev 4 for Lärkan, which was never registered; the badge leads to the
// list of exactly those tasks, and the letter is registered in at most three clicks, after which the badge clears.
test("koordinatorn registrerar den avslutade cykelns försenade brukarbrev 4 från märket i menyn, och märket försvinner", async ({ page }) => {
  await signIn(page, "koordinator");
  const menu = page.getByRole("navigation", { name: "Huvudmeny" });
  const badge = menu.getByRole("link", { name: /^\d+ försenade?$/ });
  await expect(badge).toBeVisible();
  const count = Number((await badge.textContent())!.split(" ")[0]);

  // Click 1: the badge opens the list, which holds as many tasks as the badge says, each under its cycle.
  await badge.click();
  await expect(page.getByRole("heading", { level: 1, name: "Försenade uppgifter" })).toBeVisible();
  await expect(page.locator("main li[id], main ol > li")).toHaveCount(count);
  const ending = page.getByRole("region", { name: /^Cykel 2026 \(december 2025 – november 2026\)/ });
  await expect(ending).toContainText("Brukarbrev 4");
  await expect(ending).toContainText("31 januari 2027");
  await expectNoAxeViolations(page);

  // Click 2: the letter's link opens the Brukarbrev page of the 2026 cycle with letter 4's form open.
  await ending.getByRole("link", { name: "Öppna Brukarbrev" }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Lärkan, 2026" })).toBeVisible();
  const card = page.getByRole("region", { name: /^Brukarbrev 4\b/ });
  await expect(card.getByLabel("Skickat den")).toBeVisible();
  await expectNoAxeViolations(page);
  await card.getByLabel("Skickat den").fill(todayIso);
  await card.getByLabel("Antal brev").fill("41");

  // Click 3: registered; the badge no longer counts it.
  await card.getByRole("button", { name: "Markera som skickat" }).click();
  await expect(card.getByRole("status").first()).toContainText(/skickat/i);
  await page.reload();
  await expect(card).toContainText("41 brev");
  if (count === 1) await expect(menu.getByRole("link", { name: /försenade?$/ })).toHaveCount(0);
  else await expect(menu.getByRole("link", { name: `${count - 1} ${count - 1 === 1 ? "försenad" : "försenade"}` })).toBeVisible();
  await expectNoAxeViolations(page);
});

// Issue 33: the phone's agenda follows the cycle shown. On 6 December that is the 2027 cycle, which begins this month:
// nothing is folded and December 2026 comes first; the ending 2026 cycle reads from its own December, 2025.
test("på en telefon börjar månaderna med cykelns första månad, i den nya och i den avslutade cykeln", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, "koordinator", "/");
  await expect(page.getByRole("main").getByRole("heading", { level: 2 }).first()).toHaveText("Att göra nu");
  const agenda = page.getByRole("region", { name: "Månad för månad" });
  await expect(agenda.getByRole("heading", { level: 3 }).first()).toHaveText("December 2026");
  await expect(agenda.getByRole("heading", { level: 3 }).nth(1)).toHaveText("Januari 2027");
  await expect(agenda.locator("summary", { hasText: "Tidigare månader" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto("/?ar=2026");
  await expect(page.getByRole("heading", { level: 1, name: /^Årshjulet 2026/ })).toBeVisible();
  await expect(agenda.getByRole("heading", { level: 3 }).first()).toHaveText("December 2025");
  await expect(agenda.locator("summary", { hasText: "Tidigare månader" })).toHaveCount(0);
});
