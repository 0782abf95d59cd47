import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cellText } from "@/components/results/format";
import { PrintButton } from "@/components/results/print-button";
import { requirePermission } from "@/lib/auth/session";
import { formatDateLong } from "@/lib/dates/cycle";
import { formatPercent } from "@/lib/results/compare";
import { getPlannedActionsForUnit, getUnitComparison } from "@/lib/results/queries";
import { MIN_RESPONDENTS, yearParam } from "@/lib/results/schemas";

export const metadata: Metadata = { title: "Sammanfattning för brukarbrev 4" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One printable page in plain Swedish for the clients: how they answered, and what the unit will do about it. */
export default async function UnitSummaryPage({ params, searchParams }: Props) {
  const user = await requirePermission("results:read");
  const { unitId } = await params;
  const data = await getUnitComparison(user, unitId, yearParam((await searchParams).ar));
  if (!data || data.year === null) notFound();
  const { unit, year, rows } = data;
  const actions = await getPlannedActionsForUnit(user, unit.id, year);
  const hasOwn = rows.some((r) => r.unit.kind === "value");

  return (
    <div className="mx-auto max-w-3xl space-y-5 print:max-w-none print:space-y-3">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link href={`/resultat/enhet/${unit.id}?ar=${year}`} className="text-blue-800 underline">
          ← Resultat för {unit.name}
        </Link>
        <PrintButton />
      </div>
      <article className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm print:border-0 print:p-0 print:shadow-none">
        <h1 className="text-2xl font-bold">Vad tycker du om hemtjänsten? Resultatet {year}</h1>
        <p>
          Tack till alla som svarade på Socialstyrelsens enkät om äldreomsorgen {year}. Här är svaren för hemtjänstgruppen {unit.name}
          {data.respondents !== null && hasOwn ? `. ${data.respondents} personer svarade` : ""}
          {data.responseRate !== null && hasOwn ? `, det är ${formatPercent(data.responseRate)} av dem som fick enkäten` : ""}.
        </p>
        {hasOwn ? (
          <table className="w-full text-left">
            <caption className="sr-only">Andel som svarade positivt, {unit.name} jämfört med kommunen och hela landet</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="py-1 pr-2">Frågan gäller</th>
                <th scope="col" className="py-1 pr-2">{unit.name}</th>
                <th scope="col" className="py-1 pr-2">Hela kommunen</th>
                <th scope="col" className="py-1">Hela landet</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.indicator.id} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-2 font-normal">
                    {r.indicator.name}
                    {!r.indicator.higherIsBetter && " (lägre är bättre)"}
                  </th>
                  <td className="py-1 pr-2 font-semibold">{cellText(r.unit)}</td>
                  <td className="py-1 pr-2">{cellText(r.kommun)}</td>
                  <td className="py-1">{cellText(r.riket)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>För få svarade ({`färre än ${MIN_RESPONDENTS}`}) för att vi ska få se resultatet för just {unit.name}. Därför visar vi inga siffror för gruppen i år.</p>
        )}
        <p className="text-sm">Siffrorna visar hur många av 100 som svarade positivt. ”Kränkt bemötande” visar hur många som har känt sig illa bemötta, där är ett lågt tal bra.</p>
        <h2 className="text-xl font-semibold">Det här ska vi bli bättre på</h2>
        {actions.length === 0 ? (
          <p>Vi går igenom resultatet tillsammans i personalgruppen och bestämmer vad vi ska förbättra.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {actions.map((a) => (
              <li key={a.id}>
                {a.title}
                {a.dueOn && ` (klart senast ${formatDateLong(a.dueOn)})`}
                {a.unitId === null && " – gäller hela hemtjänsten"}
              </li>
            ))}
          </ul>
        )}
        <p>Har du frågor eller synpunkter? Prata gärna med personalen eller ring din enhetschef.</p>
        <p className="text-xs text-slate-700">Källa: Socialstyrelsen, Vad tycker de äldre om äldreomsorgen? {year}.</p>
      </article>
    </div>
  );
}
