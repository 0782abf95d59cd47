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

  it("uses the fallback it is given", () => {
    expect(safeCallbackPath("//evil.host", "/installningar")).toBe("/installningar");
  });
});
