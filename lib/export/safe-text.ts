/** Text that Excel will not run as a formula: a leading =, +, - or @ gets an apostrophe before it (CSV and xlsx alike). */
export function formulaSafe(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}
