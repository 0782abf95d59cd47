import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/results/print-button";
import { DownloadLinks } from "@/components/ui/download-links";
import { SummaryReport } from "@/components/review/summary-report";
import { SummaryDoneForm } from "@/components/review/summary-done-form";
import { Section } from "@/components/ui/section";
import { requirePermission } from "@/lib/auth/session";
import { canAny } from "@/lib/auth/permissions";
import { formatDateIso, formatDateLong, stockholmDate } from "@/lib/dates/cycle";
import { summariseAction } from "../../actions";
import { getReviewSummary } from "@/lib/review/queries";
import { yearParam } from "@/lib/review/schemas";
import { summaryStatusText } from "@/lib/review/summary";
import * as clock from "@/lib/clock";

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Sammanställning ${yearParam((await params).year) ?? ""}`.trim() };
}
export const dynamic = "force-dynamic";

export default async function ReviewSummaryPage({ params }: Props) {
  const user = await requirePermission("review:read");
  const year = yearParam((await params).year);
  if (!year) notFound();
  const report = await getReviewSummary(user, year);
  if (!report) notFound();
  return (
    <div className="mx-auto max-w-4xl space-y-5 print:max-w-none">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link href={`/kvalitetsgranskning/${year}`} className="text-blue-800 underline">
          ← Urvalet {year}
        </Link>
        <div className="flex flex-wrap gap-2">
          <DownloadLinks excel={`/kvalitetsgranskning/${year}/sammanstallning/excel`} />
          <PrintButton />
        </div>
      </div>
      <article className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm print:border-0 print:p-0 print:shadow-none">
        <header className="space-y-1">
          <h1 className="text-2xl font-bold sm:text-3xl">Kvalitetssäkring i hemtjänsten {year}</h1>
          <p className="text-slate-700">
            Beställda insatser jämfört med utförda. Slumpvis urval, {report.sampleSizePerArea} ärenden per hemtjänstområde
            {report.drawnAt ? `, draget ${formatDateLong(stockholmDate(report.drawnAt))}` : ""}. {summaryStatusText(report, clock.today())}
          </p>
        </header>
        <SummaryReport year={year} summary={report.summary} earlier={report.earlier} />
      </article>
      {canAny(user, "review:manage") && (
        <div className="no-print">
          <Section id="klar" title="Är sammanställningen klar?" card>
            <div className="mt-2">
              {report.summarisedOn || (report.summary.sampled > 0 && report.summary.interviewed >= report.summary.sampled) ? (
                <SummaryDoneForm action={summariseAction} year={year} summarisedOnText={report.summarisedOn ? formatDateLong(report.summarisedOn) : null} today={formatDateIso(clock.today())} />
              ) : (
                <p>
                  Sammanställningen kan markeras som klar när alla i urvalet är intervjuade ({report.summary.interviewed} av {report.summary.sampled} hittills).
                </p>
              )}
            </div>
          </Section>
        </div>
      )}
    </div>
  );
}
