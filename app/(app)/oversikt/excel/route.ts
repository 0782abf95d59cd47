import { coverageSheets } from "@/lib/dashboard/export";
import { getDashboard } from "@/lib/dashboard/queries";
import { dashboardParamsSchema } from "@/lib/dashboard/schemas";
import { downloadResponse, searchParamsOf, xlsxDownload } from "@/lib/export/download";

export const dynamic = "force-dynamic";

/** The heat map of /oversikt (checklist status per unit and month) as an Excel workbook. */
export async function GET(request: Request) {
  return downloadResponse("dashboard:read", { forbidden: "Du har inte behörighet till översikten.", missing: "Det finns ingen cykel ännu." }, async (user) => {
    // Every unit of the verksamhet (or of the chosen area), also where the page shows one row per area, and every försenad.
    const data = await getDashboard(user, dashboardParamsSchema.parse(searchParamsOf(request)), undefined, undefined, { allUnits: true });
    if (!data || data.year === null) return null;
    return xlsxDownload(`oversikt-${data.year}`, coverageSheets(data.year, data.coverage, data.overdue));
  });
}
