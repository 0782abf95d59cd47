import { formatMonthSpan } from "@/lib/dates/months";
import type { Timing } from "@/lib/db/generated/enums";

/** "Februari", "Löpande januari–mars", "Månad saknas". */
export function describeTiming(activity: { timing: Timing; startMonth: number | null; endMonth: number | null }): string {
  const months = formatMonthSpan(activity);
  if (!months) return "Månad saknas";
  return activity.timing === "CONTINUOUS" ? `Löpande ${months}` : months.charAt(0).toUpperCase() + months.slice(1);
}
