import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./axe";

// The accessibility check every page relies on must itself be able to fail.
test("axe-kontrollen hittar fel som finns och godkänner en sida utan fel", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="sv"><head><title>Prov</title></head><body><main><h1>Prov</h1><img src="data:,"><p style="color:#ccc;background:#fff">Svag text</p></main></body></html>`);
  const failure = await expectNoAxeViolations(page).then(() => null, (error: Error) => error.message);
  expect(failure).toContain("image-alt");
  expect(failure).toContain("color-contrast");
  await page.setContent(`<!doctype html><html lang="sv"><head><title>Prov</title></head><body><main><h1>Prov</h1><img src="data:," alt="Ett prov"><p>Tydlig text</p></main></body></html>`);
  await expectNoAxeViolations(page);
});
