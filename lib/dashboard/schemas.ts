import { z } from "zod";

const year = z.string().regex(/^\d{4}$/).optional().catch(undefined);

/** The dashboard's query string: ?ar=2026&jamfor=2025. Anything else falls back to the current and the previous year. */
export const dashboardParamsSchema = z
  .object({ ar: year, jamfor: year })
  .transform((p) => ({ year: p.ar === undefined ? undefined : Number(p.ar), compareYear: p.jamfor === undefined ? undefined : Number(p.jamfor) }));
export type DashboardParams = { year?: number; compareYear?: number };

/** The checklist of a unit (or "verksamhet"/"kommunikation") in a year, optionally filtered: /checklista?enhet=…&ar=…. */
export function unitChecklistHref(enhet: string, year: number, filter?: "forsenade" | "att-gora"): string {
  const params = new URLSearchParams({ enhet, ar: String(year) });
  if (filter) params.set("filter", filter);
  return `/checklista?${params.toString()}`;
}
