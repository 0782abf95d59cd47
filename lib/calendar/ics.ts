/**
 * A minimal iCalendar (RFC 5545) writer for all-day events: CRLF line ends, lines folded at 75 octets without
 * splitting a UTF-8 character, TEXT values escaped, DATE values for all-day events and a stable UID per event.
 */

export type IcsEvent = {
  uid: string;
  /** First day, a date-only (UTC midnight) value. */
  start: Date;
  /** Last day, inclusive; written as the exclusive DTEND the standard asks for. */
  end: Date;
  summary: string;
  description?: string;
  url?: string;
  categories?: string[];
  /** When the task behind the event last changed; LAST-MODIFIED. */
  lastModified: Date;
};

/** generatedAt: when this copy of the calendar was made, every event's DTSTAMP (RFC 5545 3.8.7.2 with METHOD:PUBLISH). */
export type IcsCalendar = { name: string; description?: string; generatedAt: Date; events: IcsEvent[] };

const CRLF = "\r\n";

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line into lines of at most 75 octets, continuation lines starting with a space (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > limit) {
      parts.push(current);
      current = "";
      size = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** 20261123 */
export function formatIcsDate(d: Date): string {
  return d.toISOString().slice(0, 10).replace(/-/g, "");
}

/** 20261123T081500Z */
export function formatIcsDateTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

const nextDay = (d: Date) => new Date(d.getTime() + 86_400_000);

/** The calendar as an .ics document. */
export function buildCalendar(calendar: IcsCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Arshjulet//Arshjulet//SV",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.description ? [`X-WR-CALDESC:${escapeText(calendar.description)}`] : []),
    "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
    "X-PUBLISHED-TTL:PT12H",
  ];
  for (const e of calendar.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${formatIcsDateTime(calendar.generatedAt)}`,
      `LAST-MODIFIED:${formatIcsDateTime(e.lastModified)}`,
      `DTSTART;VALUE=DATE:${formatIcsDate(e.start)}`,
      `DTEND;VALUE=DATE:${formatIcsDate(nextDay(e.end.getTime() < e.start.getTime() ? e.start : e.end))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.url ? [`URL;VALUE=URI:${e.url}`] : []),
      ...(e.categories && e.categories.length > 0 ? [`CATEGORIES:${e.categories.map(escapeText).join(",")}`] : []),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
