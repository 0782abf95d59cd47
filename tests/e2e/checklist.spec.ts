import { expect, test, type Page } from "./fixtures";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signIn, signInWithForm } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { serverDay } from "./servers";

const THIS_YEAR = serverDay("november").year;

// The server's today is in late November. The brukarundersökning starts in December, so the 2026 cycle's December
// tasks were December 2025's, and the demo data has most of them klar: the journey first puts its two back to ej
// påbörjad (when they are not), as an enhetschef correcting the year's record would.
const TICK = "Planera in rutinens aktiviteter i planeringsverktyget";
const NOT_APPLICABLE = "Genomgång av rutinen i enhetens ledningsgrupp";

const taskItem = (page: Page, title: string) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: title, exact: true }) });

async function chooseUnit(page: Page, unit: string) {
  await page.getByLabel("Enhet", { exact: true }).selectOption({ label: unit });
  await page.getByRole("button", { name: "Visa" }).click();
  // The cycle is named with its months: the brukarundersökning starts in December (docs/decisions/014).
  await expect(page.getByText(new RegExp(`${unit}, cykel ${THIS_YEAR} \\(december ${THIS_YEAR - 1} – november ${THIS_YEAR}\\)\\.`))).toBeVisible();
}

async function expectChanges(page: Page, comment: string, reason: string) {
  const ticked = taskItem(page, TICK);
  await expect(ticked).toContainText("Status: Klar");
  await expect(ticked.getByText(`Senaste kommentar: ${comment}`)).toBeVisible();
  const skipped = taskItem(page, NOT_APPLICABLE);
  await expect(skipped).toContainText("Status: Ej aktuell");
  await expect(skipped.getByText(`Ej aktuell eftersom: ${reason}`)).toBeVisible();
}

