import { expect, test } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { serverDay } from "./servers";
import { menuLink } from "./menu";

const THIS_YEAR = serverDay("november").year;

// This year's values for Ekdungen, the kommun and riket are not in the seed (it fills the two years before), so this import adds new values.
const UNIT = "Ekdungen";
const YEAR = THIS_YEAR;
const INDICATORS = ["helhetssyn", "trygghet", "bemotande", "information"];
const rows = INDICATORS.flatMap((key, i) => [
  `${key};${UNIT};${YEAR};${(91.5 - i * 3).toFixed(1).replace(".", ",")};34;61`,
  `${key};Kommunen;${YEAR};${(86 - i * 2).toFixed(1).replace(".", ",")};1460;58`,
  `${key};Riket;${YEAR};${87 - i};;`,
]);
const GOOD_FILE = `\uFEFFindikator;enhet;år;värde;antal_svar;svarsfrekvens\r\n${rows.join("\r\n")}\r\n`;
const BAD_FILE = `indikator;enhet;år;värde\nhelhetssyn;${UNIT};${YEAR};101\n`;
const ACTION = `Uppföljningssamtal efter första besöket (e2e ${Date.now()})`;

test("resultat: importera, jämför en enhet och lägg till en förbättringsåtgärd", async ({ page }) => {
  await signIn(page, "utvecklare");
  await (await menuLink(page, "Resultat")).click();
  await expect(page.getByRole("heading", { level: 1, name: "Resultat" })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Gemensamma nämnare ${YEAR - 1}` })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Importera resultat" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Importera resultat/ })).toBeVisible();
  await expectNoAxeViolations(page);
  const fileInput = page.getByLabel("Resultatfil (CSV)");

  // A too large file is refused before it is sent; a bad value is refused with line and column, nothing shown to confirm.
  await fileInput.setInputFiles({ name: "stor.csv", mimeType: "text/csv", buffer: Buffer.alloc(1_500_000, 65) });
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Filen är för stor (1,5 MB)" })).toBeVisible();
  await fileInput.setInputFiles({ name: "fel.csv", mimeType: "text/csv", buffer: Buffer.from(BAD_FILE) });
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rad 2, kolumn D" })).toContainText("Rad 2, kolumn D (värde): värdet 101 ligger utanför 0–100.");
  await expect(page.getByRole("button", { name: /^Importera \d+ rader$/ })).toHaveCount(0);

  await fileInput.setInputFiles({ name: `resultat-${YEAR}.csv`, mimeType: "text/csv", buffer: Buffer.from(GOOD_FILE, "utf8") });
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(page.getByRole("heading", { name: "Förhandsgranskning" })).toBeVisible();
  const preview = page.getByRole("region", { name: "Rader i filen" });
  await expect(preview.getByRole("row")).toHaveCount(rows.length + 1);
  await expect(preview.getByRole("row").nth(1)).toContainText(`Helhetssyn${UNIT}${YEAR}91,5 %`);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Importera ${rows.length} rader` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Klart: ${rows.length} värden importerades för ${YEAR}` })).toBeVisible();

  // The unit's comparison: chart and table with the numbers as text.
  await page.getByRole("link", { name: "Visa resultaten" }).click();
  await page.getByRole("link", { name: UNIT, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${UNIT} ${YEAR}` })).toBeVisible();
  const table = page.getByRole("table", { name: `${UNIT} ${YEAR} i siffror` });
  const helhet = table.getByRole("row", { name: /^Helhetssyn/ });
  await expect(helhet).toContainText("91,5 %");
  await expect(helhet).toContainText("+5,5 p.e. bättre");
  await expect(page.getByRole("figure")).toContainText("kommunen 86 %");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Sammanfattning för brukarbrev 4" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Vad tycker du om hemtjänsten? Resultatet ${YEAR}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: `← Resultat för ${UNIT}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${UNIT} ${YEAR}` })).toBeVisible();

  // An improvement action for the unit, linked to an indicator, in this year's cycle.
  await page.getByRole("navigation", { name: "Mer om enhetens resultat" }).getByRole("link", { name: "Förbättringsåtgärder" }).click();
  await expect(page.getByRole("heading", { level: 2, name: `Åtgärder för ${UNIT} (0)` })).toBeVisible();
  await expectNoAxeViolations(page);
  const form = page.getByRole("region", { name: "Ny åtgärd" });
  await expect(form.getByLabel("Gäller")).toHaveValue(/.+/);
  await form.getByRole("button", { name: "Spara åtgärden" }).click();
  await expect(form.getByText("Skriv en rubrik.").last()).toBeVisible();
  await form.getByLabel("Åtgärd", { exact: true }).fill(ACTION);
  await form.getByLabel("Indikator").selectOption({ label: "Trygghet" });
  await form.getByLabel("Ansvarig").fill("Enhetschef Ekdungen");
  await form.getByLabel("Klart senast").fill(`${YEAR}-12-18`);
  await form.getByRole("button", { name: "Spara åtgärden" }).click();
  await expect(form.getByRole("status")).toHaveText("Åtgärden är sparad.");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: ACTION }) });
  await expect(card).toContainText(`${UNIT}, ${YEAR}`);
  await expect(card).toContainText(`Effekten syns när resultatet för ${YEAR + 1} har kommit in`);
  await card.getByText("Ändra åtgärden eller lägg till en anteckning").click();
  await card.getByLabel("Ny anteckning").fill("Första samtalen är gjorda.");
  await card.getByRole("button", { name: "Lägg till anteckning" }).click();
  await expect(card.getByText("Första samtalen är gjorda.")).toBeVisible();
  await expectNoAxeViolations(page);

  // The wheel draws this year's actions in the Uppföljning phase.
  await page.goto("/arshjul");
  await expect(page.getByText(ACTION).first()).toBeAttached();
});

