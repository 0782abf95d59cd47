import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { notFound } from "next/navigation";
import { ComparisonChart } from "@/components/results/comparison-chart";
import { ComparisonTable } from "@/components/results/comparison-table";
import { YearFilter } from "@/components/ui/year-picker";
import { canAny } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatPercent } from "@/lib/results/compare";
import { getUnitComparison } from "@/lib/results/queries";
import { MIN_RESPONDENTS, yearParam } from "@/lib/results/schemas";
import { DownloadLinks } from "@/components/ui/download-links";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/section";

export const metadata: Metadata = { title: "Enhetens resultat" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UnitResultsPage({ params, searchParams }: Props) {
  const user = await requirePermission("results:read");
  const { unitId } = await params;
  const data = await getUnitComparison(user, unitId, yearParam((await searchParams).ar));
  if (!data) notFound();
  const { unit, year, rows } = data;
  const suppressed = rows.length > 0 && rows.every((r) => r.unit.kind !== "value");

  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: `/resultat${year ? `?ar=${year}` : ""}`, label: "Resultat", printable: false }}
        size="page"
        title={
          <>
            {unit.name} {year ?? ""}
          </>
        }
        description={
          <>
            {unit.areaName}.{" "}
            {data.respondents !== null && `${data.respondents} svar`}
            {data.responseRate !== null && `, svarsfrekvens ${formatPercent(data.responseRate)}`}
            {data.respondents !== null && "."}
          </>
        }
        actions={year && <YearFilter years={data.years} year={year} action={`/resultat/enhet/${unit.id}`} />}
      />
      {!year ? (
        <Notice>Enheten har inga resultat ännu.</Notice>
      ) : (
        <>
          {suppressed && (
            <Notice>
              Enheten fick färre än {MIN_RESPONDENTS} svar {year}. Då redovisas inga resultat för enheten, bara kommunens och rikets.
            </Notice>
          )}
          <nav aria-label="Mer om enhetens resultat" className="no-print flex flex-wrap gap-3">
            <ButtonLink href={`/resultat/enhet/${unit.id}/sammanfattning?ar=${year}`} variant="secondary">
              Sammanfattning för brukarbrev 4
            </ButtonLink>
            {canAny(user, "improvement:manage") && (
              <ButtonLink href={`/atgarder?enhet=${unit.id}`} variant="secondary">
                Förbättringsåtgärder
              </ButtonLink>
            )}
            <DownloadLinks excel={`/resultat/enhet/${unit.id}/excel?ar=${year}`} />
          </nav>
          <ComparisonChart rows={rows} unitName={unit.name} year={year} />
          <ComparisonTable rows={rows} unitName={unit.name} year={year} />
          <p className="text-sm text-slate-700">
            Källa: Socialstyrelsen, Vad tycker de äldre om äldreomsorgen?{data.fromKolada ? " Källa: Kolada." : ""}
          </p>
        </>
      )}
    </div>
  );
}
