import { z } from "zod";
import { containsIdentityNumber } from "./personal-data.ts";

// Every schema's default messages in Swedish and without type names (a field that a crafted request leaves out, say):
// set once for the process here, in the module every form and mutation reads. Schemas give their own messages where a
// real form can go wrong; zod's Swedish locale covers the rest.
z.config({
  ...z.locales.sv(),
  customError: (issue) => {
    const text = issue.origin === "string";
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined || issue.input === null ? "Uppgiften saknas." : "Uppgiften har fel form.";
      case "invalid_union":
        return "Uppgiften har fel form.";
      case "invalid_value":
        return "Välj ett av alternativen.";
      case "invalid_format":
        return "Uppgiften har fel format.";
      case "too_small":
        return text ? (Number(issue.minimum) <= 1 ? "Fyll i fältet." : `Skriv minst ${issue.minimum} tecken.`) : `Värdet är för litet (minst ${issue.minimum}).`;
      case "too_big":
        return text ? `Skriv högst ${issue.maximum} tecken.` : `Värdet är för stort (högst ${issue.maximum}).`;
      default:
        return undefined;
    }
  },
});

/** What a form's server action returns: a message for the live region and Swedish errors per field. */
export type FormState = { ok: boolean; message: string; errors?: Record<string, string[]>; details?: string[] } | null;

/** A text field of a submitted form; undefined when absent or a file, so zod reports it as missing. */
export function formText(data: FormData, name: string): string | undefined {
  const value = data.get(name);
  return typeof value === "string" ? value : undefined;
}

/** The named text fields of a submitted form, each as formText reads it: for a domain call that parses them with zod. */
export function formTexts<const N extends string>(data: FormData, names: readonly N[]): Record<N, string | undefined> {
  return Object.fromEntries(names.map((name) => [name, formText(data, name)])) as Record<N, string | undefined>;
}

/** A text field of a submitted form, "" when absent: for inputs that an id lookup or zod rejects when empty. */
export function formString(data: FormData, name: string): string {
  return formText(data, name) ?? "";
}

/** An expected failure of a mutation: a Swedish message, optionally per field and with details (the same in every area). */
export type Failure = { ok: false; message: string; errors?: Record<string, string[]>; details?: string[] };

/** What a domain call returns: its data, or an expected failure (which is data too, never thrown). */
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

/** What a mutation returns: a Swedish message for the live region, or a failure with field errors keyed by form field. */
export type MutationResult<T extends object = object> = Result<{ message: string } & T>;

export const INVALID_FORM = "Kontrollera de markerade fälten.";
/** The action wrapper's answers (lib/actions.ts) to a call that is not a form, and to an unexpected error. */
export const UNREADABLE_FORM = "Formuläret kunde inte läsas. Ladda om sidan och försök igen.";
export const UNEXPECTED_ERROR = "Något gick fel, och ändringen sparades kanske inte. Ladda om sidan och försök igen.";

/** Field errors of a failed parse, keyed by the top-level field (the form field's name); whole-form errors under "form". */
export function fieldErrorsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return errors;
}

/** The text fields of a submitted form as an object (files left out), for a domain call that parses them with zod. */
export function formFields(data: FormData): Record<string, string> {
  return Object.fromEntries([...data.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

export { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "./control-characters.ts";
import { hasControlCharacter } from "./control-characters.ts";

/** A text field's value, or an uploaded file's name (which is stored with an import); a file's content is checked where it is parsed. */
const textOf = (value: FormDataEntryValue): string => (typeof value === "string" ? value : value.name);

/** The names of a submitted form's fields whose text (or file name) holds a control character. */
export function fieldsWithControlCharacters(data: FormData): string[] {
  const names = new Set<string>();
  for (const [name, value] of data.entries()) if (hasControlCharacter(textOf(value)) || hasControlCharacter(name)) names.add(hasControlCharacter(name) ? "form" : name);
  return [...names];
}

// What the app itself makes: a cuid (ids) and a SHA-256 digest in hex. Only such a value is left unchecked.
const APP_MADE = /^(?:c[a-z0-9]{20,31}|[0-9a-f]{64})$/;

/** Whether a text is shaped like what the app makes itself: a cuid or a hex SHA-256 digest. */
export const isAppMade = (text: string): boolean => APP_MADE.test(text);

/**
 * Whether a field's value is checked for personnummer: every field is, except passwords (hashed, never shown), Next's
 * own action fields, and ids and digests that hold what the app made (a cuid, a hex digest), in which a random run of
 * digits could look like one. A user-chosen token (the review's seed) is text like any other.
 */
export function isCheckedField(name: string, value: string): boolean {
  if (name === "password" || name === "passwordRepeat" || name === "currentPassword" || name.startsWith("$ACTION")) return false;
  const appMade = name === "id" || /Id$/.test(name) || name === "digest";
  return !(appMade && isAppMade(value));
}

/** The names of a submitted form's fields (and file names) that hold a personnummer or samordningsnummer. */
export function fieldsWithIdentityNumbers(data: FormData): string[] {
  const names = new Set<string>();
  for (const [name, value] of data.entries()) if (isCheckedField(name, textOf(value)) && containsIdentityNumber(textOf(value))) names.add(name);
  return [...names];
}
