import type { Metadata } from "next";
import { LetterOverviewTable } from "@/components/letters/overview-table";
import { DownloadLinks } from "@/components/ui/download-links";
import { FilterForm, Toolbar } from "@/components/ui/filter-form";
import { YearPicker } from "@/components/ui/year-picker";
import { requirePermission } from "@/lib/auth/session";
import { getLetterOverview, LETTER_OVERVIEW_UNIT_LIMIT } from "@/lib/letters/queries";
import { Select } from "@/components/ui/select";
import { plural } from "@/lib/plural";
import * as clock from "@/lib/clock";
import { PageHeader } from "@/components/ui/page-header";
import { Notice, Section } from "@/components/ui/section";
import { Link } from "@/components/ui/link";
import { OverdueElsewhereNotice } from "@/components/cycles/overdue-elsewhere-notice";
import { getOverdueElsewhere } from "@/lib/tasks/queries";

export const metadata: Metadata = { title: "Brukarbrev – översikt" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LetterOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("dashboard:read");
  const { ar, omrade } = await searchParams;
  const overview = await getLetterOverview(
    user,
    { year: typeof ar === "string" ? Number(ar) : undefined, area: typeof omrade === "string" ? omrade : undefined, byArea: true },
    undefined,
    clock.today(),
  );
  // The other open cycle's försenade beside the cycle shown (docs/decisions/020), with a link to its letters.
  const elsewhere = overview ? await getOverdueElsewhere(user, overview.year, "task:read") : [];
  // Above LETTER_OVERVIEW_UNIT_LIMIT units the page shows one area at a time; the downloads always hold every unit.
  const paged = !!overview && overview.allUnits > LETTER_OVERVIEW_UNIT_LIMIT;

  return (
    <div className="space-y-6">
      <PageHeader
        size="page"
        title="Brukarbrev – översikt"
        description={
          <>
          Vilka enheter som har skickat brukarbrev 1–4, när och hur många. <strong>Saknas</strong> betyder att brevets sista dag har passerat
          utan att det registrerats; <strong>Skickat sent</strong> att det skickades efter sista dagen; <strong>Ej aktuellt</strong> att enheten inte
          skickar brevet i år (markerat i checklistan, med skäl).
          </>
        }
      />
      <OverdueElsewhereNotice cycles={elsewhere} what="i verksamheten" />
      {elsewhere.map((c) => (
        <p key={c.year}>
          <Link href={`/brukarbrev/oversikt?ar=${c.year}`} className="text-blue-800 underline">
            Brukarbreven i cykel {c.year}
          </Link>
        </p>
      ))}
      {!overview || overview.year === null ? (
        <Notice>Ingen cykel är startad ännu.</Notice>
      ) : (
        <>
          <Toolbar>
            <FilterForm action="/brukarbrev/oversikt" submitVariant="primary">
              <YearPicker id="val-ar" label="Cykel" years={overview.years} value={overview.year} dense />
              {paged && (
                <Select id="val-omrade" name="omrade" label="Område" defaultValue={overview.area?.id} dense>
                  {overview.areas.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name} ({plural(a.units, "enhet", "enheter")})
                    </option>
                  ))}
                </Select>
              )}
            </FilterForm>
            <DownloadLinks excel={`/brukarbrev/oversikt/excel?ar=${overview.year}`} csv={`/brukarbrev/oversikt/export?ar=${overview.year}`} />
          </Toolbar>
          <Section id="tabell" title={<>Cykel {overview.year}{overview.area && `, ${overview.area.name}`}</>} card>
            {paged && (
              <p className="mt-1 text-sm text-slate-700">
                Verksamheten har {plural(overview.allUnits, "enhet", "enheter")} i {plural(overview.areas.length, "område", "områden")}: tabellen visar ett område i
                taget och summerar det. Nedladdningarna innehåller alla enheter.
              </p>
            )}
            <div className="mt-3">
              <LetterOverviewTable overview={overview} />
            </div>
          </Section>
        </>
      )}
    </div>
  );
}
