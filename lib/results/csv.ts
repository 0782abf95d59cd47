/**
 * Reading CSV text as exported by Excel (semicolon, decimal comma, UTF-8 with BOM), by Kolada or by hand.
 * Pure functions, no database: tests/unit/results-import.test.ts covers them.
 */
import { CsvError, parse } from "csv-parse/sync";

export type CsvRecord = { line: number; fields: string[] };
export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

/** Decodes UTF-8 (with or without BOM); anything else is refused with a message that says how to fix it. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: "Filen är sparad som UTF-16 (Unicode-text). Spara om den som ”CSV UTF-8 (kommaavgränsad)” och försök igen." };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { ok: true, text: text.startsWith("\uFEFF") ? text.slice(1) : text };
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    return {
      ok: false,
      message: `Filen är inte sparad som UTF-8 (rad ${line} innehåller tecken som inte kan läsas, troligen å, ä eller ö sparade som Windows-1252/ANSI). Spara om filen i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen.`,
    };
  }
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    if (b < 0x80) continue;
    const length = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    if (length === 0 || b > 0xf4) return line;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return line;
    i += length - 1;
  }
  return line;
}

export const SEPARATORS = [";", ",", "\t"] as const;
export type Separator = (typeof SEPARATORS)[number];
export const SEPARATOR_NAMES: Record<Separator, string> = { ";": "semikolon", ",": "komma", "\t": "tabb" };

/** Text that cannot be split into records (an unclosed quote, text after a closing quote); the message is Swedish. */
export class CsvSyntaxError extends Error {}

/**
 * Splits CSV text into records with csv-parse: quotes ("" inside quotes, separators and line breaks in quoted
 * fields), a quote inside an unquoted field taken as text, fields trimmed, blank lines skipped. Each record carries
 * the line it starts on. Throws CsvSyntaxError, naming line and column, where the text cannot be split.
 */
export function parseCsv(text: string, separator: Separator): CsvRecord[] {
  const records: CsvRecord[] = [];
  let lastLine = 0;
  try {
    parse(text.replace(/\r\n?/g, "\n"), {
      delimiter: separator,
      record_delimiter: "\n",
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      on_record: (fields, { lines }) => {
        // `lines` is the record's last line; only quoted fields hold line breaks, so they say where it started.
        const breaks = fields.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
        lastLine = lines;
        if (!(fields.length === 1 && fields[0]!.trim() === "")) records.push({ line: lines - breaks, fields: fields.map((f) => f.trim()) });
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) throw new CsvSyntaxError(syntaxMessage(error, lastLine, text));
    throw error;
  }
  return records;
}

/** parseCsv as a result: the records, or the Swedish message of the line that cannot be split. */
export function readCsv(text: string, separator: Separator): { ok: true; records: CsvRecord[] } | { ok: false; message: string } {
  try {
    return { ok: true, records: parseCsv(text, separator) };
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}

function syntaxMessage(error: CsvError, lastLine: number, text: string): string {
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    // The open quote is in the first non-blank line after the last whole record.
    const lines = text.split(/\r\n?|\n/);
    let line = lastLine + 1;
    while (line < lines.length && lines[line - 1]!.trim() === "") line++;
    return `Rad ${line}: ett citattecken (") öppnas men stängs aldrig. Kontrollera citattecknen på raden.`;
  }
  const column = typeof error.index === "number" ? `, kolumn ${columnLetter(error.index + 1)}` : "";
  const line = typeof error.lines === "number" ? error.lines : lastLine + 1;
  return `Rad ${line}${column}: efter ett avslutande citattecken (") får bara avgränsaren eller radslut stå. Sätt hela fältet inom citattecken och skriv citattecken i fältet som "".`;
}

/** The separator that splits the header line into the most known column names (ties: the most columns). */
export function detectSeparator(headerLine: string, isKnownColumn: (name: string) => boolean): Separator | null {
  let best: { sep: Separator; known: number; columns: number } | null = null;
  for (const sep of SEPARATORS) {
    const names = headerLine.split(sep).map((n) => n.trim().replace(/^"|"$/g, ""));
    const known = names.filter(isKnownColumn).length;
    if (known === 0) continue;
    if (!best || known > best.known || (known === best.known && names.length > best.columns)) best = { sep, known, columns: names.length };
  }
  return best?.sep ?? null;
}

/**
 * A number written the Swedish way ("87,5", "1 234,5", "87,5 %") or the English way ("87.5").
 * Returns null for text that is not a number.
 */
export function parseDecimal(raw: string): number | null {
  const text = raw.replace(/[\s\u00a0]/g, "").replace(/%$/, "").replace("−", "-");
  if (!/^-?\d+([.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(",", "."));
}

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(index1: number): string {
  let n = index1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
