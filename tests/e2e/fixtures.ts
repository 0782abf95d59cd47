import { test as base, type BrowserContext } from "@playwright/test";

/**
 * The browser tests' `test`: each test gets a new page in one browser context per worker, shared by the
 * worker's tests, with its cookies cleared first. Keeping the context keeps its HTTP cache and its renderer,
 * so a test does not fetch and compile the app's scripts anew (a new context per test cost about a second of
 * CPU each). A test that turns JavaScript off gets a context of its own.
 */
export const test = base.extend<object, { sharedContext: BrowserContext }>({
  sharedContext: [
    async ({ browser }, provide, workerInfo) => {
      const { locale, timezoneId, baseURL } = workerInfo.project.use;
      const context = await browser.newContext({ locale, timezoneId, baseURL });
      await provide(context);
      await context.close();
    },
    { scope: "worker" },
  ],
  context: async ({ sharedContext, browser, javaScriptEnabled, locale, timezoneId, baseURL }, provide) => {
    if (javaScriptEnabled !== false) return provide(sharedContext);
    const own = await browser.newContext({ javaScriptEnabled, locale, timezoneId, baseURL });
    await provide(own);
    await own.close();
  },
  page: async ({ context }, provide) => {
    await context.clearCookies();
    const page = await context.newPage();
    await provide(page);
    await page.close();
  },
});

export { expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
