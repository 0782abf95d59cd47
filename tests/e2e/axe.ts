import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page } from "./fixtures";
import type { AxeResults } from "axe-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Fails the test on any WCAG 2.1 A/AA violation axe finds on the page as it is now.
 * axe-core is injected once per document and run directly: @axe-core/playwright's builder opens a helper
 * page for every check, which cost about two seconds a call. The pages have no frames to descend into.
 */
export async function expectNoAxeViolations(page: Page) {
  // After a client-side navigation Next.js sets the title a moment after the content: check the page once it has one.
  await expect(page).toHaveTitle(/\S/);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  }, TAGS);
  expect(violations).toEqual([]);
}
