import { plural } from "../plural.ts";

/**
 * Personnummer and samordningsnummer: ÅÅMMDD-NNNN, ÅÅMMDD+NNNN, ÅÅÅÅMMDDNNNN, with or without separator.
 * A samordningsnummer has 60 added to the day (61–91). No check digit test: anything that merely looks like
 * one is refused, since the review keeps only pseudonymous case references.
 */
const IDENTITY_NUMBER = /(?<!\d)(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ ]?\d{4}(?!\d)/;

/** Whether the text contains something that looks like a Swedish personal identity number. */
export function looksLikeIdentityNumber(text: string): boolean {
  return IDENTITY_NUMBER.test(text);
}

/** The 1-based line numbers of the text that contain something like a personnummer (never the number itself). */
export function findIdentityNumberLines(text: string): number[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, i) => (looksLikeIdentityNumber(line) ? [i + 1] : []));
}

/** "rad 3", "rad 3 och 7", "rad 3, 7 och 9" */
export function describeLines(lines: number[]): string {
  const shown = lines.slice(0, 10).map(String);
  const rest = lines.length > 10 ? ` (och ${plural(lines.length - 10, "rad", "rader")} till)` : "";
  if (shown.length === 1) return `rad ${shown[0]}`;
  return `raderna ${shown.slice(0, -1).join(", ")} och ${shown.at(-1)}${rest}`;
}
