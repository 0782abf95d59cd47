import { describe, expect, it } from "vitest";
import { startMonthConsequence } from "@/lib/routines/start-month";

describe("startMonthConsequence", () => {
  it("says a January routine follows the calendar year", () => {
    expect(startMonthConsequence(1, 2027)).toBe("Rutinens år följer kalenderåret: cykel 2027 rymmer rutinens aktiviteter januari–december 2027.");
  });
  it("says which months of which years a December routine's cycle holds", () => {
    expect(startMonthConsequence(12, 2027)).toBe(
      "Rutinens år börjar i december: cykel 2027 rymmer rutinens aktiviteter december 2026 – november 2027. En aktivitet i december hör alltså till nästa års cykel och görs före årets övriga aktiviteter.",
    );
  });
  it("names the span of months that belongs to the next cycle for a September start", () => {
    expect(startMonthConsequence(9, 2027)).toContain("september 2026 – augusti 2027. En aktivitet i september–december hör alltså till nästa års cykel");
  });
});
