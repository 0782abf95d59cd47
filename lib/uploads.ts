/**
 * What every uploaded file (routine JSON, case list, results) is checked for, in the browser before it is sent and
 * again on the server, with the same Swedish messages: its size and number of rows or activities (each kind states
 * its limits in its area's schemas.ts), control characters, and personnummer. Pure: the browser loads it too.
 */
import { hasControlCharacter } from "./control-characters.ts";
import { containsIdentityNumber, describeLines, identityNumberPaths } from "./personal-data.ts";
import { plural } from "./plural.ts";

export type UploadLimits = {
  /** Largest file in bytes (decimal units: 1 MB is 1 000 000 bytes, as the help text says). */
  maxBytes: number;
  /** Most rows (of a CSV file, not counting the header) or activities (of a routine). */
  maxItems: number;
  /** The counted thing, singular and plural: ["rad", "rader"]. */
  items: readonly [string, string];
};

const NOTHING_SAVED = "Inget har sparats.";

/** "500 kB", "1 MB", "1,5 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.ceil(bytes / 1000).toLocaleString("sv-SE")} kB`;
  // Rounded up, so that a file just over the limit never reads as the limit itself.
  return `${(Math.ceil(bytes / 10_000) / 100).toLocaleString("sv-SE", { maximumFractionDigits: 2 })} MB`;
}

/** The help text's and the refusals' statement of the limits: "Högst 1 MB och 10 000 rader". */
export function limitsText(limits: UploadLimits): string {
  return `Högst ${formatBytes(limits.maxBytes)} och ${limits.maxItems.toLocaleString("sv-SE")} ${limits.items[1]}`;
}

/** The refusal of a too large file, or null. */
export function sizeProblem(limits: UploadLimits, bytes: number): string | null {
  if (bytes <= limits.maxBytes) return null;
  return `Filen är för stor (${formatBytes(bytes)}). ${limitsText(limits)} kan importeras. ${NOTHING_SAVED}`;
}

/** The refusal of a file with too many rows or activities, or null. */
export function countProblem(limits: UploadLimits, count: number): string | null {
  if (count <= limits.maxItems) return null;
  return `Filen har ${plural(count, limits.items[0], limits.items[1])}. ${limitsText(limits)} kan importeras. ${NOTHING_SAVED}`;
}

/** The data rows of a CSV text as the browser counts them before sending: non-empty lines after the header. */
export function countCsvRows(text: string): number {
  return Math.max(0, text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "").length - 1);
}

/** A line of JSON with its string escapes decoded (\u0031 → 1, \n → a line break): the text as it will be stored. */
export function decodeJsonEscapes(line: string): string {
  const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
  return line.replace(/\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g, (_, hex: string | undefined, char: string | undefined) => (hex ? String.fromCharCode(parseInt(hex, 16)) : simple[char!]!));
}

/**
 * The refusal of a file whose text holds a control character or a personnummer, naming the lines and never their
 * content; or null. A JSON file's lines are read with their escapes decoded (\u0031 is a 1, \u0000 a control
 * character). `context` says in a sentence what the file may hold instead. A CSV file's cells are checked again
 * once read (cellProblem), since a quoted cell can run over several lines.
 */
export function textProblem(text: string, options: { json?: boolean; context?: string } = {}): string | null {
  const lines = text.split(/\r\n|\r|\n/);
  const decoded = options.json ? lines.map(decodeJsonEscapes) : lines;
  const controlled = lines.flatMap((line, i) => (hasControlCharacter(line) || hasControlCharacter(decoded[i]!) ? [i + 1] : []));
  if (controlled.length > 0) {
    return `Filen innehåller otillåtna tecken (styrtecken) på ${describeLines(controlled)}. Ta bort dem, spara filen som vanlig text (UTF-8) och försök igen. ${NOTHING_SAVED}`;
  }
  const identified = lines.flatMap((line, i) => (containsIdentityNumber(line) || containsIdentityNumber(decoded[i]!) ? [i + 1] : []));
  return identified.length > 0 ? identityNumberProblem(identified, options.context) : null;
}

function identityNumberProblem(lines: number[], context = "Årshjulet får inte innehålla personnummer."): string {
  return `Filen innehåller något som ser ut som ett personnummer eller samordningsnummer (${describeLines(lines)}). ${context} Ta bort uppgiften och importera igen. ${NOTHING_SAVED}`;
}

/** The refusal of a read table whose cells (each as it will be stored, quotes undone) hold a personnummer; or null. */
export function cellProblem(records: readonly { line: number; fields: readonly string[] }[], options: { context?: string } = {}): string | null {
  const identified = records.flatMap((record) => (identityNumberPaths(record.fields).length > 0 ? [record.line] : []));
  return identified.length > 0 ? identityNumberProblem(identified, options.context) : null;
}

/** One kind of upload: its limits, how the browser counts its rows or activities, and what its text may not hold. */
export type UploadKind = {
  limits: UploadLimits;
  /** The rows or activities of the file's text, as far as the browser can tell before sending it. */
  count: (text: string) => number;
  /** A JSON file: control characters written as escapes count too. */
  json?: boolean;
  /** What the file may hold instead of a personnummer, in a sentence. */
  context?: string;
};

/** The refusal of a chosen file, checked in the browser before it is sent (the server checks again): or null. */
export async function fileProblem(kind: UploadKind, file: Blob): Promise<string | null> {
  const tooLarge = sizeProblem(kind.limits, file.size);
  if (tooLarge) return tooLarge;
  const text = await file.text();
  return textProblem(text, kind) ?? countProblem(kind.limits, kind.count(text));
}

/**
 * Next's body limit for a server action (next.config.ts), a little above the largest file any upload kind accepts,
 * so that a file just over a stated limit reaches the action and gets its Swedish refusal.
 */
export const ACTION_BODY_LIMIT_BYTES = 2_000_000;

/** The UTF-8 size of a text, as the browser would send it. */
export const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;
