/** Where a list of försenade is: of one cycle or all open ones, "mina" or "alla" (docs/decisions/020). */
export function overdueHref(options: { year?: number; all?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (options.year) params.set("ar", String(options.year));
  if (options.all) params.set("visa", "alla");
  const query = params.toString();
  return query ? `/checklista/forsenade?${query}` : "/checklista/forsenade";
}
