import { format } from "date-fns";
import { sv } from "date-fns/locale";
import { describe, expect, it } from "vitest";
import { MONTH_NAMES } from "@/lib/dates/months";
import {
  activityPeriod,
  daysBetween,
  formatDateLong,
  formatMonthSpan,
  formatWeek,
  lastDayOfMonth,
  stockholmDate,
  stockholmDayStart,
  utcDate,
} from "@/lib/dates/cycle";

describe("activityPeriod", () => {
  it("gives a single month from its first to its last day", () => {
    const p = activityPeriod(2027, { startMonth: 2, endMonth: 2 });
    expect(p.startsOn?.toISOString().slice(0, 10)).toBe("2027-02-01");
    expect(p.dueOn?.toISOString().slice(0, 10)).toBe("2027-02-28");
  });

  it("knows leap years", () => {
    expect(activityPeriod(2028, { startMonth: 2, endMonth: 2 }).dueOn?.toISOString().slice(0, 10)).toBe("2028-02-29");
  });

  it("makes a span due at the end of its last month", () => {
    const p = activityPeriod(2026, { startMonth: 4, endMonth: 5 });
    expect(p.startsOn?.toISOString().slice(0, 10)).toBe("2026-04-01");
    expect(p.dueOn?.toISOString().slice(0, 10)).toBe("2026-05-31");
  });

  it("handles December and a whole-year span", () => {
    expect(lastDayOfMonth(2026, 12).toISOString().slice(0, 10)).toBe("2026-12-31");
    const p = activityPeriod(2026, { startMonth: 1, endMonth: 12 });
    expect(p.startsOn?.toISOString().slice(0, 10)).toBe("2026-01-01");
    expect(p.dueOn?.toISOString().slice(0, 10)).toBe("2026-12-31");
  });

  it("leaves activities without a month undated", () => {
    expect(activityPeriod(2026, { startMonth: null, endMonth: null })).toEqual({ startsOn: null, dueOn: null });
  });
});

describe("Swedish calendar helpers", () => {
  it("takes today's date in Stockholm, not UTC", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Sweden.
    expect(stockholmDate(new Date("2026-12-31T23:30:00Z")).toISOString().slice(0, 10)).toBe("2027-01-01");
    expect(stockholmDate(new Date("2026-06-15T21:59:00Z")).toISOString().slice(0, 10)).toBe("2026-06-15");
    expect(stockholmDate(new Date("2026-06-15T22:00:00Z")).toISOString().slice(0, 10)).toBe("2026-06-16");
  });

  it("formats dates, weeks and month spans in Swedish", () => {
    expect(formatDateLong(utcDate(2027, 2, 12))).toBe("12 februari 2027");
    expect(formatWeek(utcDate(2026, 3, 9))).toBe("v. 11");
    expect(formatMonthSpan({ startMonth: 4, endMonth: 5 })).toBe("april–maj");
    expect(formatMonthSpan({ startMonth: 12, endMonth: 12 })).toBe("december");
    expect(formatMonthSpan({ startMonth: null, endMonth: null })).toBeNull();
  });

  it("counts days between date-only values", () => {
    expect(daysBetween(utcDate(2026, 2, 28), utcDate(2026, 3, 2))).toBe(2);
    expect(daysBetween(utcDate(2026, 3, 2), utcDate(2026, 2, 28))).toBe(-2);
  });
});

describe("date fields (lib/dates/schemas)", () => {
  const messageOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) =>
    schema.safeParse(value).error?.issues[0]?.message;
  it.each(["", "  ", undefined, null])("says that a date is missing for %j, not how to write one", async (value) => {
    const { calendarDate, DATE_MISSING } = await import("@/lib/dates/schemas");
    expect(DATE_MISSING).toBe("Ange ett datum.");
    expect(messageOf(calendarDate, value)).toBe("Ange ett datum.");
  });
  it("still explains the format and a day that does not exist", async () => {
    const { calendarDate, optionalCalendarDate } = await import("@/lib/dates/schemas");
    expect(messageOf(calendarDate, "12/2/2026")).toBe("Datumet ska skrivas ÅÅÅÅ-MM-DD.");
    expect(messageOf(calendarDate, "2026-02-30")).toBe("Datumet finns inte i kalendern.");
    expect(calendarDate.safeParse(" 2026-02-12 ").data).toBe("2026-02-12");
    expect(optionalCalendarDate.safeParse("").success).toBe(true);
  });
});

describe("stockholmDayStart", () => {
  it("is 23:00 UTC the day before in winter and 22:00 in summer, also on the days the clocks change", () => {
    const at = (iso: string) => stockholmDayStart(utcDate(...(iso.split("-").map(Number) as [number, number, number]))).toISOString();
    expect(at("2026-12-01")).toBe("2026-11-30T23:00:00.000Z");
    expect(at("2026-07-01")).toBe("2026-06-30T22:00:00.000Z");
    // Sommartid begins 29 March 2026 at 02:00 and ends 25 October 2026 at 03:00: both midnights are still the old offset.
    expect(at("2026-03-29")).toBe("2026-03-28T23:00:00.000Z");
    expect(at("2026-03-30")).toBe("2026-03-29T22:00:00.000Z");
    expect(at("2026-10-25")).toBe("2026-10-24T22:00:00.000Z");
    expect(at("2026-10-26")).toBe("2026-10-25T23:00:00.000Z");
  });
});

describe("years before 1900 (issue 30, H10)", () => {
  it("refuses them instead of reading 0026 as 1926", async () => {
    const { parseIsoDate } = await import("@/lib/dates/cycle");
    const { calendarDate } = await import("@/lib/dates/schemas");
    for (const text of ["0026-06-01", "0000-01-01", "0099-12-31", "1899-12-31"]) {
      expect(parseIsoDate(text)).toBeNull();
      const parsed = calendarDate.safeParse(text);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message)).toEqual(["Året måste vara 1900 eller senare."]);
    }
    expect(parseIsoDate("1900-01-01")?.toISOString()).toBe("1900-01-01T00:00:00.000Z");
    expect(calendarDate.safeParse("2026-06-01").success).toBe(true);
  });
});

describe("MONTH_NAMES", () => {
  it("are the names date-fns writes in Swedish (lib/dates/months.ts has them without date-fns, for the browser)", () => {
    expect(MONTH_NAMES).toEqual(Array.from({ length: 12 }, (_, i) => format(new Date(2026, i, 1), "LLLL", { locale: sv })));
  });
});
