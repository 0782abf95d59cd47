import { plural } from "./plural.ts";

/**
 * Swedish personnummer and samordningsnummer inside any text: ÅÅMMDD-NNNK or ÅÅÅÅMMDD-NNNK, with any separator or
 * none between the date and the last four (- + space . _ / \ : or a dash), and optionally one between the date's parts
 * (1945-01-01-1235, 45 01 01-1235). A samordningsnummer has 60 added to the day. Only a real date with a correct
 * check digit (Luhn) counts, so that phone numbers, counts, dates and order numbers pass; and only a whole digit
 * run, never a part of a longer one. Used wherever the app stores free text (GDPR: it holds no personal identity
 * numbers): the action wrapper for every form, and the upload checks.
 */
const SEPARATOR = String.raw`[-+._/\\:\u2010-\u2015\u2212]`;
const DIGITS_AT = [
  // 450101-1235, 194501011235, 450101 - 1235
  new RegExp(String.raw`(19|20)?(\d{2})(\d{2})(\d{2})(?:\s*${SEPARATOR}\s*|\s)?(\d{4})(?!\d)`, "y"),
  // 1945-01-01-1235, 45.01.01/1235, 45 01 01-1235: the same mark between the date's parts
  new RegExp(String.raw`(19|20)?(\d{2})([-./ ])(\d{2})\3(\d{2})(?:\s*${SEPARATOR}\s*|\s)(\d{4})(?!\d)`, "y"),
];

/** Text as a reader sees it: compatibility forms (full-width digits, odd dashes) folded, invisible format characters gone. */
function visible(text: string): string {
  return text.normalize("NFKC").replace(/\p{Cf}/gu, "");
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

function identityNumberAt(text: string, index: number, checkDigit: boolean): boolean {
  for (const pattern of DIGITS_AT) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) continue;
    const groups = match.slice(1);
    // The grouped form captures its separator as the fourth group.
    const [century, yy, mm, dd, last] = groups.length === 6 ? [groups[0], groups[1]!, groups[3]!, groups[4]!, groups[5]!] : [groups[0], groups[1]!, groups[2]!, groups[3]!, groups[4]!];
    if (isRealDate(century, yy, mm, dd) && (!checkDigit || hasValidCheckDigit(`${yy}${mm}${dd}${last}`))) return true;
  }
  return false;
}

/**
 * Whether the text holds a personnummer or samordningsnummer: a real date and a correct check digit. With
 * `checkDigit: false`, anything shaped like one (a real date and four digits), for a value that has no reason to look
 * like one at all, such as a pseudonymous case reference (a mistyped personnummer is still one).
 */
export function containsIdentityNumber(text: string, { checkDigit = true }: { checkDigit?: boolean } = {}): boolean {
  const shown = visible(text);
  if (!/\d/.test(shown)) return false;
  // Only where a digit run starts: a number inside a longer run of digits is not one.
  for (let i = 0; i < shown.length; i++) {
    if (isDigit(shown[i]!) && (i === 0 || !isDigit(shown[i - 1]!)) && identityNumberAt(shown, i, checkDigit)) return true;
  }
  return false;
}

const isDigit = (c: string) => c >= "0" && c <= "9";

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
