import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { ScrollArea } from "@/components/ui/scroll-area";
import { canAny } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatDateLong, stockholmDate } from "@/lib/dates/cycle";
import { getReviewYears } from "@/lib/review/queries";
import { formatShare } from "@/lib/review/summary";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/section";

export const metadata: Metadata = { title: "Kvalitetsgranskning" };
export const dynamic = "force-dynamic";

export default async function ReviewOverviewPage() {
  const user = await requirePermission("review:read");
  const years = (await getReviewYears(user)) ?? [];
  return (
    <div className="space-y-6">
      <PageHeader
        size="page"
        title="Kvalitetsgranskning"
        description="Socialkontoret kontrollerar att de beställda hemtjänstinsatserna stämmer med de utförda. Från och med mars intervjuas fem slumpvis utvalda brukare per hemtjänstområde, och avvikelserna sammanställs. Ärendena anges bara med pseudonyma referenser."
        actions={canAny(user, "review:manage") && <ButtonLink href="/kvalitetsgranskning/importera">Importera ärendelista</ButtonLink>}
      />
      {years.length === 0 ? (
        <Notice>Det finns ingen granskning ännu. Den börjar med att årets ärendelista importeras.</Notice>
      ) : (
        <ScrollArea label="Granskningar per år">
          <table className="w-full min-w-[40rem] border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Granskningar per år med antal ärenden, intervjuer och avvikelser</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                {["År", "Ärenden i listan", "Urval", "Intervjuade", "Avvikelser", "Status"].map((h) => (
                  <th key={h} scope="col" className="px-2 py-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.year} className="border-b border-slate-200">
                  <th scope="row" className="px-2 py-2">
                    <Link href={`/kvalitetsgranskning/${y.year}`} className="text-blue-800 underline">
                      Granskningen {y.year}
                    </Link>
                  </th>
                  <td className="px-2 py-2">{y.summary.imported}</td>
                  <td className="px-2 py-2">{y.drawnAt ? `${y.summary.sampled} (${y.sampleSizePerArea} per område)` : "Inte draget"}</td>
                  <td className="px-2 py-2">{y.drawnAt ? `${y.summary.interviewed} av ${y.summary.sampled}` : "–"}</td>
                  <td className="px-2 py-2">{formatShare(y.summary.deviations, y.summary.interviewed)}</td>
                  <td className="px-2 py-2">
                    {y.drawnAt ? `Urvalet draget ${formatDateLong(stockholmDate(y.drawnAt))}` : "Väntar på dragning"}
                    {y.summary.interviewed > 0 && (
                      <>
                        {" · "}
                        <Link href={`/kvalitetsgranskning/${y.year}/sammanstallning`} className="text-blue-800 underline">
                          Sammanställning {y.year}
                        </Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
    </div>
  );
}
