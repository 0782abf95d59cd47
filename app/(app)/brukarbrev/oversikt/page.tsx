import type { Metadata } from "next";
import { LetterOverviewTable } from "@/components/letters/overview-table";
import { requirePermission } from "@/lib/auth/session";
import { getLetterOverview } from "@/lib/letters/queries";
import * as clock from "@/lib/clock";

export const metadata: Metadata = { title: "Brukarbrev – översikt" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LetterOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("dashboard:read");
  const { ar } = await searchParams;
  const overview = await getLetterOverview(user, { year: typeof ar === "string" ? Number(ar) : undefined }, undefined, clock.today());

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Brukarbrev – översikt</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Vilka enheter som har skickat brukarbrev 1–4, när och hur många. <strong>Saknas</strong> betyder att brevets sista dag har passerat
          utan att det registrerats; <strong>Skickat sent</strong> att det skickades efter sista dagen.
        </p>
      </div>
      {!overview || overview.year === null ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-4">Ingen cykel är startad ännu.</p>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <form method="get" action="/brukarbrev/oversikt" className="flex flex-wrap items-end gap-3">
              <div>
                <label htmlFor="val-ar" className="block text-sm font-medium">
                  Cykel
                </label>
                <select id="val-ar" name="ar" defaultValue={overview.year} className="mt-1 rounded border border-slate-500 bg-white px-2 py-2">
                  {overview.years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="rounded bg-blue-800 px-3 py-2 font-semibold text-white hover:bg-blue-900">
                Visa
              </button>
            </form>
            <a href={`/brukarbrev/oversikt/export?ar=${overview.year}`} download className="rounded border border-blue-800 px-3 py-2 font-semibold text-blue-900 hover:bg-blue-50">
              Ladda ner som CSV (Excel)
            </a>
          </div>
          <section aria-labelledby="tabell" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="tabell" className="text-xl font-semibold">
              Cykel {overview.year}
            </h2>
            <div className="mt-3">
              <LetterOverviewTable overview={overview} />
            </div>
          </section>
        </>
      )}
    </div>
  );
}
