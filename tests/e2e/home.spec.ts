import { expect, test, type Page } from "./fixtures";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { mainMenu } from "./menu";
import { serverDay } from "./servers";

const THIS_YEAR = serverDay("kommun").year;

// Set WHEEL_SCREENSHOTS=<dir> to keep pictures of the start page for a look by eye.
const shots = process.env.WHEEL_SCREENSHOTS;
async function atBothWidths(page: Page, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoAxeViolations(page);
    if (shots) await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** A mark of the wheel by the start of its accessible name ("<nr>. <title>. …"). */
const mark = (page: Page, title: string) => page.locator(`[data-wheel-item][aria-label*="${title}."]`);

test.describe("årshjulet som startsida", () => {
  test("en enhetschef landar på sin enhets hjul, läser aktiviteterna, öppnar brukarfikan med Enter och bockar av den i panelen", async ({ page }) => {
    // A long journey (axe at two widths, two saves): more than the default minute on a busy machine.
    test.slow();
    await signIn(page, "enhetschef", "/");
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Årshjulet ${THIS_YEAR} – `) })).toBeVisible();
    const wheel = page.getByRole("group", { name: new RegExp(`^Årshjul ${THIS_YEAR}, `) });
    // The names are written beside the wheel, whole (the routine's short names), so nobody has to hover to read them.
    await expect(wheel.getByText("Brukarfika november")).toBeVisible();
    await expect(wheel.getByText("Genomgång i enhetens LG")).toBeVisible();
    await expect(wheel.getByText(/Brukarbrev 4$/)).toBeVisible();
    await expect(wheel.locator("text.wheel-label", { hasText: "…" })).toHaveCount(0);
    // Every mark is a button named by its number, full title and state; its tooltip shows the full title on hover.
    const fikaButton = wheel.getByRole("button", { name: /^\d+\. Brukarfika med resultatet från brukarundersökningen\. November, .*\./ });
    await expect(fikaButton).toHaveCount(1);
    await page.setViewportSize({ width: 1280, height: 800 });
    await fikaButton.locator("text.wheel-label").hover();
    const tooltip = page.getByTestId("wheel-tooltip");
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText("Brukarfika med resultatet från brukarundersökningen");
    await page.keyboard.press("Escape");
    await expect(tooltip).toBeHidden();
    // No name smaller than 12 px at 1280 px: the wheel's scale times the names' font size.
    const smallest = await wheel.evaluate((svg) => {
      const scale = (svg as SVGSVGElement).getScreenCTM()!.a;
      return Math.min(...[...svg.querySelectorAll("text.wheel-label")].map((t) => Number(t.getAttribute("font-size")) * scale));
    });
    expect(smallest).toBeGreaterThanOrEqual(12);
    // At 1280 × 800 the whole wheel is in the first screen.
    await page.setViewportSize({ width: 1280, height: 800 });
    const box = (await wheel.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await atBothWidths(page, "start-enhetschef");

    const fika = mark(page, "Brukarfika med resultatet från brukarundersökningen");
    await expect(fika).toHaveCount(1);
    await fika.focus();
    await page.keyboard.press("Enter");
    const panel = page.getByRole("region", { name: "Aktivitet i årshjulet" });
    await expect(panel).toBeVisible();
    await expect(panel.getByText(/^\d+\. Brukarfika med resultatet/)).toBeFocused();
    await expectNoAxeViolations(page);
    // Under way first (the seed may have it done already), then klar: the wheel follows each change.
    await panel.getByRole("button", { name: "Pågår", exact: true }).click();
    await expect(fika).toHaveAttribute("aria-label", /: pågår[.,]/);
    await expect(fika.locator("text.wheel-label")).not.toContainText("✓");
    await panel.getByRole("button", { name: "Klar", exact: true }).click();
    await expect(panel.getByRole("status").filter({ hasText: "är markerad som klar" })).toBeVisible();
    await expect(fika).toHaveAttribute("aria-label", /: klar[.,]/);
    await expect(fika.locator("text.wheel-label")).toContainText("✓");
    await panel.getByRole("button", { name: "Stäng" }).click();
    await expect(panel).toHaveCount(0);
    await expect(fika).toBeFocused();
  });

  // Issue 35 (docs/decisions/032): the page sends the wheel and each activity's task id; the panel fetches its task, with
  // the checklist's forms, when it opens. A koordinator's and an enhetschef's own step, each ticked off in the panel.
  for (const [role, title] of [
    ["koordinator", "Avsluta samtal med brukare med frågan om brukarundersökningen"],
    ["enhetschef", "Förbered workshops för medarbetarna om resultatet"],
  ] as const) {
    test(`${role}: panelens uppgift hämtas när panelen öppnas, inte med sidan, och bockas av där`, async ({ page }) => {
      test.slow();
      await page.setViewportSize({ width: 1280, height: 800 });
      await signIn(page, role, "/");
      // Neither the page's HTML nor its RSC data carries a task's forms or the checklist's task view.
      const html = await (await page.request.get("/")).text();
      expect(html).toContain("data-wheel-item");
      for (const part of ['name="intent"', "historyHref", "canUpdate", "justChanged"]) expect(html, part).not.toContain(part);

      const fetched = page.waitForResponse((r) => /^\/checklista\/uppgift\/[^/]+\/panel$/.test(new URL(r.url()).pathname));
      const item = mark(page, title);
      await item.locator("text.wheel-label").click();
      expect((await fetched).status()).toBe(200);
      const panel = page.getByRole("region", { name: "Aktivitet i årshjulet" });
      await expect(panel.getByText(new RegExp(`^\\d+\\. ${title}$`))).toBeFocused();
      const task = panel.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: title }) });
      await expect(task.getByRole("link", { name: `Historik för ${title}` })).toHaveAttribute("href", /^\/checklista\/uppgift\/[a-z0-9]+$/);
      if (shots) await atBothWidths(page, `start-${role}-panel`);

      // Pågår first when the seed has it done, then klar: the wheel follows, and the panel shows the saved task.
      if ((await task.getByRole("button", { name: "Klar", exact: true }).getAttribute("aria-pressed")) === "true") {
        await task.getByRole("button", { name: "Pågår", exact: true }).click();
        await expect(item).toHaveAttribute("aria-label", /: pågår[.,]/);
      }
      await task.getByRole("button", { name: "Klar", exact: true }).click();
      await expect(task.getByRole("status").filter({ hasText: "är markerad som klar" })).toBeVisible();
      await expect(item).toHaveAttribute("aria-label", /: klar[.,]/);
      // "Klar <dag> av <namn>" comes only from the server's task: the panel fetched it again after the change.
      await expect(task.getByText(/^Klar \d+ \S+ \d{4} av /)).toBeVisible();
      await expect(task.getByRole("button", { name: "Klar", exact: true })).toHaveAttribute("aria-pressed", "true");
      await expectNoAxeViolations(page);
      await page.keyboard.press("Escape");
      await expect(panel).toHaveCount(0);
      await expect(item).toBeFocused();
    });
  }

  test("en verksamhetschef öppnar en försenad enhets uppgift från aktivitetens panel", async ({ page }) => {
    await signIn(page, "verksamhetschef", "/");
    await expect(page.getByRole("heading", { level: 1, name: `Årshjulet ${THIS_YEAR}` })).toBeVisible();
    // An activity with a unit behind has "!" in front of its name; a click on the name opens it.
    const late = page.locator("[data-wheel-item]").filter({ has: page.locator("tspan", { hasText: "!" }) }).first();
    await late.locator("text.wheel-label").click();
    const panel = page.getByRole("region", { name: "Aktivitet i årshjulet" });
    const units = panel.getByRole("list").first().getByRole("link");
    expect(await units.count()).toBeGreaterThan(0);
    const unitName = (await units.first().textContent())!;
    await units.first().click();
    await expect(page).toHaveURL(/\/checklista\/uppgift\//);
    await expect(page.getByText(unitName, { exact: true }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  for (const role of ["koordinator", "kommunikator", "handlaggare"] as const) {
    test(`${role} ser ett årshjul på startsidan`, async ({ page }) => {
      await signIn(page, role, "/");
      await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Årshjulet ${THIS_YEAR}`) })).toBeVisible();
      expect(await page.locator("[data-wheel-item]").count()).toBeGreaterThan(0);
      // The key explains only what this wheel shows: no units where the role has none.
      const key = page.getByRole("region", { name: "Teckenförklaring" });
      await expect(key.getByText("Hur många enheter som är klara")).toHaveCount(0);
      await expect(key.getByText(role === "kommunikator" ? "Kommunikationsenhetens läge" : role === "handlaggare" ? "Läget i kvalitetsgranskningen" : /^Läget för /)).toBeVisible();
      await expect(key.getByText("Ringarna, utifrån och in:").first()).toBeVisible();
      await atBothWidths(page, `start-${role}`);
    });
  }

  test("en enhetschef zoomar till ett kvartal och en månad, och adressen bär vyn", async ({ page }) => {
    // Axe at two widths and several page loads: more than the default minute on a busy machine.
    test.slow();
    await signIn(page, "enhetschef", "/");
    const views = page.getByRole("navigation", { name: "Visa hjulet som" });
    await expect(views.getByRole("link", { name: "Helår" })).toHaveAttribute("aria-current", "page");
    // The keyboard reaches the links: today's quarter first.
    await views.getByRole("link", { name: "Kvartal", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]vy=kvartal&kvartal=4(&|$)/);
    await expect(views.getByRole("link", { name: "Kvartal", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(views.getByRole("link", { name: "Kvartal 4" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("group", { name: `Kvartal 4 ${THIS_YEAR}, tidslinje` })).toBeVisible();
    // No wheel in a quarter: the help speaks of the timeline.
    await expect(page.getByText(/Peka på .* i hjulet/)).toHaveCount(0);
    await expect(page.getByText(/en aktivitet i tidslinjen/)).toBeVisible();
    await expect(mark(page, "Brukarbrev 4")).toHaveCount(1);
    await expect(mark(page, "Brukarbrev 1")).toHaveCount(0);

    await views.getByRole("link", { name: "Kvartal 1" }).click();
    await expect(page).toHaveURL(/[?&]vy=kvartal&kvartal=1(&|$)/);
    await expect(page.getByRole("group", { name: `Kvartal 1 ${THIS_YEAR}, tidslinje` })).toBeVisible();
    await expect(mark(page, "Brukarbrev 1")).toHaveCount(1);
    await expect(mark(page, "Brukarbrev 4")).toHaveCount(0);

    // The cycle starts in December, so its first quarter's first month is December.
    await views.getByRole("link", { name: "Månad", exact: true }).click();
    await expect(page).toHaveURL(/[?&]vy=manad&manad=12(&|$)/);
    await expect(views.getByRole("link", { name: "december" })).toHaveAttribute("aria-current", "page");
    await views.getByRole("link", { name: "februari" }).click();
    await expect(page).toHaveURL(/[?&]vy=manad&manad=2(&|$)/);
    await expect(views.getByRole("link", { name: "februari" })).toHaveAttribute("aria-current", "page");
    const month = page.getByRole("group", { name: `Februari ${THIS_YEAR}, tidslinje` });
    await expect(month).toBeVisible();
    await expect(mark(page, "Brukarbrev 1")).toHaveCount(1);
    await expect(mark(page, "Workshop för samtliga grupper om resultatet")).toHaveCount(0);
    await atBothWidths(page, "start-enhetschef-manad");

    // A row of the timeline opens the same panel as a mark of the wheel.
    await mark(page, "Brukarbrev 1").focus();
    await page.keyboard.press("Enter");
    const panel = page.getByRole("region", { name: "Aktivitet i årshjulet" });
    await expect(panel.getByText(/^\d+\. Brukarbrev 1$/)).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(panel).toHaveCount(0);

    // The address is the view: a reload (or a shared link) shows the same month.
    await page.reload();
    await expect(page.getByRole("group", { name: `Februari ${THIS_YEAR}, tidslinje` })).toBeVisible();
    await views.getByRole("link", { name: "Helår" }).click();
    await expect(page.getByRole("group", { name: new RegExp(`^Årshjul ${THIS_YEAR}, `) })).toBeVisible();
  });

  test("ett lager döljs, adressen bär valet och en omladdning behåller det", async ({ page }) => {
    await signIn(page, "enhetschef", "/");
    const layers = page.getByRole("navigation", { name: "Lager i hjulet" });
    const survey = page.locator('[data-wheel-item="survey"]');
    await expect(survey).toHaveCount(1);
    await layers.getByRole("link", { name: /^Socialstyrelsens enkätperiod \(visas/ }).click();
    await expect(page).toHaveURL(/[?&]dolj=enkat(&|$)/);
    await expect(survey).toHaveCount(0);
    await expect(layers.getByRole("link", { name: /^Socialstyrelsens enkätperiod \(dold/ })).toBeVisible();
    await page.reload();
    await expect(page).toHaveURL(/[?&]dolj=enkat(&|$)/);
    await expect(survey).toHaveCount(0);
    // The year and unit form carries the hidden layer on; the zoom keeps it too.
    await page.getByRole("button", { name: "Visa", exact: true }).click();
    await expect(page).toHaveURL(/[?&]dolj=enkat(&|$)/);
    await page.getByRole("navigation", { name: "Visa hjulet som" }).getByRole("link", { name: "Kvartal", exact: true }).click();
    await expect(page).toHaveURL(/vy=kvartal&kvartal=4&dolj=enkat/);
    await page.getByRole("navigation", { name: "Visa hjulet som" }).getByRole("link", { name: "Helår" }).click();
    await expect(page.getByRole("group", { name: new RegExp(`^Årshjul ${THIS_YEAR}, `) })).toBeVisible();
    await expect(page).not.toHaveURL(/vy=/);
    // Hiding the routine empties the rings; showing the survey again brings it back.
    await layers.getByRole("link", { name: /^Brukarundersökning hemtjänst \(visas/ }).click();
    await expect(page).toHaveURL(/dolj=brukarundersokning-hemtjanst,enkat/);
    await expect(mark(page, "Brukarbrev 4")).toHaveCount(0);
    await layers.getByRole("link", { name: /^Socialstyrelsens enkätperiod \(dold/ }).click();
    await expect(survey).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  test("Att göra nu listar enhetschefens egna uppgifter först, en försenad överst, med menyns antal försenade", async ({ page }) => {
    await signIn(page, "enhetschef", "/");
    const panel = page.getByRole("region", { name: "Att göra nu" });
    await expect(panel).toBeVisible();
    const badge = page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: /^(1 försenad|\d+ försenade)$/ });
    const count = ((await badge.textContent()) ?? "").match(/\d+/)![0];
    await expect(panel.getByText(new RegExp(`^Du har ${count} försenade? uppgift`))).toBeVisible();
    const tiers = panel.locator("ul[data-tier]");
    await expect(tiers.first()).toHaveAttribute("data-tier", "own");
    const first = tiers.first().locator("li").first();
    await expect(first).toContainText("Försenad, skulle vara klar");
    const link = first.getByRole("link");
    await expect(link).toHaveAttribute("href", /^\/checklista\/uppgift\/[a-z0-9]+$/);
    await link.click();
    await expect(page).toHaveURL(/\/checklista\/uppgift\//);
  });
});

// Issue 33: the start page on a 375 px phone (Att göra nu, then the agenda in the cycle's order from today's month,
// then the wheel as an overview) and in the first screen at 1280 × 800 for every role.
test.describe("startsidan på en telefon och i första skärmen", () => {
  test("på en telefon börjar sidan med Att göra nu, sedan månaderna i cykelns ordning från i dag och hjulet som överblick", async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, "enhetschef", "/");
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 2 }).first()).toHaveText("Att göra nu");
    const toDo = (await main.getByRole("heading", { level: 2, name: "Att göra nu" }).boundingBox())!;
    expect(toDo.y + toDo.height).toBeLessThanOrEqual(812);

    // 20 November 2026 is the last month of the cycle that began in December 2025: its eleven earlier months are folded.
    const agenda = page.getByRole("region", { name: "Månad för månad" });
    const months = agenda.getByRole("heading", { level: 3 });
    await expect(months.first()).toHaveText(`November ${THIS_YEAR}`);
    await expect(agenda.getByRole("heading", { level: 3, name: `December ${THIS_YEAR - 1}` })).toHaveCount(0);
    const earlier = agenda.locator("summary", { hasText: "Tidigare månader" });
    await earlier.click();
    await expect(months.first()).toHaveText(`December ${THIS_YEAR - 1}`);
    await expect(months.nth(1)).toHaveText(`Januari ${THIS_YEAR}`);
    await expectNoAxeViolations(page);

    // The wheel comes after the agenda, as wide as the screen, without names too small to read.
    const wheel = page.getByRole("group", { name: new RegExp(`^Årshjul ${THIS_YEAR}, `) });
    const wheelBox = (await wheel.boundingBox())!;
    expect((await agenda.boundingBox())!.y).toBeLessThan(wheelBox.y);
    expect(wheelBox.height).toBeGreaterThan(300);
    await expect(wheel.locator("text.wheel-label").first()).toBeHidden();
    const smallest = await wheel.evaluate((svg) => Math.min(...[...svg.querySelectorAll("text")].filter((t) => t.getClientRects().length > 0).map((t) => t.getBoundingClientRect().height)));
    expect(smallest).toBeGreaterThanOrEqual(7);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // An item of the agenda, by its short name, opens the wheel's panel (with the full title) right under it; Stäng brings the focus back.
    const item = agenda.locator("[data-agenda-item]").filter({ hasText: "Jämför med föregående år" });
    await item.click();
    const panel = agenda.getByRole("region", { name: "Aktivitet i årshjulet" });
    await expect(panel.getByText(/^\d+\. Jämför resultatet med föregående år$/)).toBeFocused();
    expect((await panel.boundingBox())!.y).toBeGreaterThan((await item.boundingBox())!.y);
    await expect(panel.getByRole("button", { name: "Klar", exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await panel.getByRole("button", { name: "Stäng" }).click();
    await expect(panel).toHaveCount(0);
    await expect(item).toBeFocused();
  });

  for (const role of ["enhetschef", "koordinator", "verksamhetschef", "utvecklare", "kommunikator", "handlaggare", "admin"] as const) {
    test(`${role}: menyn på en rad, hela hjulet och början av Att göra nu i första skärmen vid 1280 × 800`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await signIn(page, role, "/");
      const header = (await page.locator("body > header").boundingBox())!;
      expect(header.height, "sidhuvudet på en rad").toBeLessThanOrEqual(72);
      expect((await mainMenu(page).getByRole("list").first().boundingBox())!.height, "menyn på en rad").toBeLessThanOrEqual(32);
      const wheel = (await page.getByRole("group", { name: new RegExp(`^Årshjul ${THIS_YEAR}, `) }).boundingBox())!;
      expect(wheel.y).toBeGreaterThanOrEqual(header.y + header.height);
      expect(wheel.y + wheel.height, "hela hjulet").toBeLessThanOrEqual(800);
      if (role !== "admin") {
        const toDo = (await page.getByRole("heading", { level: 2, name: "Att göra nu" }).boundingBox())!;
        expect(toDo.y + toDo.height, "Att göra nu börjar i första skärmen").toBeLessThanOrEqual(800);
      }
      // The layers and the key follow without a long scroll.
      const layers = page.getByRole("navigation", { name: "Lager i hjulet" });
      if ((await layers.count()) > 0) expect((await layers.boundingBox())!.y).toBeLessThan(900);
      expect((await page.getByRole("heading", { name: "Teckenförklaring" }).boundingBox())!.y).toBeLessThan(1200);
      if (role === "verksamhetschef") await expectNoAxeViolations(page);
    });
  }

  test("panelen öppnas under hjulet, täcker inga namn och visar statusknapparna vid 1280 × 800", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "enhetschef", "/");
    const wheel = page.getByRole("group", { name: new RegExp(`^Årshjul ${THIS_YEAR}, `) });
    await mark(page, "Jämför resultatet med föregående år").locator("text.wheel-label").click();
    const panel = page.getByRole("region", { name: "Aktivitet i årshjulet" });
    await expect(panel.getByText(/^\d+\. Jämför resultatet med föregående år$/)).toBeFocused();
    // The panel fetches its task and then scrolls itself into view (docs/decisions/032): measure after that, the wheel
    // and the panel together, so that a scroll between the two measurements cannot mislead.
    await expect(panel.getByRole("button", { name: "Klar", exact: true })).toBeVisible();
    await expect
      .poll(async () => {
        const [wheelBox, panelBox] = [(await wheel.boundingBox())!, (await panel.boundingBox())!];
        return panelBox.y - (wheelBox.y + wheelBox.height);
      }, { message: "panelen ligger under hjulet" })
      .toBeGreaterThanOrEqual(0);
    for (const name of ["Pågår", "Klar"]) {
      const button = (await panel.getByRole("button", { name, exact: true }).boundingBox())!;
      expect(button.y, name).toBeGreaterThanOrEqual(0);
      expect(button.y + button.height, name).toBeLessThanOrEqual(800);
    }
    await expectNoAxeViolations(page);
  });

  test("menyns grupper öppnas och stängs med tangentbordet, och länkarna är minst 24 px höga", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "utvecklare", "/");
    const group = mainMenu(page).locator("summary", { hasText: "Uppföljning" });
    const overview = mainMenu(page).getByRole("link", { name: "Översikt", exact: true });
    await expect(overview).toBeHidden();
    await group.focus();
    await page.keyboard.press("Enter");
    await expect(overview).toBeVisible();
    for (const link of await mainMenu(page).locator("details[open] a").all()) expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    expect((await group.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
    await expect(overview).toBeHidden();
    await expect(group).toBeFocused();
    await page.keyboard.press("Space");
    await overview.click();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Översikt`) })).toBeVisible();
    // After the page change the group is closed again.
    await expect(overview).toBeHidden();
  });
});

test.describe("menyn innan sidan har laddat klart", () => {
  test("en grupp som öppnas innan React har tagit över sidan förblir öppen", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "utvecklare");
    // Hold the page's scripts back until the group is opened: the user is quicker than the network.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/_next/static/chunks/**", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/", { waitUntil: "commit" });
    const group = mainMenu(page).locator("summary", { hasText: "Uppföljning" });
    const overview = mainMenu(page).getByRole("link", { name: "Översikt", exact: true });
    await group.focus();
    await page.keyboard.press("Enter");
    await expect(overview).toBeVisible();
    release();
    // React has taken over and run the page's effects once the wheel is a single tab stop (its marks all are in the
    // server's markup; an effect makes one of them the tab stop). The header's effects run in that commit or an earlier
    // one, and React runs a commit's effects before it renders anything later. (A React key on the element is not
    // enough: hydration puts it there before it commits, and CI pressed Escape before the effects had run.)
    await expect(page.locator('[data-wheel-item][tabindex="0"]')).toHaveCount(1);
    await expect(overview).toBeVisible();
    // Escape needs the script: it closes the group now.
    await page.keyboard.press("Escape");
    await expect(overview).toBeHidden();
  });
});

test.describe("menyn utan JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("en grupp i menyn öppnas ändå", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "utvecklare", "/");
    await mainMenu(page).locator("summary", { hasText: "Administration" }).click();
    await expect(mainMenu(page).getByRole("link", { name: "Hantera rutiner", exact: true })).toBeVisible();
  });

  // The wheel's panel needs JavaScript (docs/decisions/032): the start page links to the same tasks in the checklist.
  test("startsidan leder till enhetens uppgifter i checklistan", async ({ page }) => {
    await signIn(page, "enhetschef", "/");
    await page.getByRole("link", { name: "Uppgifterna i checklistan" }).click();
    await expect(page).toHaveURL(/\/checklista\?enhet=[^&]+&ar=\d{4}&visa=enhet$/);
    await expect(page.getByRole("button", { name: "Klar", exact: true }).first()).toBeVisible();
  });
});
