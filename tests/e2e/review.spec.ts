import { expect, test, type Page } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { serverDay } from "./servers";
import { menuLink, openMenuGroups } from "./menu";

const THIS_YEAR = serverDay("april").year;

// The seed has reviews for the two years before this one only; this journey makes its own for this year.
const YEAR = THIS_YEAR;
const HEADER = "arende;omrade;endast_trygghetslarm;nyligen_avslutat;demensdiagnos;anhoriganstallning";
const AREAS = ["Område Norr", "Område Söder", "Område Öster", "Område Väster"];
// 7 cases per area, the first with a dementia diagnosis: 6 can be drawn, 5 are, 1 is the reserve.
const CASES = AREAS.flatMap((area, a) => Array.from({ length: 7 }, (_, i) => `E2E-${YEAR}-${a}${i};${area};nej;nej;${i === 0 ? "ja" : "nej"};nej`));
const csv = (rows: string[]) => ({ name: "arenden.csv", mimeType: "text/csv", buffer: Buffer.from(`${HEADER}\n${rows.join("\n")}\n`, "utf8") });

async function answer(page: Page, question: string, choice: "Ja" | "Delvis" | "Nej") {
  await page.getByRole("group", { name: question }).getByRole("radio", { name: choice, exact: true }).check();
}

async function recordInterview(page: Page, day: string, deviation: boolean) {
  await page.getByRole("link", { name: /^Registrera intervju för / }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Intervju E2E-/ })).toBeVisible();
  const caseRef = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Intervju ", "");
  await page.getByLabel("Intervjudatum").fill(`${YEAR}-04-${day}`);
  await answer(page, "Får du de insatser som du är beviljad?", deviation ? "Delvis" : "Ja");
  await answer(page, "Har insatserna planerats tillsammans med dig?", "Ja");
  await answer(page, "Kommer hemtjänsten när de ska?", deviation ? "Nej" : "Ja");
  if (deviation) {
    await page.getByRole("group", { name: "Avviker de utförda insatserna från beställningen?" }).getByRole("radio", { name: "Ja, avvikelse" }).check();
    // A deviation without a cause is refused at the field, and nothing typed is lost.
    await page.getByRole("button", { name: "Spara intervjun" }).click();
    await expect(page.getByText("Välj minst en orsak till avvikelsen.")).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("Kontrollera de markerade fälten.");
    await expectNoAxeViolations(page);
    await page.getByRole("checkbox", { name: "Hemtjänsten har inte utfört uppdraget" }).check();
    await page.getByLabel("Övriga synpunkter").fill("Städningen har inte blivit av de senaste veckorna.");
    await page.getByLabel("Överlämnat till ordinarie biståndshandläggare").fill(`${YEAR}-04-${day}`);
  }
  await page.getByLabel("Frågor och svar är dokumenterade i journalen").check();
  await page.getByRole("button", { name: "Spara intervjun" }).click();
  await expect(page.getByRole("status")).toHaveText(`Intervjun för ${caseRef} är sparad.`);
  await page.getByRole("link", { name: `← Urvalet ${YEAR}` }).click();
  return caseRef;
}

