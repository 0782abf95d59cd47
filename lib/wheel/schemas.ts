import { z } from "zod";

/**
 * The wheel's query string: ?ar=2026&enhet=<unit id>, and with many units ?omrade=<area id> (the unit picker's area,
 * lib/wheel/data.ts WHEEL_UNIT_PICKER_LIMIT). Anything else falls back to the current year and all units.
 */
export const wheelParamsSchema = z
  .object({
    ar: z.string().regex(/^\d{4}$/).optional().catch(undefined),
    enhet: z.string().min(1).max(100).optional().catch(undefined),
    omrade: z.string().min(1).max(100).optional().catch(undefined),
  })
  .transform((p) => ({ year: p.ar === undefined ? undefined : Number(p.ar), unitId: p.enhet, areaId: p.omrade }));

/** The address of the wheel for a year and (optionally) a unit, for links from other pages. */
export function wheelHref(year?: number, unitId?: string | null): string {
  const params = new URLSearchParams();
  if (year !== undefined) params.set("ar", String(year));
  if (unitId) params.set("enhet", unitId);
  const query = params.toString();
  return query ? `/arshjul?${query}` : "/arshjul";
}
