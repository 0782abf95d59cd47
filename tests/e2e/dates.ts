import { format, getISOWeek } from "date-fns";
import { sv } from "date-fns/locale";

/**
 * The e2e server seeds the current year's cycle (and the years before it) from the real clock,
 * so the browser tests speak of years relative to today in Stockholm, never of fixed years.
 */
export const todayIso = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
export const THIS_YEAR = Number(todayIso().slice(0, 4));

/** "15 mars 2027 (v. 11)", as the app writes a date with its week. */
export const dateWithWeek = (year: number, month: number, day: number) => {
  const date = new Date(year, month - 1, day);
  return `${format(date, "d MMMM yyyy", { locale: sv })} (v. ${getISOWeek(date)})`;
};
