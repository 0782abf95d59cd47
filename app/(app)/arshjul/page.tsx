import type { Metadata } from "next";
import { WheelExportLinks } from "@/components/wheel/wheel-export-links";
import { CompactWheelExplorer } from "@/components/wheel/compact-wheel-explorer";
import { compactDetails } from "@/components/wheel/compact-details";
import { WheelFilters } from "@/components/wheel/wheel-filters";
import { WheelLegend } from "@/components/wheel/wheel-legend";
import { WheelPrintKey } from "@/components/wheel/wheel-print-key";
import { WheelSummary } from "@/components/wheel/wheel-summary";
import { wheelModel } from "@/components/wheel/wheel-svg";
import { LiveWheel } from "@/components/wheel/wheel-live";
import { toWheelWire, wireMarks } from "@/components/wheel/wheel-wire";
import { WheelTable } from "@/components/wheel/wheel-table";
import { wheelDetails, wheelIntro } from "@/components/wheel/view";
import "@/components/wheel/wheel.css";
import { requirePermission } from "@/lib/auth/session";
import { canAny } from "@/lib/auth/permissions";
import { formatDateLong } from "@/lib/dates/cycle";
import { getWheelData } from "@/lib/wheel/data";
import { wheelParamsSchema } from "@/lib/wheel/schemas";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/section";
import { OverdueElsewhereNotice } from "@/components/cycles/overdue-elsewhere-notice";
import { getOverdueElsewhere } from "@/lib/tasks/queries";

export const metadata: Metadata = { title: "Årshjul med tabell" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function WheelPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("routine:read");
  const data = await getWheelData(user, wheelParamsSchema.parse(await searchParams));
  if (!data) redirect("/ingen-behorighet");
  const empty = data.routines.length === 0;
  // The wheel's model as LiveWheel draws it (WheelSvg's), given to the explorer too: its titles serve the details.
  const wire = empty ? null : toWheelWire(wheelModel(data));
  // The other open cycle's försenade beside the cycle shown (docs/decisions/020).
  const elsewhere = await getOverdueElsewhere(user, data.year, data.scope === "verksamhet" ? "task:read" : "task:update", undefined, data.today);

  return (
    <div className="wheel-page space-y-6">
      <PageHeader
        size="page"
        title={
          <>
            Årshjul {data.year}
            {data.unit && <span className="font-semibold text-slate-700"> – {data.unit.name}</span>}
          </>
        }
        description={
          <>
            {data.organisationName}. Rutinernas aktiviteter månad för månad, en ring per fas, färgade efter{" "}
            {data.unit ? `hur ${data.unit.name} ligger till` : "hur många enheter som är klara"}.
            <span className="print:hidden"> Välj en aktivitet med musen eller Tab och piltangenterna för att se detaljer.</span>
            <span className="hidden print:inline"> Utskrivet {formatDateLong(data.today)}.</span>
          </>
        }
        actions={
          <div className="no-print flex flex-wrap items-end gap-3">
            <WheelFilters data={data} />
            <WheelExportLinks shown={{ year: data.year, unitId: data.unit?.id, view: { kind: "year" }, hidden: [] }} canShare={canAny(user, "share:manage")} />
          </div>
        }
      />
      <OverdueElsewhereNotice cycles={elsewhere} what={data.scope === "verksamhet" ? "i verksamheten" : "som du kan göra"} />
      {!data.hasCycle && (
        <Notice>
          Årets cykel är inte startad. Hjulet visar de gällande rutinerna utan uppgifter.
        </Notice>
      )}
      {!wire ? (
        <Notice>Det finns ingen gällande rutin att visa i årshjulet.</Notice>
      ) : (
        <>
          <WheelSummary data={data} />
          <CompactWheelExplorer
            stacked
            // Descriptions and late units' links come when the panel first shows one (app/(app)/arshjul/panel/route.ts);
            // the keys and titles from the wheel's own marks (the same object as LiveWheel's, sent once).
            compact={compactDetails(wheelDetails(data, true), wireMarks(wire))}
            wire={wire}
            moreHref={`/arshjul/panel?ar=${data.year}${data.unit ? `&enhet=${encodeURIComponent(data.unit.id)}` : ""}`}
            intro={wheelIntro("year")}
            aside={<WheelLegend data={data} />}
          >
            <LiveWheel wire={wire} />
          </CompactWheelExplorer>
          <WheelPrintKey data={data} />
          <section aria-labelledby="wheel-table-heading" className="no-print space-y-3">
            <h2 id="wheel-table-heading" className="text-xl font-semibold">
              Årshjulet i tabellform
            </h2>
            <WheelTable data={data} />
          </section>
        </>
      )}
    </div>
  );
}
