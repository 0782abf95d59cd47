import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("the licence", () => {
  it("is the EUPL-1.2 in LICENSE and in package.json", () => {
    const text = readFileSync(path.join(root, "LICENSE"), "utf8");
    expect(text.startsWith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")).toBe(true);
    // The official text ends with its appendix of compatible licences; a truncated copy would lose it.
    expect(text).toContain("Appendix");
    expect(text.trimEnd().endsWith("new EUPL version.")).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { license?: string };
    expect(pkg.license).toBe("EUPL-1.2");
  });
});
