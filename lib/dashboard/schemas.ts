import { z } from "zod";

const year = z.string().regex(/^\d{4}$/).optional().catch(undefined);

/** The value of ?jamfor= that asks for no comparison at all. */
export const NO_COMPARISON = "ingen";

/**
 * The dashboard's query string: ?ar=2026&jamfor=2025 (or jamfor=ingen). Anything else falls back to the current and
 * the previous year.
 */
export const dashboardParamsSchema = z
  .object({
    ar: year,
    jamfor: z.union([z.literal(NO_COMPARISON), z.string().regex(/^\d{4}$/)]).optional().catch(undefined),
    omrade: z.string().regex(/^[a-z0-9]{1,40}$/).optional().catch(undefined),
  })
  .transform((p): DashboardParams => ({
    area: p.omrade,
    year: p.ar === undefined ? undefined : Number(p.ar),
    compareYear: p.jamfor === NO_COMPARISON ? null : p.jamfor === undefined ? undefined : Number(p.jamfor),
  }));
/** compareYear: a year, null for no comparison, undefined for the year before; area: the heat map's area (its id). */
export type DashboardParams = { year?: number; compareYear?: number | null; area?: string };

export { dashboardAreaHref, unitChecklistHref } from "./links.ts";
