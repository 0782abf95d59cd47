import { describe, expect, it } from "vitest";
import * as clock from "@/lib/clock";
import { cycleYearOf, parseIsoDate, stockholmDate } from "@/lib/dates/cycle";
import { SEEDED_TODAY_ISO } from "../support/today";

describe("the clock", () => {
  // vitest.config.ts fixes today for every test, as ARSHJULET_TODAY does for a demo or a test server.
  it("gives the fixed today, its cycle year, and a now on that day", () => {
    expect(clock.today().toISOString().slice(0, 10)).toBe(SEEDED_TODAY_ISO);
    expect(clock.currentCycleYear()).toBe(Number(SEEDED_TODAY_ISO.slice(0, 4)));
    expect(stockholmDate(clock.now()).toISOString().slice(0, 10)).toBe(SEEDED_TODAY_ISO);
  });
});

describe("calendar dates", () => {
  it("parses only real YYYY-MM-DD dates", () => {
    expect(parseIsoDate("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    for (const bad of ["2027-02-29", "2027-13-01", "2027-00-10", "2027-4-02", "02-04-2027", "", "2027-04-02T10:00"]) expect(parseIsoDate(bad), bad).toBeNull();
  });

  it("puts a date in the cycle of its calendar year", () => {
    expect(cycleYearOf(parseIsoDate("2026-12-31")!)).toBe(2026);
    expect(cycleYearOf(parseIsoDate("2027-01-01")!)).toBe(2027);
  });
});
