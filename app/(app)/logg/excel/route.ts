import { auditSheet } from "@/lib/audit/export";
import { auditFilterSchema, listAuditEntriesForExport } from "@/lib/audit/queries";
import { downloadResponse, searchParamsOf, xlsxDownload } from "@/lib/export/download";

export const dynamic = "force-dynamic";

/** The audit log with the page's filter (every page of it) as an Excel workbook. */
export async function GET(request: Request) {
  return downloadResponse("audit:read", { forbidden: "Du har inte behörighet till händelseloggen.", missing: "Händelseloggen finns inte för din roll." }, async (user) => {
    const parsed = auditFilterSchema.safeParse(searchParamsOf(request));
    // As on the page: a filter that cannot be read shows everything.
    const entries = await listAuditEntriesForExport(user, parsed.success ? parsed.data : auditFilterSchema.parse({}));
    return entries ? xlsxDownload(`handelselogg-${parsed.success ? [parsed.data.fran, parsed.data.till].filter(Boolean).join("-till-") || "alla" : "alla"}`, [auditSheet(entries)]) : null;
  });
}
