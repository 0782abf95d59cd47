import { describe, expect, it } from "vitest";
import { nextRun, parseTimeOfDay } from "../../scripts/daily.ts";

const at = (text: string) => parseTimeOfDay(text)!;

describe("scripts/daily.ts: the next run at a time of day in Sweden", () => {
  it("reads HH:MM and refuses anything else", () => {
    expect(parseTimeOfDay("06:30")).toEqual({ hour: 6, minute: 30 });
    expect(parseTimeOfDay("23:59")).toEqual({ hour: 23, minute: 59 });
    for (const bad of ["6:30", "24:00", "06:60", "0630", "", "06:30 "]) expect(parseTimeOfDay(bad), bad).toBeNull();
  });

  it("later the same day, or the next day once the time has passed", () => {
    // Winter time (UTC+1): 06:30 in Stockholm is 05:30 UTC.
    expect(nextRun(new Date("2027-01-10T04:00:00Z"), at("06:30")).toISOString()).toBe("2027-01-10T05:30:00.000Z");
    expect(nextRun(new Date("2027-01-10T05:30:00Z"), at("06:30")).toISOString()).toBe("2027-01-11T05:30:00.000Z");
    expect(nextRun(new Date("2027-01-10T05:29:59.999Z"), at("06:30")).toISOString()).toBe("2027-01-10T05:30:00.000Z");
    // Summer time (UTC+2).
    expect(nextRun(new Date("2027-07-01T12:00:00Z"), at("06:30")).toISOString()).toBe("2027-07-02T04:30:00.000Z");
  });

  it("across the changes to and from summer time", () => {
    // 28 March 2027: clocks go from 02:00 to 03:00. 02:30 does not occur that day; 06:30 is at UTC+2.
    expect(nextRun(new Date("2027-03-27T23:00:00Z"), at("02:30")).toISOString()).toBe("2027-03-29T00:30:00.000Z");
    expect(nextRun(new Date("2027-03-27T23:00:00Z"), at("06:30")).toISOString()).toBe("2027-03-28T04:30:00.000Z");
    // 31 October 2027: 02:30 occurs twice; the first (UTC+2) is taken.
    expect(nextRun(new Date("2027-10-30T22:00:00Z"), at("02:30")).toISOString()).toBe("2027-10-31T00:30:00.000Z");
  });
});
