/**
 * The iCalendar (RFC 5545) document of a calendar feed, written by ical-generator: CRLF line ends, lines folded at
 * 75 octets without splitting a UTF-8 character, TEXT values escaped, DATE values for all-day events and a stable
 * UID per event. docs/decisions/008-format-libraries.md says what the library does and what we still do here.
 */
import ical, { escape, foldLines, ICalCalendarMethod, ICalEventTransparency } from "ical-generator";

export type IcsEvent = {
  uid: string;
  /** First day, a date-only (UTC midnight) value. */
  start: Date;
  /** Last day, inclusive; written as the exclusive DTEND the standard asks for. */
  end: Date;
  /** A timed event instead of an all-day one: its start and end instants (written in UTC). */
  at?: { start: Date; end: Date };
  location?: string;
  summary: string;
  description?: string;
  url?: string;
  categories?: string[];
  /** When the task behind the event last changed; LAST-MODIFIED. */
  lastModified: Date;
};

/** generatedAt: when this copy of the calendar was made, every event's DTSTAMP (RFC 5545 3.8.7.2 with METHOD:PUBLISH). */
export type IcsCalendar = { name: string; description?: string; generatedAt: Date; events: IcsEvent[] };

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export const escapeText = (value: string): string => escape(value, false);

/** Folds a content line into lines of at most 75 octets, continuation lines starting with a space (RFC 5545 3.1). */
export const foldLine = (line: string): string => foldLines(line);

const nextDay = (d: Date) => new Date(d.getTime() + 86_400_000);

/** The calendar as an .ics document. */
export function buildCalendar(calendar: IcsCalendar): string {
  const feed = ical({
    prodId: { company: "Arshjulet", product: "Arshjulet", language: "SV" },
    scale: "GREGORIAN",
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator writes the calendar's name and description as they are given, so they are escaped here.
    name: escapeText(calendar.name),
    description: calendar.description ? escapeText(calendar.description) : null,
    ttl: 12 * 60 * 60,
  });
  for (const e of calendar.events) {
    // No time zone is set, so ical-generator writes the UTC calendar day of these UTC-midnight dates, and a timed
    // event's instants in UTC (which every calendar shows in the reader's own time).
    const when = e.at
      ? { allDay: false, start: e.at.start, end: e.at.end }
      : { allDay: true, start: e.start, end: nextDay(e.end.getTime() < e.start.getTime() ? e.start : e.end) };
    feed.createEvent({
      id: e.uid,
      stamp: calendar.generatedAt,
      lastModified: e.lastModified,
      ...when,
      location: e.location ?? null,
      summary: e.summary,
      description: e.description ?? null,
      url: e.url ?? null,
      categories: (e.categories ?? []).map((name) => ({ name })),
      // A planned, timed event takes up the time; a day's deadline does not.
      transparency: e.at ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF; ical-generator leaves the last one open.
  return `${feed.toString()}\r\n`;
}
