import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/results/print-button";
import { DownloadLinks } from "@/components/ui/download-links";
import { SummaryReport } from "@/components/review/summary-report";
import { requirePermission } from "@/lib/auth/session";
import { formatDateLong, stockholmDate } from "@/lib/dates/cycle";
import { getReviewSummary } from "@/lib/review/queries";
import { yearParam } from "@/lib/review/schemas";
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
            {report.drawnAt ? `, draget ${formatDateLong(stockholmDate(report.drawnAt))}` : ""}. Sammanställd {formatDateLong(clock.today())}.
          </p>
        </header>
        <SummaryReport year={year} summary={report.summary} earlier={report.earlier} />
      </article>
    </div>
  );
}
