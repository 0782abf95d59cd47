import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildReason, recordBuild, sourceFingerprint } from "@/scripts/build-fingerprint";

// `npm start` builds again when the source changed since the last build, not only when .next is missing (issue 34).
describe("the build's source fingerprint", () => {
  let root: string;
  const inputs = ["app", "package.json"];
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function project(): string {
    root = mkdtempSync(path.join(tmpdir(), "arshjulet-fingerprint-"));
    mkdirSync(path.join(root, "app", "sida"), { recursive: true });
    writeFileSync(path.join(root, "app", "sida", "page.tsx"), "export default function Page() { return null; }\n");
    writeFileSync(path.join(root, "package.json"), '{ "version": "0.2.0" }\n');
    return root;
  }

  function built(): void {
    mkdirSync(path.join(root, ".next"), { recursive: true });
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    recordBuild(root, ".next", sourceFingerprint(root, inputs));
  }

  it("builds when there is no build, and not when the source is as built", () => {
    project();
    expect(buildReason(root, ".next", inputs)).toBe("appen är inte byggd");
    built();
    expect(buildReason(root, ".next", inputs)).toBeNull();
  });

  it("builds again after a file changed, a file was added or the version changed", () => {
    project();
    built();
    writeFileSync(path.join(root, "app", "sida", "page.tsx"), "export default function Page() { return 1; }\n");
    expect(buildReason(root, ".next", inputs)).toBe("källkoden har ändrats sedan appen byggdes");
    built();
    writeFileSync(path.join(root, "app", "ny.tsx"), "export {};\n");
    expect(buildReason(root, ".next", inputs)).toBe("källkoden har ändrats sedan appen byggdes");
    built();
    writeFileSync(path.join(root, "package.json"), '{ "version": "0.3.0" }\n');
    expect(buildReason(root, ".next", inputs)).not.toBeNull();
  });

  it("depends on the contents, not on when the files were written", () => {
    project();
    const before = sourceFingerprint(root, inputs);
    writeFileSync(path.join(root, "package.json"), '{ "version": "0.2.0" }\n');
    expect(sourceFingerprint(root, inputs)).toBe(before);
  });
});
