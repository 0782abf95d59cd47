import { safeCallbackPath } from "./auth/callback-path.ts";

/**
 * Status codes in a redirect's address instead of free text (issue 18, item 8): the page maps a known code to its own
 * Swedish text and shows nothing for any other, so a crafted link cannot put words on our page.
 */
export type FlashTexts = Readonly<Record<string, { text: string; error?: boolean }>>;

/** The query parameter that carries the code. */
export const FLASH_PARAM = "status";

/**
 * A path on this site with a status code (and, for a text about one record, that record's id) for the page to show; the
 * path's own parameters stay, an earlier code and record are replaced.
 */
export function flashPath(path: string, code: string, options: { about?: string; hash?: string } = {}): string {
  const url = new URL(path, "http://arshjulet.invalid");
  url.searchParams.set(FLASH_PARAM, code);
  if (options.about) url.searchParams.set("om", options.about);
  else url.searchParams.delete("om");
  return `${url.pathname}${url.search}${options.hash ? `#${encodeURIComponent(options.hash)}` : ""}`;
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

/**
 * Back to the page a plain form was posted from (its Referer, path and query only), with a status code for it to show:
 * only a path on this site that `pages` accepts, else `fallback`. The page's own parameters (a filter, a unit) stay.
 */
export function flashBackPath(referer: string | null, pages: RegExp, fallback: string, code: string, options: { about?: string } = {}): string {
  let back = fallback;
  try {
    const from = referer ? new URL(referer) : null;
    const path = from ? safeCallbackPath(`${from.pathname}${from.search}`, "") : "";
    if (path && pages.test(path.split("?")[0]!)) back = path;
  } catch {
    // Not an address: back to the fallback.
  }
  return flashPath(back, code, options);
}
