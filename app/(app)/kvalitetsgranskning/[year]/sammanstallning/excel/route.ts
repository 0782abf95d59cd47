import { downloadResponse, xlsxDownload } from "@/lib/export/download";
import { reviewSummarySheets } from "@/lib/review/export";
import { getReviewSummary } from "@/lib/review/queries";
import { yearParam } from "@/lib/review/schemas";

export const dynamic = "force-dynamic";

/** The review summary of a year as an Excel workbook. */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  const year = yearParam((await params).year);
  return downloadResponse("review:read", { forbidden: "Du har inte behörighet till kvalitetsgranskningen.", missing: "Det finns ingen granskning det året." }, async (user) => {
    const report = year ? await getReviewSummary(user, year) : null;
    return report ? xlsxDownload(`kvalitetsgranskning-${year}`, reviewSummarySheets(report)) : null;
  });
}
