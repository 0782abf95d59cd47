import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { YearFilter } from "@/components/ui/year-picker";
import { canAny } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatPercent } from "@/lib/results/compare";
import { getResultsOverview } from "@/lib/results/queries";
import { yearParam } from "@/lib/results/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Notice, Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Resultat" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ResultsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("results:read");
  const overview = await getResultsOverview(user, yearParam((await searchParams).ar));
  const { year, weakPoints, units } = overview;
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const common = weakPoints.filter((w) => w.common);

  return (
    <div className="space-y-6">
      <PageHeader
        size="page"
        title="Resultat"
        description={<>Brukarundersökningens resultat per enhet, jämförda med kommunen och riket. {year ? `Visar ${year}.` : ""}</>}
        actions={
        <div className="flex flex-wrap items-end gap-3">
          {year && <YearFilter years={overview.years} year={year} action="/resultat" />}
          {canAny(user, "results:import") && (
            <ButtonLink href="/resultat/importera" printable={false}>
              Importera resultat
            </ButtonLink>
          )}
        </div>
        }
      />
      {!year ? (
        <Notice>Det finns inga resultat ännu. När årets resultat har importerats visas de här.</Notice>
      ) : (
        <>
          {/* Only across several units: for one unit "1 av 1 enheter" says nothing the table does not. */}
          {overview.showsCommon && (
            <Section id="gemensamma" title={<>Gemensamma nämnare {year}</>} card gap="3">
              <p className="text-slate-700">Indikatorer där fler än hälften av enheterna med redovisade resultat ligger sämre än kommunen.</p>
              {common.length === 0 ? (
                <p>Ingen indikator är sämre än kommunens i de flesta enheterna.</p>
              ) : (
                <ul className="space-y-2">
                  {common.map((w) => (
                    <li key={w.indicator.id} className="rounded border border-red-200 bg-red-50 p-3">
                      <p className="font-semibold">
                        {w.indicator.name}: {w.belowKommun.length} av {w.compared} enheter sämre än kommunen ({w.kommun === null ? "–" : formatPercent(w.kommun)})
                      </p>
                      <p className="text-sm">{w.belowKommun.map((b) => `${unitName.get(b.unitId)} ${formatPercent(b.value)}`).join(", ")}</p>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          )}
          <Section id="alla-indikatorer" title="Alla indikatorer" gap="2">
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" tabIndex={0} role="region" aria-labelledby="alla-indikatorer">
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="px-3 py-2">Indikator</th>
                    <th scope="col" className="px-3 py-2">Kommunen</th>
                    <th scope="col" className="px-3 py-2">Enheter sämre än kommunen</th>
                  </tr>
                </thead>
                <tbody>
                  {weakPoints.map((w) => (
                    <tr key={w.indicator.id} className="border-t border-slate-200">
                      <th scope="row" className="px-3 py-2 font-medium">{w.indicator.name}</th>
                      <td className="px-3 py-2">{w.kommun === null ? "–" : formatPercent(w.kommun)}</td>
                      <td className="px-3 py-2">{w.compared === 0 ? "–" : `${w.belowKommun.length} av ${w.compared}${w.common ? " (gemensam nämnare)" : ""}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
          <Section id="enheter" title="Enheterna" gap="2">
            <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {units.map((u) => (
                <li key={u.id} className="rounded border border-slate-200 bg-white p-3 shadow-sm">
                  <Link href={`/resultat/enhet/${u.id}?ar=${year}`} className="font-semibold text-blue-800 underline">
                    {u.name}
                  </Link>
                  <span className="block text-sm text-slate-700">{u.areaName}</span>
                  <span className="block text-sm">
                    {u.compared === 0
                      ? u.suppressed > 0
                        ? "För få svar för att redovisas."
                        : "Inga resultat detta år."
                      : `${u.below} av ${u.compared} indikatorer sämre än kommunen`}
                  </span>
                </li>
              ))}
            </ul>
          </Section>
        </>
      )}
    </div>
  );
}
