import { MONTH_NAMES } from "../dates/months.ts";

/**
 * What a routine's start month means, in Swedish, with a cycle year as the example (docs/decisions/014 and 021): which
 * months of which calendar years the routine's part of the cycle covers. Pure, so the form can say it as the month is chosen.
 */
export function startMonthConsequence(startMonth: number, exampleYear: number): string {
  if (startMonth === 1) return `Rutinens år följer kalenderåret: cykel ${exampleYear} rymmer rutinens aktiviteter januari–december ${exampleYear}.`;
  const first = MONTH_NAMES[startMonth - 1]!;
  const last = MONTH_NAMES[startMonth - 2]!;
  return (
    `Rutinens år börjar i ${first}: cykel ${exampleYear} rymmer rutinens aktiviteter ${first} ${exampleYear - 1} – ${last} ${exampleYear}. ` +
    `En aktivitet i ${first}${startMonth < 12 ? "–december" : ""} hör alltså till nästa års cykel och görs före årets övriga aktiviteter.`
  );
}

/** The month options of a start month picker: 1 januari … 12 december. */
export const START_MONTH_OPTIONS = MONTH_NAMES.map((name, i) => ({ value: i + 1, label: name }));
