import { describe, expect, it } from "vitest";
import { plural } from "@/lib/plural";

describe("plural", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(plural(1, "rad", "rader")).toBe("1 rad");
    expect(plural(0, "rad", "rader")).toBe("0 rader");
    expect(plural(2, "försenad", "försenade")).toBe("2 försenade");
  });

  it("writes large counts with a Swedish thousands separator", () => {
    expect(plural(12000, "uppgift", "uppgifter")).toBe("12\u00a0000 uppgifter");
  });
});
