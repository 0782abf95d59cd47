import { plural } from "./plural.ts";

/**
 * Swedish personnummer and samordningsnummer inside any text: ÅÅMMDD-NNNK or ÅÅÅÅMMDD-NNNK, however its digit groups
 * are written apart. The text is first read as a reader sees it (NFKC: full-width and other compatibility digits
 * folded; digits of other scripts as 0–9; invisible format characters and combining marks gone). Then, between two
 * letters, the digit runs are joined across anything that is not a letter or digit (spaces, line breaks, any
 * punctuation, any number of them): 19450101  1235, 19450101--1235, 1945-01-011235, 1945_01_01_1235,
 * 19450101,1235, 19450101\r\n1235 are all found. A break may fall only where the number's own groups meet (after the
 * century, year, month or day), so that phone numbers (070-123 45 67), dates with times and counts pass; and only
 * whole digit runs count, never a part of a longer one. A samordningsnummer has 60 added to the day. Only a real date
 * with a correct check digit (Luhn) counts. Used wherever the app stores text (GDPR: it holds no personal identity
 * numbers): the action wrapper for every form field, the upload checks on every decoded value, the sign-in.
 */

/** Text as a reader sees it: compatibility forms folded, any script's decimal digits as 0–9, invisible characters and combining marks gone. */
function visible(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\p{Cf}\p{M}]/gu, "")
    .replace(/\p{Nd}/gu, asciiDigit);
}

/** A decimal digit of any script as 0–9: Unicode lays out each script's digits as a run of ten, zero first. */
function asciiDigit(digit: string): string {
  const code = digit.codePointAt(0)!;
  if (code <= 0x39) return digit;
  let zero = code;
  while (code - zero < 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return String((code - zero) % 10);
}

function isRealDate(century: string | undefined, yy: string, mm: string, dd: string): boolean {
  const month = Number(mm);
  let day = Number(dd);
  if (day > 60) day -= 60; // samordningsnummer
  if (month < 1 || month > 12 || day < 1) return false;
  const year = Number(yy);
  // Without the century, 29 February is real if either century makes a leap year (00 → 2000 is one).
  const leap = century ? isLeapYear(Number(century) * 100 + year) : year % 4 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The Luhn (modulus 10) check over the ten digits ÅÅMMDDNNNK. */
export function hasValidCheckDigit(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const product = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return sum % 10 === 0;
}

/** Whether a whole run of digits (its groups' breaks at `cuts`) is a personnummer: 10 digits, or 12 from 19 or 20. */
function isIdentityNumber(digits: string, cuts: number[], checkDigit: boolean): boolean {
  const offset = digits.length === 12 ? 2 : 0;
  if (digits.length !== 10 && digits.length !== 12) return false;
  if (offset && !/^(19|20)/.test(digits)) return false;
  // Breaks only between the number's own groups: after the century, the year, the month or the day.
  if (!cuts.every((cut) => cut % 2 === 0 && cut <= offset + 6)) return false;
  const ten = digits.slice(offset);
  const [yy, mm, dd] = [ten.slice(0, 2), ten.slice(2, 4), ten.slice(4, 6)];
  return isRealDate(offset ? digits.slice(0, 2) : undefined, yy, mm, dd) && (!checkDigit || hasValidCheckDigit(ten));
}

/**
 * Whether the text holds a personnummer or samordningsnummer: a real date and a correct check digit. With
 * `checkDigit: false`, anything shaped like one (a real date and four digits), for a value that has no reason to look
 * like one at all, such as a pseudonymous case reference (a mistyped personnummer is still one).
 */
export function containsIdentityNumber(text: string, { checkDigit = true }: { checkDigit?: boolean } = {}): boolean {
  if (!/[\p{N}]/u.test(text)) return false;
  const shown = visible(text);
  // A letter ends a number; anything else between digit runs may be a way of writing one apart.
  for (const stretch of shown.split(/\p{L}+/u)) {
    const groups = stretch.match(/\d+/g);
    if (!groups) continue;
    for (let first = 0; first < groups.length; first++) {
      let digits = "";
      const cuts: number[] = [];
      for (let last = first; last < groups.length && digits.length < 12; last++) {
        if (digits) cuts.push(digits.length);
        digits += groups[last];
        if (isIdentityNumber(digits, cuts, checkDigit)) return true;
      }
    }
  }
  return false;
}

/**
 * The paths ("title", "activities.3.description") of the texts inside a decoded value (a parsed JSON document, a
 * table's rows, an object of form fields) that hold a personnummer: the one scan of stored values after decoding.
 */
export function identityNumberPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === "string") return containsIdentityNumber(value) ? [path.join(".")] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => identityNumberPaths(item, [...path, String(i)]));
  if (value && typeof value === "object") {
    // Keys are stored too (a JSON object's keys may be written back as text).
    return Object.entries(value).flatMap(([key, item]) => [...(containsIdentityNumber(key) ? [[...path, key].join(".")] : []), ...identityNumberPaths(item, [...path, key])]);
  }
  return [];
}

/** The 1-based line numbers of the text that hold a personnummer or samordningsnummer (never the number itself). */
export function findIdentityNumberLines(text: string): number[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, i) => (containsIdentityNumber(line) ? [i + 1] : []));
}

/** The one refusal of a personnummer in a form field: it never repeats the number. */
export const IDENTITY_NUMBER_MESSAGE = "Texten ser ut att innehålla ett personnummer eller samordningsnummer. Skriv aldrig personnummer i Årshjulet: ta bort det och försök igen.";

/** "rad 3", "raderna 3 och 7", "raderna 3, 7 och 9 (och 2 rader till)" */
export function describeLines(lines: number[]): string {
  const shown = lines.slice(0, 10).map(String);
  const rest = lines.length > 10 ? ` (och ${plural(lines.length - 10, "rad", "rader")} till)` : "";
  if (shown.length === 1) return `rad ${shown[0]}`;
  return `raderna ${shown.slice(0, -1).join(", ")} och ${shown.at(-1)}${rest}`;
}
