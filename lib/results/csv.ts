/**
 * Reading CSV text as exported by Excel (semicolon, decimal comma, UTF-8 with BOM), by Kolada or by hand.
 * Pure functions, no database: tests/unit/results-csv.test.ts covers them.
 */

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

/** Splits CSV text into records, honouring quotes ("" inside quotes, separators and line breaks in quoted fields). */
export function parseCsv(text: string, separator: Separator): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === "")) records.push({ line: startLine, fields: fields.map((f) => f.trim()) });
    fields = [];
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === "") {
      field = "";
      quoted = true;
    } else if (c === separator) {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      startLine = line;
    } else field += c;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
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
