/**
 * Status codes in a redirect's address instead of free text (issue 18, item 8): the page maps a known code to its own
 * Swedish text and shows nothing for any other, so a crafted link cannot put words on our page.
 */
export type FlashTexts = Readonly<Record<string, { text: string; error?: boolean }>>;

/** The query parameter that carries the code. */
export const FLASH_PARAM = "status";

/** A path on this site with a status code (and, for a text about one record, that record's id) for the page to show. */
export function flashPath(path: string, code: string, options: { about?: string; hash?: string } = {}): string {
  const params = new URLSearchParams({ [FLASH_PARAM]: code, ...(options.about ? { om: options.about } : {}) });
  return `${path}?${params}${options.hash ? `#${encodeURIComponent(options.hash)}` : ""}`;
}

/**
 * The text of a code from the address, or null for a missing or unknown one. `{namn}` in a text is replaced by the
 * name the page looked up itself (never one from the address).
 */
export function flashText(texts: FlashTexts, code: unknown, name?: string | null): { text: string; error: boolean } | null {
  if (typeof code !== "string" || !Object.hasOwn(texts, code)) return null;
  const entry = texts[code]!;
  return { text: entry.text.replaceAll("{namn}", name ?? "Användaren"), error: entry.error ?? false };
}