/** The journey: tick, comment, ej aktuell with a reason, reload, then the verksamhetschef sees it. */
async function journey(page: Page, unit: string) {
  const comment = `Inplanerat i planeringsverktyget för ${unit}.`;
  const reason = `${unit} har ingen egen ledningsgrupp i år.`;
  // Through the form: the journey ends by signing out, which must not end the saved session of other tests.
  await signInWithForm(page, "enhetschef");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Min checklista" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Min checklista" })).toBeVisible();
  await chooseUnit(page, unit);
  await expectNoAxeViolations(page);

  for (const title of [TICK, NOT_APPLICABLE]) {
    const item = taskItem(page, title);
    const reset = item.getByRole("button", { name: "Ej påbörjad", exact: true });
    if ((await reset.getAttribute("aria-pressed")) !== "true") {
      await reset.click();
      // The button shows the new status at once; wait for the server's answer before the next change.
      await expect(item.getByRole("status")).toHaveText(`”${title}” är återställd till ej påbörjad.`);
    }
  }
  const ticked = taskItem(page, TICK);
  await ticked.getByRole("button", { name: "Klar", exact: true }).click();
  await expect(ticked.getByRole("status")).toHaveText(`”${TICK}” är markerad som klar.`);
  await expect(ticked.getByRole("button", { name: "Klar", exact: true })).toHaveAttribute("aria-pressed", "true");

  // A folded form is rendered only when it is opened (docs/decisions/016-folded-forms-render-when-opened.md).
  await expect(ticked.getByLabel("Kommentar")).toHaveCount(0);
  await ticked.getByText("Kommentera …").click();
  await ticked.getByLabel("Kommentar").fill(comment);
  await ticked.getByRole("button", { name: "Spara kommentar" }).click();
  await expect(ticked.getByRole("status")).toHaveText(`Kommentaren är sparad på ”${TICK}”.`);
  await expect(ticked.getByText(`Senaste kommentar: ${comment}`)).toBeVisible();

  const skipped = taskItem(page, NOT_APPLICABLE);
  await skipped.getByText("Ej aktuell …").click();
  // Without a reason the server refuses, explains, and nothing changes.
  await skipped.getByRole("button", { name: "Markera som ej aktuell" }).click();
  await expect(skipped.getByRole("status")).toHaveText("Ange varför uppgiften inte är aktuell.");
  const reasonField = skipped.getByLabel("Varför är uppgiften inte aktuell?");
  await expect(reasonField).toHaveAttribute("aria-invalid", "true");
  await expect(skipped).toContainText("Status: Ej påbörjad");
  await expect(skipped.getByRole("button", { name: "Ej påbörjad", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expectNoAxeViolations(page);
  await reasonField.fill(reason);
  await skipped.getByRole("button", { name: "Markera som ej aktuell" }).click();
  await expect(skipped.getByRole("status")).toHaveText(`”${NOT_APPLICABLE}” är markerad som ej aktuell.`);

  await page.reload();
  await expectChanges(page, comment, reason);
  await expectNoAxeViolations(page);

  await taskItem(page, TICK).getByRole("link", { name: `Historik för ${TICK}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: TICK })).toBeVisible();
  const history = page.getByRole("region", { name: "Historik" }).getByRole("listitem");
  await expect(history.nth(0)).toContainText("Kommenterade");
  await expect(history.nth(0)).toContainText("Demo Enhetschef");
  await expect(history.nth(0)).toContainText(comment);
  await expect(history.nth(1)).toContainText("Ändrade status från ej påbörjad till klar");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/logga-in/);
  await signIn(page, "verksamhetschef", "/checklista");
  await expect(page.getByText(`Hela verksamheten, cykel ${THIS_YEAR} (december ${THIS_YEAR - 1} – november ${THIS_YEAR}).`)).toBeVisible();
  await expectNoAxeViolations(page);
  await chooseUnit(page, unit);
  // Another unit's list is not "Min checklista".
  await expect(page.getByRole("heading", { level: 1, name: `Checklista – ${unit}` })).toBeVisible();
  await expect(page).toHaveTitle(`Checklista – ${unit} – Årshjulet`);
  await expect(page.getByText("Du kan se den här checklistan men inte ändra den.")).toBeVisible();
  await expectChanges(page, comment, reason);
  await expect(taskItem(page, TICK).getByRole("button", { name: "Klar", exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page);
}

test.describe("checklistan", () => {
  // The longest journeys of the suite, on a shared machine.
  test.slow();
  test("enhetschefen bockar av, kommenterar och markerar ej aktuell; verksamhetschefen ser samma sak", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await journey(page, "Lärkan");
  });

  test("samma resa i en mobil (375 px bred)", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await journey(page, "Tallbacken");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("filtren och en avslutad cykel", async ({ page }) => {
    await signIn(page, "enhetschef", "/checklista");
    const filters = page.getByRole("navigation", { name: "Filtrera uppgifterna" });
    await filters.getByRole("link", { name: /^Försenade/ }).click();
    await expect(filters.getByRole("link", { name: /^Försenade/ })).toHaveAttribute("aria-current", "page");
    // The demo data's mix differs per database, so check what is shown against the filter's own count.
    const items = page.locator("main ol > li");
    const late = Number(/\((\d+)\)/.exec((await filters.getByRole("link", { name: /^Försenade/ }).textContent()) ?? "")?.[1]);
    await expect(items).toHaveCount(late);
    for (const item of await items.all()) await expect(item.getByText("Försenad", { exact: true })).toBeVisible();
    if (late === 0) await expect(page.getByText("Inga uppgifter matchar filtret.")).toBeVisible();
    await expectNoAxeViolations(page);
    await filters.getByRole("link", { name: /^Klara/ }).click();
    await expect(filters.getByRole("link", { name: /^Klara/ })).toHaveAttribute("aria-current", "page");
    expect(await items.count()).toBeGreaterThan(0);
    for (const item of await items.all()) await expect(item).toContainText("Status: Klar");

    await page.getByLabel("Cykel", { exact: true }).selectOption(String(THIS_YEAR - 1));
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page.getByText(`Cykeln ${THIS_YEAR - 1} är avslutad och visas bara för läsning.`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Klar", exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

// Tasks other journeys of this file change; the undo journey leaves its task as it found it, but keeps clear of them.
const TAKEN = new Set([TICK, NOT_APPLICABLE, "Jämför resultatet med föregående år"]);

/** Under "Att göra" a ticked task stays in view with what happened and Ångra, which puts the status back. */
async function tickAndUndo(page: Page, unit: string) {
  await signIn(page, "enhetschef", "/checklista?filter=att-gora");
  await chooseUnit(page, unit);
  const filters = page.getByRole("navigation", { name: "Filtrera uppgifterna" });
  await expect(filters.getByRole("link", { name: /^Att göra/ })).toHaveAttribute("aria-current", "page");
  const candidates = page.locator("main ol > li").filter({ has: page.getByRole("button", { name: "Klar", exact: true }) });
  let title = "";
  for (const item of await candidates.all()) {
    const text = (await item.getByRole("heading", { level: 3 }).textContent())?.trim() ?? "";
    if (!TAKEN.has(text)) {
      title = text;
      break;
    }
  }
  expect(title).not.toBe("");
  const item = taskItem(page, title);
  const before = (await item.getByRole("button", { name: "Pågår", exact: true }).getAttribute("aria-pressed")) === "true" ? "Pågår" : "Ej påbörjad";
  const count = async () => Number(/\((\d+)\)/.exec((await filters.getByRole("link", { name: /^Att göra/ }).textContent()) ?? "")?.[1]);
  const open = await count();
  // "Läget för" counts the same tasks: what is left to do.
  const left = async () => Number(/(\d+) kvar att göra/.exec((await page.getByRole("region", { name: /^Läget för/ }).textContent()) ?? "")?.[1]);
  const leftBefore = await left();

  // The tick-off answers with the task's new state, not the re-rendered page (docs/decisions/033): a small answer
  // without the page's other tasks or its counts, which the browser updates itself. Read through a route, since the
  // browser's own copy of a streamed answer is not always kept.
  let body = "";
  await page.route(
    (url) => url.pathname === "/checklista",
    async (route) => {
      if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.continue();
      const response = await route.fetch();
      body = (await response.body()).toString("utf8");
      await route.fulfill({ response });
    },
  );
  await item.getByRole("button", { name: "Klar", exact: true }).click();
  await expect.poll(() => body).toContain(`”${title}” är markerad som klar.`);
  expect(body.length).toBeLessThan(10_000);
  expect(body).not.toContain("kvar att göra");
  expect(body).not.toContain("Filtrera uppgifterna");
  await page.unrouteAll();
  // It does not just disappear: it says what happened and offers Ångra.
  await expect(item.getByRole("status")).toHaveText(`”${title}” är markerad som klar.`);
  await expect(item.locator("p", { hasText: `”${title}” är markerad som klar.` })).toBeVisible();
  await expect(item).toContainText("Status: Klar");
  const undo = item.getByRole("button", { name: /^Ångra/ });
  await expect(undo).toBeVisible();
  await expect.poll(count).toBe(open - 1);
  await expect.poll(left).toBe(leftBefore - 1);
  const box = (await undo.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(24);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `test-results/att-gora-klar-${page.viewportSize()!.width}.png`, fullPage: false });

  await undo.click();
  await expect(item.getByRole("status")).toContainText(`Ångrat. ”${title}”`);
  await expect(item.getByRole("button", { name: before, exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(undo).toHaveCount(0);
  await expect(item.getByRole("heading", { level: 3, name: title })).toBeFocused();
  await expect.poll(count).toBe(open);
  await expect.poll(left).toBe(leftBefore);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `test-results/att-gora-angrat-${page.viewportSize()!.width}.png`, fullPage: false });

  // The history keeps both changes.
  await page.reload();
  await expect(taskItem(page, title).getByRole("button", { name: before, exact: true })).toHaveAttribute("aria-pressed", "true");
}

test.describe("bekräftelse och Ångra under Att göra", () => {
  test("på en bred skärm (1280 px)", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await tickAndUndo(page, "Lärkan");
  });
  test("i en mobil (375 px)", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await tickAndUndo(page, "Tallbacken");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});

test("koordinatorn ser först sina egna uppgifter och kan välja hela enhetens lista", async ({ page }) => {
  await signIn(page, "koordinator", "/checklista");
  await expect(page.getByRole("heading", { level: 1, name: "Min checklista" })).toBeVisible();
  const views = page.getByRole("navigation", { name: "Visa uppgifter" });
  const mine = views.getByRole("link", { name: /^Uppgifter jag kan ändra/ });
  await expect(mine).toHaveAttribute("aria-current", "page");
  const n = (text: string | null) => Number(/\((\d+)\)/.exec(text ?? "")?.[1]);
  const items = page.locator("main ol > li");
  await expect(items).toHaveCount(n(await mine.textContent()));
  await expectNoAxeViolations(page);
  await views.getByRole("link", { name: /^Hela listan/ }).click();
  await expect(page).toHaveURL(/visa=enhet/);
  const all = n(await views.getByRole("link", { name: /^Hela listan/ }).textContent());
  expect(all).toBeGreaterThan(n(await mine.textContent()));
  await expect(items).toHaveCount(all);
  await expectNoAxeViolations(page);
});

test("den som sparar sist får veta att uppgiften har ändrats och ser hur den ser ut nu", async ({ page }) => {
  const title = "Jämför resultatet med föregående år";
  await signIn(page, "enhetschef");
  const other = await page.context().newPage();
  for (const p of [page, other]) {
    await p.goto("/checklista");
    await chooseUnit(p, "Tallbacken");
  }
  const statuses = ["Ej påbörjad", "Pågår", "Klar"];
  const pressed = async (p: Page) => {
    for (const name of statuses) if ((await taskItem(p, title).getByRole("button", { name, exact: true }).getAttribute("aria-pressed")) === "true") return name;
    return null;
  };
  const start = await pressed(page);
  const [first, second] = statuses.filter((s) => s !== start);
  // The other tab saves first…
  await taskItem(other, title).getByRole("button", { name: first!, exact: true }).click();
  await expect(taskItem(other, title).getByRole("status")).toContainText(`”${title}” är`);
  // …so this tab's change, shown at once, is rolled back and explained.
  const mine = taskItem(page, title);
  await mine.getByRole("button", { name: second!, exact: true }).click();
  await expect(mine.getByRole("status")).toContainText(`Någon annan har ändrat uppgiften medan du hade den öppen. Den har nu status ${first!.toLowerCase()}.`);
  await expect(mine.getByRole("button", { name: first!, exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(mine.getByRole("button", { name: second!, exact: true })).toHaveAttribute("aria-pressed", "false");
  await expectNoAxeViolations(page);
});

test.describe("utan JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("en uppgift kan bockas av med ett vanligt formulär", async ({ page }) => {
    // The sign-in form needs JavaScript; sign in through next-auth's endpoints, which share the page's cookies.
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email: DEMO_ACCOUNTS.enhetschef, password: DEMO_PASSWORD, json: "true" } });
    await page.goto("/checklista");
    await expect(page.getByRole("heading", { level: 1, name: "Min checklista" })).toBeVisible();
    const item = taskItem(page, "Jämför resultatet med föregående år");
    const next = (await item.getByRole("button", { name: "Pågår", exact: true }).getAttribute("aria-pressed")) === "true" ? "Klar" : "Pågår";
    await item.getByRole("button", { name: next, exact: true }).click();
    await expect(taskItem(page, "Jämför resultatet med föregående år").getByRole("button", { name: next, exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(taskItem(page, "Jämför resultatet med föregående år").getByRole("status")).toContainText("Jämför resultatet med föregående år");

    // The folded forms are rendered when opened (docs/decisions/016); without JavaScript Planera leads to the task's page.
    const folded = taskItem(page, "Jämför resultatet med föregående år");
    await expect(folded.locator("textarea")).toHaveCount(0);
    await folded.getByText("Kommentera …").click();
    await expect(folded.locator("details", { hasText: "Kommentera …" }).getByText("Formuläret kräver JavaScript.")).toBeVisible();
    await folded.locator("summary", { hasText: "Planera" }).click();
    await folded.getByRole("link", { name: "Planera på uppgiftens sida" }).click();
    await expect(page.getByRole("heading", { level: 2, name: /Planera|Ändra planen/ })).toBeVisible();
    await expect(page.getByLabel("Datum")).toBeVisible();
  });

  test("en ändring som någon annan hann före säger det, också utan JavaScript", async ({ page, context }) => {
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email: DEMO_ACCOUNTS.enhetschef, password: DEMO_PASSWORD, json: "true" } });
    const title = "Jämför resultatet med föregående år";
    await page.goto("/checklista?filter=alla");
    const next = (await taskItem(page, title).getByRole("button", { name: "Pågår", exact: true }).getAttribute("aria-pressed")) === "true" ? "Klar" : "Pågår";
    // Another tab of the same person changes the task first…
    const other = await context.newPage();
    await other.goto("/checklista?filter=alla");
    await taskItem(other, title).getByRole("button", { name: next, exact: true }).click();
    await expect(taskItem(other, title).getByRole("button", { name: next, exact: true })).toHaveAttribute("aria-pressed", "true");
    // …so this tab's post of the old version is refused: back to the same list, which says so and shows the task as it is.
    await taskItem(page, title).getByRole("button", { name: next, exact: true }).click();
    expect(new URL(page.url()).searchParams.get("filter")).toBe("alla");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(`”${title}” ändrades inte: någon annan hann ändra uppgiften medan du hade den öppen. Den visas nu som den är; välj igen om något ska ändras.`);
    await expect(taskItem(page, title).getByRole("button", { name: next, exact: true })).toHaveAttribute("aria-pressed", "true");
    // (No axe here: it runs as a script, and this page has none. The message is the FlashMessage that axe checks on the
    // pages of the tests with JavaScript.)
    // A code in a link someone made shows only the page's own text, about a task the page itself names.
    await page.goto("/checklista?status=finns-inte&om=%3Cb%3E");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Uppgiften finns inte eller hör inte till det du kan ändra.");
    await page.goto("/checklista?status=Kontot%20%C3%A4r%20sp%C3%A4rrat");
    await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  });
});
