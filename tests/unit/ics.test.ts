import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine } from "@/lib/calendar/ics";
import { utcDate } from "@/lib/dates/cycle";

const encoder = new TextEncoder();

describe("the iCalendar writer", () => {
  it("escapes backslash, semicolon, comma and line breaks", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `SUMMARY:${"Åäö – brukarundersökning ".repeat(10)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(encoder.encode(p).length).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(" ")).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
  });

  const text = buildCalendar({
    name: "Årshjulet – Lärkan",
    generatedAt: new Date(Date.UTC(2026, 10, 23, 6, 0, 0)),
    events: [
      {
        uid: "task-1@arshjulet",
        start: utcDate(2026, 2, 28),
        end: utcDate(2026, 2, 28),
        summary: "Brukarbrev 1; skicka, och registrera",
        description: `Rad ett\nRad två med ${"långt ".repeat(30)}slut`,
        url: "http://localhost:3000/checklista/uppgift/task-1",
        categories: ["Årshjulet"],
        lastModified: new Date(Date.UTC(2026, 1, 3, 8, 15, 30, 123)),
      },
    ],
  });

  it("uses CRLF line ends only, all-day DATE values, a UID, a DTSTAMP of the copy and LAST-MODIFIED in UTC", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text).toContain("\r\nDTSTART;VALUE=DATE:20260228\r\n");
    expect(text).toContain("\r\nDTEND;VALUE=DATE:20260301\r\n");
    expect(text).toContain("\r\nUID:task-1@arshjulet\r\n");
    expect(text).toContain("\r\nDTSTAMP:20261123T060000Z\r\n");
    expect(text).toContain("\r\nLAST-MODIFIED:20260203T081530Z\r\n");
    for (const line of text.split("\r\n")) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
  });

  it("parses in ical.js with the same texts and dates", () => {
    const comp = new ICAL.Component(ICAL.parse(text));
    expect(comp.getFirstPropertyValue("version")).toBe("2.0");
    expect(comp.getFirstPropertyValue("x-wr-calname")).toBe("Årshjulet – Lärkan");
    const events = comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.uid).toBe("task-1@arshjulet");
    expect(e.summary).toBe("Brukarbrev 1; skicka, och registrera");
    expect(e.description).toBe(`Rad ett\nRad två med ${"långt ".repeat(30)}slut`);
    expect(e.startDate.isDate).toBe(true);
    expect(e.startDate.toString()).toBe("2026-02-28");
    expect(e.endDate.toString()).toBe("2026-03-01");
  });
});
