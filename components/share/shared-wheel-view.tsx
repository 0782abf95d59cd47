import { WheelLegend } from "@/components/wheel/wheel-legend";
import { WheelSvg } from "@/components/wheel/wheel-svg";
import { ACTION_STATUS_LABELS, wheelAgenda } from "@/components/wheel/view";
import "@/components/wheel/wheel.css";
import { formatDateLong } from "@/lib/dates/cycle";
import type { WheelData } from "@/lib/wheel/data";
import { monthsInOrder } from "@/lib/wheel/views";

/**
 * The share page's wheel (issue 33): the same WheelSvg as the app's, shown as a picture (inert: its marks open no
 * panel here), the key, and the activities month by month with their state in words, the text equivalent of the
 * wheel. No links into the app; the only links are to the link's other open cycle.
 */
export function SharedWheelView({ data, openYears, token }: { data: WheelData; openYears: number[]; token: string }) {
  const whose = data.unit ? data.unit.name : "alla enheter";
  const order = monthsInOrder(data.firstMonth);
  const agenda = wheelAgenda(data).sort((a, b) => order.indexOf(a.month) - order.indexOf(b.month));
  const empty = data.routines.length === 0 && data.actions.length === 0 && !data.survey;
  return (
    <div className="wheel-page space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">
          Årshjul {data.year} <span className="font-semibold text-slate-700">– {data.unit ? data.unit.name : data.organisationName}</span>
        </h1>
        <p className="text-slate-800">
          {data.organisationName}, {whose}. Hemtjänstens kvalitetsrutiner över året och hur arbetet ligger till den {formatDateLong(data.today)}. En skrivskyddad vy av Årshjulet.
        </p>
        {openYears.length > 1 && (
          <nav aria-label="Cykel" className="flex flex-wrap gap-2 text-sm">
            {[...openYears].sort((a, b) => a - b).map((y) =>
              y === data.year ? (
                <span key={y} aria-current="page" className="inline-flex min-h-6 items-center rounded-full border-2 border-blue-900 bg-blue-900 px-3 py-1 font-semibold text-white">
                  {y}
                </span>
              ) : (
                <a key={y} href={`/delad/${token}?ar=${y}`} className="inline-flex min-h-6 items-center rounded-full border-2 border-blue-800 px-3 py-1 font-semibold text-blue-900 underline-offset-4 hover:underline">
                  {y}
                </a>
              ),
            )}
          </nav>
        )}
      </header>
      {empty ? (
        <p>Det finns inget att visa i årshjulet just nu.</p>
      ) : (
        <>
          {/* The wheel across the whole width (an intranet's iframe is often narrow), its key below. */}
          <div className="space-y-6">
            <figure className="min-w-0">
              {/* A picture of the wheel: its marks are the app's, made inert so that they are no tab stops without a panel. */}
              <div inert>
                <WheelSvg data={data} />
              </div>
              <figcaption className="mt-2 text-sm text-slate-700">
                Årshjulet {data.year} för {whose}. Aktiviteterna och deras läge står också i listan nedan.
              </figcaption>
            </figure>
            {/* The key in columns beside each other under a wide wheel. */}
            <div className="sm:[&_.wheel-legend-columns]:columns-2 lg:[&_.wheel-legend-columns]:columns-3 [&_.wheel-legend-columns>*]:break-inside-avoid">
              <WheelLegend data={data} />
            </div>
          </div>
          <section aria-labelledby="shared-agenda-heading" className="space-y-3">
            <h2 id="shared-agenda-heading" className="text-xl font-semibold">
              Aktiviteterna månad för månad
            </h2>
            {agenda.length === 0 ? (
              <p>Inga aktiviteter att visa.</p>
            ) : (
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {agenda.map((month) => (
                  <section key={month.month} aria-labelledby={`shared-month-${month.month}`} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                    <h3 id={`shared-month-${month.month}`} className="font-semibold">
                      {month.name}
                    </h3>
                    <ul className="mt-1 space-y-1 text-sm">
                      {month.items.map((item) => (
                        <li key={item.id} data-shared-activity="">
                          <span className="font-medium">{item.title}</span>
                          <span className={`block ${item.overdue ? "font-semibold text-red-800" : "text-slate-700"}`}>{item.state}</span>
                        </li>
                      ))}
                    </ul>
                  </section>
                ))}
              </div>
            )}
          </section>
          {data.actions.length > 0 && (
            <section aria-labelledby="shared-actions-heading" className="space-y-2">
              <h2 id="shared-actions-heading" className="text-xl font-semibold">
                Förbättringsåtgärder
              </h2>
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {data.actions.map((a) => (
                  <li key={a.id}>
                    {a.title}: {a.unitName ?? "hela verksamheten"}, {a.dueOn ? `klar senast ${formatDateLong(a.dueOn)}` : "inget slutdatum"}. {ACTION_STATUS_LABELS[a.status]}.
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <p className="text-sm text-slate-700">Skapad med Årshjulet. Vyn innehåller inga namn på personer och inga kommentarer.</p>
    </div>
  );
}
