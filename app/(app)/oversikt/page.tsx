import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { CoverageLegend, CoverageTable } from "@/components/dashboard/coverage-table";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { OverdueList } from "@/components/dashboard/overdue-list";
import { PlanningGaps } from "@/components/dashboard/planning-gaps";
import { PlanningCheck } from "@/components/dashboard/planning-check";
import { YearCompare } from "@/components/dashboard/year-compare";
import { requirePermission } from "@/lib/auth/session";
import { formatDateLong } from "@/lib/dates/cycle";
import { getDashboard, HEAT_MAP_UNIT_LIMIT, type Dashboard } from "@/lib/dashboard/queries";
import { plural } from "@/lib/plural";
import { dashboardParamsSchema } from "@/lib/dashboard/schemas";
import { wheelHref } from "@/lib/wheel/schemas";
import { DownloadLinks } from "@/components/ui/download-links";
import { PageHeader } from "@/components/ui/page-header";
import { Notice, Section } from "@/components/ui/section";
import { OverdueElsewhereNotice } from "@/components/cycles/overdue-elsewhere-notice";
import "@/components/dashboard/dashboard.css";

export const metadata: Metadata = { title: "Översikt" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Up to this many units without an enhetschef are named; the rest are counted (the organisation page lists them all). */
const NAMED_UNITS = 10;
const namesAndRest = (names: string[]) =>
  names.length <= NAMED_UNITS ? names.join(", ") : `${names.slice(0, NAMED_UNITS).join(", ")} och ${names.length - NAMED_UNITS} till`;

/** Which rows the heat map shows: one area's units, or one row per area when the verksamhet has many units. */
function HeatMapScope({ data }: { data: Dashboard }) {
  const all = data.areas.reduce((n, a) => n + a.units, 0);
  if (data.area) {
    return (
      <p className="text-sm text-slate-700">
        Visar {data.area.name}, {plural(data.area.units, "enhet", "enheter")}.{" "}
        <Link href={`/oversikt?ar=${data.year}#tackning`} className="text-blue-800 underline underline-offset-2">
          Visa {all <= HEAT_MAP_UNIT_LIMIT ? "alla enheter" : "alla områden"}
        </Link>
      </p>
    );
  }
  if (data.coverageBy !== "area") return null;
  return (
    <p className="text-sm text-slate-700">
      Verksamheten har {plural(all, "enhet", "enheter")} i {plural(data.areas.length, "område", "områden")}: värmekartan visar en rad per område. Välj ett
      område för att se dess enheter.
    </p>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("dashboard:read");
  const data = await getDashboard(user, dashboardParamsSchema.parse(await searchParams));
  if (!data) redirect("/ingen-behorighet");
  const year = data.year;
  const withoutChief = data.unitsWithoutChief;

  return (
    <div className="space-y-8">
      <PageHeader
        size="page"
        title={<>Översikt{year !== null && ` ${year}`}</>}
        description={<>{data.organisationName}. Hur långt enheterna har kommit, vad som är försenat och vad som saknas i planeringen. I dag är det {formatDateLong(data.today)}.</>}
        actions={<DashboardFilters data={data} />}
      >
          <p className="mt-2 flex flex-wrap gap-x-4">
            <Link href={wheelHref(year ?? undefined)} className="text-blue-800 underline underline-offset-2">
              Se årshjulet{year !== null && ` för ${year}`}
            </Link>
            <Link href="/kalender" className="text-blue-800 underline underline-offset-2">
              Kalender i Outlook
            </Link>
          </p>
      </PageHeader>
      {withoutChief.length > 0 && (
        <Notice>
          {withoutChief.length === 1 ? "En aktiv enhet saknar enhetschef" : `${withoutChief.length} aktiva enheter saknar enhetschef`}, så ingen får deras påminnelser:{" "}
          {namesAndRest(withoutChief.map((u) => u.name))}.
        </Notice>
      )}
      {year === null ? (
        <Notice>Det finns ingen cykel ännu. När årets cykel är startad visas översikten här.</Notice>
      ) : (
        <>
          <Section id="jamforelse" title="Jämfört med tidigare år" gap="3">
            <YearCompare data={data} />
          </Section>
          <Section id="tackning" title="Enheterna månad för månad" gap="3">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <CoverageLegend />
              <DownloadLinks excel={`/oversikt/excel?ar=${year}${data.area ? `&omrade=${data.area.id}` : ""}`} />
            </div>
            <HeatMapScope data={data} />
            <CoverageTable data={data} />
          </Section>
          <Section id="forsenade" title={<>Försenade uppgifter i cykel {year} ({data.overdueCount})</>} gap="3">
            <OverdueList data={data} />
            <OverdueElsewhereNotice cycles={data.overdueElsewhere} what="i verksamheten" />
          </Section>
          <Section id="planering" title="Inplanerat per enhet" gap="3">
            <PlanningCheck data={data} />
          </Section>
          <Section id="luckor" title="Luckor i planeringen" gap="3">
            <PlanningGaps data={data} />
          </Section>
        </>
      )}
    </div>
  );
}