test("resultat: koordinatorn ser sin enhets resultat och sammanfattningen men hanterar inga åtgärder", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, "koordinator");
  const nav = page.getByRole("navigation", { name: "Huvudmeny" });
  await expect(nav.getByRole("link", { name: "Förbättringsåtgärder" })).toHaveCount(0);
  await (await menuLink(page, "Resultat")).click();
  await expect(page.getByRole("heading", { level: 2, name: "Enheterna" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Importera resultat" })).toHaveCount(0);
  await page.getByRole("link", { name: "Lärkan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Lärkan ${YEAR - 1}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Förbättringsåtgärder" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Sammanfattning för brukarbrev 4" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Det här ska vi bli bättre på" })).toBeVisible();
  await expect(page.getByText("Kontaktpersonen ringer vid ändrad tid eller ny personal")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/atgarder");
  await expect(page.getByRole("heading", { level: 1, name: "Ingen behörighet" })).toBeVisible();
  await page.goto("/resultat/importera");
  await expect(page.getByRole("heading", { level: 1, name: "Ingen behörighet" })).toBeVisible();
});

test("resultat: webbläsaren vägrar en fil med styrtecken eller personnummer när den väljs, och skickar den inte", async ({ page }) => {
  await signIn(page, "utvecklare", "/resultat/importera");
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  const fileInput = page.getByLabel("Resultatfil (CSV)");
  await expect(page.getByText("Högst 1 MB och 10 000 rader.", { exact: false })).toBeVisible();
  await fileInput.setInputFiles({ name: "nul.csv", mimeType: "text/csv", buffer: Buffer.from(`indikator;enhet;år;värde\nhelhetssyn;${UNIT}\u0000;${YEAR};80\n`) });
  const status = page.getByRole("status").filter({ hasText: "styrtecken" });
  await expect(status).toContainText("Filen innehåller otillåtna tecken (styrtecken) på rad 2.");
  await expect(fileInput).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  await fileInput.setInputFiles({ name: "pnr.csv", mimeType: "text/csv", buffer: Buffer.from(`indikator;enhet;år;värde\nhelhetssyn;19450101/1235;${YEAR};80\n`) });
  await expect(page.getByRole("status").filter({ hasText: "personnummer" })).toContainText("(rad 2)");
  await expect(page.getByRole("status").filter({ hasText: "personnummer" })).not.toContainText("1235");
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  expect(posts).toEqual([]);
});
