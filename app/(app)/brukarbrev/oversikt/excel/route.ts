import { downloadResponse, searchParamsOf } from "@/lib/export/download";
import { LETTER_OVERVIEW_MESSAGES, letterOverviewDownload } from "@/lib/letters/export";

export const dynamic = "force-dynamic";

/** The verksamhet overview as an Excel workbook. */
export async function GET(request: Request) {
  return downloadResponse("dashboard:read", LETTER_OVERVIEW_MESSAGES, (user) => letterOverviewDownload(user, searchParamsOf(request), "xlsx"));
}
