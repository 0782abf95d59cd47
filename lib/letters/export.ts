import "server-only";
import type { SessionUser } from "../auth/session-user.ts";
import * as clock from "../clock.ts";
import { xlsxDownload, type Download } from "../export/download.ts";
import { overviewCsv, overviewSheet } from "./csv.ts";
import { getLetterOverview } from "./queries.ts";

export const LETTER_OVERVIEW_MESSAGES = { forbidden: "Du har inte behörighet till översikten.", missing: "Ingen cykel är startad ännu." };

/** The brukarbrev overview of a cycle year (the current one unless asked) as CSV or as a workbook; null before any cycle. */
export async function letterOverviewDownload(user: SessionUser, params: Record<string, string>, type: Download["type"]): Promise<Download | null> {
  const overview = await getLetterOverview(user, { year: Number(params.ar) || undefined }, undefined, clock.today());
  if (!overview || overview.year === null) return null;
  const basename = `brukarbrev-${overview.year}`;
  if (type === "csv") return { filename: `${basename}.csv`, type, body: overviewCsv(overview) };
  return xlsxDownload(basename, [overviewSheet(overview)]);
}
