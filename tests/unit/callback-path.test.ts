import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-path";

describe("safeCallbackPath", () => {
  it.each(["/", "/checklista", "/checklista?enhet=a&ar=2026", "/rutiner/x#fas-2"])("keeps the path %s on this site", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each(["//evil.host/", "/\\evil.host", "/\\/evil.host", "https://evil.host/", "http:/evil.host", "javascript:alert(1)", "evil.host", "/\t/evil.host", "/%0a", "", undefined, 42])(
    "sends %j back to the start page",
    (value) => {
      const result = safeCallbackPath(value);
      expect(new URL(result, "http://arshjulet.test").origin).toBe("http://arshjulet.test");
      if (typeof value !== "string" || !value.startsWith("/") || /[\\\t]/.test(value) || value.startsWith("//")) expect(result).toBe("/");
    },
  );

  // The probe of 6 December (issue 30, H4): checked before normalisation, these became //evil.example.
  it.each([
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/a/..//evil.example",
    "/%2e%2e//evil.example",
    "/./%2Fevil.example",
    "/.%2F%2Fevil.example",
    "/./%5cevil.example",
    "/a/../%2f/evil.example",
    "/%2E/%2E%2E//evil.example",
    "/./\\evil.example",
  ])("decides %s on the normalised URL and stays on this site", (value) => {
    const result = safeCallbackPath(value);
    expect(result).toBe("/");
    expect(new URL(result, "http://arshjulet.test").origin).toBe("http://arshjulet.test");
  });

  it("returns the normalised path of a harmless one", () => {
    expect(safeCallbackPath("/a/../checklista?x=1#y")).toBe("/checklista?x=1#y");
    expect(safeCallbackPath("/./rutiner")).toBe("/rutiner");
    expect(safeCallbackPath("/rutiner/%2e%2e/checklista")).toBe("/checklista");
  });

  it("uses the fallback it is given", () => {
    expect(safeCallbackPath("//evil.host", "/installningar")).toBe("/installningar");
  });
});
