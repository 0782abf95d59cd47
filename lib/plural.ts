/**
 * A count with the right Swedish form: plural(1, "rad", "rader") is "1 rad", plural(3, "rad", "rader") "3 rader".
 * Swedish uses the singular for exactly one (also "−1"), the plural for everything else, zero included.
 */
export function plural(count: number, singular: string, pluralForm: string): string {
  return `${count.toLocaleString("sv-SE")} ${Math.abs(count) === 1 ? singular : pluralForm}`;
}
