/** Text that Excel will not run as a formula: a leading =, +, - or @ gets an apostrophe before it (CSV and xlsx alike). */
export function formulaSafe(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/**
 * Text that XML 1.0 can carry, for a workbook's cells and names: control characters other than tab and line breaks,
 * U+FFFE, U+FFFF and a surrogate without its pair are dropped. Input refuses them (lib/forms.ts); text stored before
 * that did must still export (issue 30, H6: one U+FFFF made sharedStrings.xml unreadable).
 */
export function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu, "");
}
