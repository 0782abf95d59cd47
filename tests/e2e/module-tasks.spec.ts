import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "./fixtures";
import { signIn, type DemoRole } from "./auth";
import { expectNoAxeViolations } from "./axe";

// Issue 19, items 1, 2, 3, 5, 6: what each role sees of module-driven tasks and of the shares done, at both widths.
const SHOTS = process.env.E2E_SCREENSHOTS ? path.resolve(process.env.E2E_SCREENSHOTS) : null;
const WIDTHS = [1280, 375] as const;

/** Checks the page with axe at both widths (and saves a screenshot of each when E2E_SCREENSHOTS names a folder). */
async function atBothWidths(page: Page, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
    }
  }
}

const taskItem = (page: Page, title: RegExp | string) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: title }) });

async function visit(page: Page, role: DemoRole, url: string) {
  await signIn(page, role, url);
}

test("enhetschefen läser enhetens brukarbrev men kan inte registrera dem", async ({ page }) => {
  await visit(page, "enhetschef", "/brukarbrev");
  await expect(page.getByRole("heading", { level: 1, name: "Brukarbrev" })).toBeVisible();
  await expect(page.getByText("Du kan läsa enhetens brukarbrev men inte registrera dem")).toBeVisible();
  await expect(page.locator("summary", { hasText: "Markera som skickat" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /^Brukarbrev 1\b/ })).toBeVisible();
  await atBothWidths(page, "brukarbrev-enhetschef");
});

test("ett brukarbrev i checklistan visar brevets läge och en länk i stället för Klar", async ({ page }) => {
  await visit(page, "koordinator", "/checklista?filter=alla");
  const letter = taskItem(page, /^Brukarbrev 1\b|^Brukarbrev 1:/).first();
  await expect(letter).toContainText("Brukarbrevet:");
  await expect(letter.getByRole("button", { name: "Klar", exact: true })).toHaveCount(0);
  await expect(letter.getByRole("link", { name: /Öppna Brukarbrev/ })).toHaveAttribute("href", /\/brukarbrev\?enhet=/);
  await atBothWidths(page, "checklista-koordinator");
});

test("verksamhetschefen ser andelarna med vad de mäter, och innevarande månad som pågår", async ({ page }) => {
  await visit(page, "verksamhetschef", "/oversikt");
  await expect(page.getByRole("columnheader", { name: /Klara av dem som skulle vara klara i dag/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Klara av hela året" })).toBeVisible();
  // 20 November: November's tasks are due on the 30th, so the month is in progress, never a red share.
  const heat = page.getByRole("region", { name: "Täckning per enhet och månad" });
  await expect(heat.getByRole("columnheader").nth(12)).toHaveText("nov");
  const november = heat.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Lärkan" }) }).getByRole("cell").nth(11);
  await expect(november).toContainText("pågår");
  await expect(november).not.toContainText("%");
  await atBothWidths(page, "oversikt-verksamhetschef");
  await page.goto("/brukarbrev/oversikt");
  await expect(page.getByText("Ej aktuellt").first()).toBeVisible();
  await atBothWidths(page, "brukarbrev-oversikt-verksamhetschef");
  await page.goto("/arshjul");
  await expect(page.getByText("Klara av hela året, alla enheter")).toBeVisible();
  await atBothWidths(page, "arshjul-verksamhetschef");
});

test("verksamhetsutvecklaren ser samma två andelar under Årets cykler", async ({ page }) => {
  await visit(page, "utvecklare", "/cykler");
  await expect(page.getByRole("columnheader", { name: "Klara av dem som skulle vara klara i dag" })).toBeVisible();
  await atBothWidths(page, "cykler-utvecklare");
});

test("kvalitetshandläggarens uppgifter följer granskningen och sammanställningen kan markeras som klar", async ({ page }) => {
  await visit(page, "kvalitetshandlaggare", "/checklista?filter=alla");
  const draw = taskItem(page, /^Dra slumpvis urval/);
  await expect(draw.getByRole("link", { name: /Öppna Kvalitetsgranskning/ })).toBeVisible();
  await expect(draw.getByRole("button", { name: "Klar", exact: true })).toHaveCount(0);
  await atBothWidths(page, "checklista-kvalitetshandlaggare");
  await page.goto("/kvalitetsgranskning/2025/sammanstallning");
  await expect(page.getByText(/Sammanställningen markerades som klar/)).toBeVisible();
  await atBothWidths(page, "sammanstallning-kvalitetshandlaggare");
});
