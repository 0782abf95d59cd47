import { downloadResponse, searchParamsOf } from "@/lib/export/download";
import { organisationDownload, WORKBOOK_MESSAGES } from "@/lib/organisation/export";

export const dynamic = "force-dynamic";

/** The organisation's workbook (?mall=1: the empty template) as .xlsx, or one sheet as CSV (?format=csv&blad=enheter). */
export async function GET(request: Request) {
  return downloadResponse("organisation:read", WORKBOOK_MESSAGES, (user) => organisationDownload(user, searchParamsOf(request)));
}
