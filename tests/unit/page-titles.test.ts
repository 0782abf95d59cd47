import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const SITE = "Årshjulet";

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pages(path.join(dir, e.name)) : e.name === "page.tsx" ? [path.join(dir, e.name)] : []));
}

/** Every page's static title (metadata's title string); generateMetadata's titles are read where they are literal. */
const titles = pages(path.join(root, "app")).flatMap((file) => {
  const m = readFileSync(file, "utf8").match(/export const metadata(?:: Metadata)? = \{ title: "([^"]+)"/);
  return m ? [{ file: path.relative(root, file), title: m[1]! }] : [];
});

describe("page titles", () => {
  it("finds the pages' titles", () => expect(titles.length).toBeGreaterThan(30));

  it("never repeat the site's name that the layout's template adds (no 'Årshjulet – Årshjulet')", () => {
    const layout = readFileSync(path.join(root, "app/layout.tsx"), "utf8");
    expect(layout).toContain(`template: "%s – ${SITE}"`);
    for (const { file, title } of titles) expect(title, file).not.toBe(SITE);
  });

  it("are distinct: no two pages share a title", () => {
    const seen = new Map<string, string>();
    for (const { file, title } of titles) {
      expect(seen.get(title), `${file} and ${seen.get(title)}: ${title}`).toBeUndefined();
      seen.set(title, file);
    }
  });
});
