import { getSessionUser } from "@/lib/auth/session";
import { canAny } from "@/lib/auth/permissions";
import { overviewCsv } from "@/lib/letters/csv";
import { getLetterOverview } from "@/lib/letters/queries";
import * as clock from "@/lib/clock";

export const dynamic = "force-dynamic";

/** The verksamhet overview as a CSV file for Excel (UTF-8 with BOM, semicolons). */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response("Logga in för att ladda ner filen.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!canAny(user, "dashboard:read")) return new Response("Du har inte behörighet till översikten.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const year = Number(new URL(request.url).searchParams.get("ar")) || undefined;
  const overview = await getLetterOverview(user, { year }, undefined, clock.today());
  if (!overview || overview.year === null) return new Response("Ingen cykel är startad ännu.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(overviewCsv(overview), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="brukarbrev-${overview.year}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
