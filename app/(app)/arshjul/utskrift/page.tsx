import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { PrintButton } from "@/components/results/print-button";
import { ButtonLink } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { Notice } from "@/components/ui/section";
import { wheelExportHref } from "@/components/wheel/wheel-export-links";
import { WheelLegend } from "@/components/wheel/wheel-legend";
import { WheelSvg } from "@/components/wheel/wheel-svg";
import { activityTime } from "@/components/wheel/view";
import "@/components/wheel/wheel-print.css";
import { requirePermission } from "@/lib/auth/session";
import { getWheelData } from "@/lib/wheel/data";
import { dataForView, hiddenLayerNames, viewName, wheelExportInfo } from "@/lib/wheel/export";
import { wheelParamsSchema } from "@/lib/wheel/schemas";
import { resolveView, wheelViewSchema, withoutHiddenLayers } from "@/lib/wheel/views";

export const metadata: Metadata = { title: "Skriv ut årshjulet" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const paperSchema = z.enum(["a4", "a3"]).catch("a4");
const PAPER_NAMES = { a4: "A4 liggande", a3: "A3 liggande" } as const;

/**
 * "Skriv ut" from the wheel: one landscape sheet (A4 or A3, ?papper=a4|a3) with the heading, the wheel as shown
 * (year, unit, zoom and layers from the query string), its key and the numbered list of its activities. On screen a
 * preview with the print button; the sheet's sizes are in components/wheel/wheel-print.css.
 */
export default async function WheelPrintPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("routine:read");
  const query = await searchParams;
  const params = wheelParamsSchema.parse(query);
  const all = await getWheelData(user, params);
  if (!all) redirect("/ingen-behorighet");
  const viewParams = wheelViewSchema.parse(query);
  const view = resolveView(viewParams, all.year, all.today, all.firstMonth);
  const data = dataForView(withoutHiddenLayers(all, viewParams.hidden), view);
  const info = wheelExportInfo(data, viewName(view, all.year, all.firstMonth), hiddenLayerNames(viewParams.hidden, all.routines));
  const paper = paperSchema.parse(typeof query.papper === "string" ? query.papper : undefined);
  const shown = { year: all.year, unitId: all.unit?.id, view, hidden: viewParams.hidden };
  const activities = data.routines.map((r) => ({ routine: r, items: r.phases.flatMap((p) => p.activities.filter((a) => a.startMonth !== null)) })).filter((g) => g.items.length > 0);

  return (
    <div className={`wheel-print wheel-print-${paper} space-y-4`}>
      <div className="no-print flex flex-wrap items-center gap-3">
        <PrintButton />
        <div role="group" aria-label="Papper" className="flex flex-wrap gap-2">
          {(["a4", "a3"] as const).map((p) => (
            <ButtonLink key={p} href={wheelExportHref("/arshjul/utskrift", shown, { papper: p })} variant={p === paper ? "pressed" : "secondary"} aria-current={p === paper ? "page" : undefined}>
              {PAPER_NAMES[p]}
            </ButtonLink>
          ))}
        </div>
        <Link href={wheelExportHref("/", shown)} className="text-blue-800 underline">
          Tillbaka till årshjulet
        </Link>
      </div>
      <p className="no-print text-sm text-slate-700">Förhandsvisning av ett ark {PAPER_NAMES[paper]}. Välj samma pappersstorlek och liggande format i utskriftsdialogen.</p>
      <article className="wheel-print-sheet" aria-labelledby="wheel-print-title">
        <header className="wheel-print-head">
          <h1 id="wheel-print-title">{info.title}</h1>
          {info.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </header>
        {all.routines.length === 0 ? (
          <Notice>Det finns ingen gällande rutin att visa i årshjulet.</Notice>
        ) : (
          <>
            <div className="wheel-print-top">
              <figure className="wheel-print-wheel">
                {/* The wheel as a picture: its marks are the page's buttons, inert here; the list below names every activity. */}
                <div inert>
                  <WheelSvg data={data} still />
                </div>
                <figcaption className="sr-only">Årshjulet ritat. Aktiviteterna står numrerade i listan nedan.</figcaption>
              </figure>
              <div className="wheel-print-key">
                <WheelLegend data={data} />
              </div>
            </div>
            <section aria-labelledby="wheel-print-list" className="wheel-print-list">
              <h2 id="wheel-print-list">Aktiviteterna</h2>
              {activities.length === 0 && <p>Inga aktiviteter under perioden.</p>}
              {activities.map(({ routine, items }) => (
                <div key={routine.id} className="wheel-print-routine">
                  <h3>
                    <span aria-hidden="true" style={{ borderColor: routine.colour, background: `${routine.colour}22` }} />
                    {routine.title}
                  </h3>
                  <ol>
                    {items.map((a) => (
                      <li key={a.id}>
                        <strong>{a.number}.</strong> {a.title} <span className="wheel-print-time">({activityTime(a).toLowerCase()})</span>
                      </li>
                    ))}
                  </ol>
                </div>
              ))}
            </section>
          </>
        )}
      </article>
    </div>
  );
}
