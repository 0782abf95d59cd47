/** What a form's server action returns: a message for the live region and Swedish errors per field. */
export type FormState = { ok: boolean; message: string; errors?: Record<string, string[]>; details?: string[] } | null;

/** A text field of a submitted form; undefined when absent or a file, so zod reports it as missing. */
export function formText(data: FormData, name: string): string | undefined {
  const value = data.get(name);
  return typeof value === "string" ? value : undefined;
}

/** A text field of a submitted form, "" when absent: for inputs that an id lookup or zod rejects when empty. */
export function formString(data: FormData, name: string): string {
  return formText(data, name) ?? "";
}
