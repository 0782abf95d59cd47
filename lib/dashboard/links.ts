// Zod-free, for client components (issue 35); lib/dashboard/schemas re-exports them.

/** The heat map of one area of the dashboard: /oversikt?ar=…&omrade=…#tackning. */
export function dashboardAreaHref(year: number, areaId: string, section: "tackning" | "planering" = "tackning"): string {
  return `/oversikt?${new URLSearchParams({ ar: String(year), omrade: areaId }).toString()}#${section}`;
}

/** The checklist of a unit (or "verksamhet"/"kommunikation") in a year, optionally filtered: /checklista?enhet=…&ar=…. */
export function unitChecklistHref(enhet: string, year: number, filter?: "forsenade" | "att-gora"): string {
  const params = new URLSearchParams({ enhet, ar: String(year) });
  if (filter) params.set("filter", filter);
  return `/checklista?${params.toString()}`;
}
