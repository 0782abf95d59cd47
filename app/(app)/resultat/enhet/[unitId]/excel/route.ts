import { downloadResponse, searchParamsOf, xlsxDownload } from "@/lib/export/download";
import { comparisonSheet } from "@/lib/results/export";
import { getUnitComparison } from "@/lib/results/queries";
import { yearParam } from "@/lib/results/schemas";
import { slugify } from "@/lib/slug";

export const dynamic = "force-dynamic";

/** A unit's result comparison (the page's year) as an Excel workbook. */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }) {
  const { unitId } = await params;
  return downloadResponse("results:read", { forbidden: "Du har inte behörighet till resultaten.", missing: "Enheten har inga resultat eller ligger utanför din behörighet." }, async (user) => {
    const data = await getUnitComparison(user, unitId, yearParam(searchParamsOf(request).ar));
    if (!data || data.year === null) return null;
    return xlsxDownload(`resultat-${slugify(data.unit.name)}-${data.year}`, [comparisonSheet({ ...data, year: data.year })]);
  });
}