test.describe("kvalitetsgranskningen", () => {
  test("kvalitetshandläggaren importerar ärenden, drar urvalet, ersätter ett avböjt ärende, registrerar fyra intervjuer och läser sammanställningen", async ({ page }) => {
    await signIn(page, "kvalitetshandlaggare");
    await (await menuLink(page, "Kvalitetsgranskning")).click();
    await expect(page.getByRole("heading", { level: 1, name: "Kvalitetsgranskning" })).toBeVisible();
    await expect(page.getByRole("link", { name: `Granskningen ${YEAR - 1}` })).toBeVisible();
    await expectNoAxeViolations(page);

    // Import: a file with a personnummer is refused by line, without the number; then the real list.
    await page.getByRole("link", { name: "Importera ärendelista" }).click();
    await expect(page).toHaveTitle("Importera ärendelista – Årshjulet");
    await page.getByLabel("Granskningsår").fill(String(YEAR));
    await page.getByLabel("Ärendelista (CSV)").setInputFiles(csv([...CASES.slice(0, 3), "19450312-1230;Område Norr;nej;nej;nej;nej"]));
    await page.getByRole("button", { name: "Importera ärendelistan" }).click();
    const status = page.getByRole("status");
    await expect(status).toContainText("ser ut som ett personnummer eller samordningsnummer (rad 5)");
    await expect(status).not.toContainText("1230");
    await expectNoAxeViolations(page);
    await page.getByLabel("Ärendelista (CSV)").setInputFiles(csv(CASES));
    await page.getByRole("button", { name: "Importera ärendelistan" }).click();
    await expect(status).toHaveText(`28 ärenden importerades för ${YEAR}. Årets lista har nu 28 ärenden.`);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: `Gå till granskningen ${YEAR} och dra urvalet` }).click();

    // Draw: too large a sample is refused; 5 per area with a stated seed.
    await expect(page.getByRole("heading", { level: 1, name: `Kvalitetsgranskning ${YEAR}` })).toBeVisible();
    await expectNoAxeViolations(page);
    page.on("dialog", (dialog) => void dialog.accept());
    await page.getByLabel("Ärenden per område").fill("7");
    await page.getByRole("button", { name: "Dra urvalet" }).click();
    await expect(page.getByRole("status")).toContainText("Område Norr: 6 ärenden kan ingå.");
    await page.getByLabel("Ärenden per område").fill("5");
    await page.getByLabel("Slumpfrö (frivilligt)").fill(`e2e-${YEAR}`);
    await page.getByRole("button", { name: "Dra urvalet" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Urvalet" })).toBeVisible();
    await expect(page.getByText(`e2e-${YEAR}`, { exact: true })).toBeVisible();
    await expect(page.getByText(/ger exakt samma urval/)).toBeVisible();
    await expect(page.getByRole("link", { name: /^Registrera intervju för / })).toHaveCount(20);
    await expectNoAxeViolations(page);

    // A client declines: the reserve of the same area takes the place.
    const decline = page.getByRole("region", { name: "Brukaren vill inte medverka" });
    const option = (await decline.getByLabel("Ärende", { exact: true }).locator("option").nth(1).textContent())!;
    const [declinedRef, areaName] = /^(\S+) \((.+)\)$/.exec(option)!.slice(1);
    await decline.getByLabel("Ärende", { exact: true }).selectOption({ label: option });
    await decline.getByLabel("Varför vill brukaren inte medverka?").fill("Har redan svarat på utförarens enkät.");
    await decline.getByRole("button", { name: "Markera som avböjt och ersätt" }).click();
    await expect(decline.getByRole("status")).toContainText(`${declinedRef} är markerat som avböjt och ersatt av`);
    const area = page.getByRole("region", { name: areaName! }).filter({ has: page.getByRole("heading", { level: 3 }) });
    await expect(area.getByRole("row", { name: new RegExp(`^1 ${declinedRef} Avböjt Skäl: Har redan svarat`) })).toBeVisible();
    await expect(area.getByRole("row", { name: new RegExp(`^6 \\S+ ersätter ${declinedRef} Ej intervjuad`) })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Registrera intervju för / })).toHaveCount(20);

    // Four interviews, one with a deviation.
    const first = await recordInterview(page, "01", false);
    await expectNoAxeViolations(page);
    await recordInterview(page, "02", true);
    await recordInterview(page, "03", false);
    await recordInterview(page, "06", false);
    await expect(page.getByRole("link", { name: /^Registrera intervju för / })).toHaveCount(16);
    await expect(page.getByRole("row").filter({ hasText: first })).toContainText("Ingen avvikelse");
    await expect(page.getByText("Avvikelse", { exact: true })).toHaveCount(1);

    // The summary: 1 of 4, the cause, per area, and last year's seeded review to compare with.
    await page.getByRole("link", { name: `Sammanställning ${YEAR}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Kvalitetssäkring i hemtjänsten ${YEAR}` })).toBeVisible();
    await expect(page.getByText("Av 4 granskade hemtjänstärenden var 1 avvikande från beställningen (25 %).")).toBeVisible();
    await expect(page.getByRole("region", { name: "Orsaker" })).toContainText("Hemtjänsten har inte utfört uppdraget: 1");
    await expect(page.getByRole("region", { name: "Avvikelser per område" }).getByRole("row")).toHaveCount(5);
    const earlier = page.getByRole("region", { name: "Jämförelse med tidigare år" });
    await expect(earlier.getByRole("row", { name: new RegExp(`^${YEAR} 1 av 4`) })).toBeVisible();
    await expect(earlier.getByRole("row", { name: new RegExp(`^${YEAR - 1} 6 av 20 \\(30 %\\)`) })).toBeVisible();
    await expect(page.getByRole("button", { name: "Skriv ut eller spara som PDF" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("en enhetschef i hemtjänsten ser varken menyn eller ärendena", async ({ page }) => {
    await signIn(page, "enhetschef");
    await openMenuGroups(page);
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kvalitetsgranskning" })).toHaveCount(0);
    for (const path of ["/kvalitetsgranskning", `/kvalitetsgranskning/${YEAR - 1}`, `/kvalitetsgranskning/${YEAR - 1}/sammanstallning`, "/kvalitetsgranskning/importera"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Ingen behörighet" })).toBeVisible();
    }
    await expect(page.getByText(new RegExp(`ÄR-${YEAR - 1}-`))).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("urvalet och sammanställningen fungerar på en smal skärm", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, "handlaggare");
    const noOverflow = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.goto(`/kvalitetsgranskning/${YEAR - 1}`);
    await expect(page.getByRole("heading", { level: 2, name: "Urvalet" })).toBeVisible();
    // The biståndshandläggare interviews but does not draw or import.
    await expect(page.getByRole("button", { name: "Dra urvalet" })).toHaveCount(0);
    await noOverflow();
    await expectNoAxeViolations(page);
    await page.goto(`/kvalitetsgranskning/${YEAR - 1}/sammanstallning`);
    await expect(page.getByText("Av 20 granskade hemtjänstärenden var 6 avvikande från beställningen (30 %).")).toBeVisible();
    await noOverflow();
    await expectNoAxeViolations(page);
    await page.goto("/kvalitetsgranskning/importera");
    await expect(page.getByRole("heading", { level: 1, name: "Ingen behörighet" })).toBeVisible();
  });
});
