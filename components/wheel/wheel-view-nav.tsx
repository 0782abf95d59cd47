import { Link } from "@/components/ui/link";
import { MONTH_NAMES } from "@/lib/dates/cycle";
import { ACTIONS_LAYER, SURVEY_LAYER, monthsInOrder, quarterFirstMonth, quarterOf, toggleLayer, viewMonths, wheelViewQuery, type WheelView } from "@/lib/wheel/views";

type Base = { path: string; year?: number; unitId?: string | null; view: WheelView; hidden: readonly string[]; /** The wheel's month at twelve o'clock (lib/wheel/geometry.ts). */ firstMonth?: number };

const CHIP = "inline-flex min-h-7 items-center rounded border px-2 py-0.5 text-sm";
const chip = (current: boolean) => `${CHIP} ${current ? "border-blue-900 bg-blue-900 font-semibold text-white" : "border-slate-400 bg-white text-blue-800 underline underline-offset-2"}`;
const short = (m: number) => MONTH_NAMES[m - 1]!.slice(0, 3);

/**
 * The start page's zoom: helår, a quarter or a month, as plain links (keyboard reachable, aria-current on the
 * chosen one) that keep the rest of the query string, so a view can be shared and works without JavaScript.
 */
export function WheelViewNav({ base, todayMonth }: { base: Base; /** From the whole year: the quarter and month of today (in the wheel's year, else January). */ todayMonth: number }) {
  const href = (view: WheelView) => `${base.path}${wheelViewQuery(base, { view })}`;
  const { view, firstMonth = 1 } = base;
  const month = view.kind === "month" ? view.month : view.kind === "quarter" ? viewMonths(view, firstMonth)[0]! : todayMonth;
  const quarter = view.kind === "quarter" ? view.quarter : quarterOf(month, firstMonth);
  const kinds: { kind: WheelView["kind"]; text: string; to: WheelView }[] = [
    { kind: "year", text: "Helår", to: { kind: "year" } },
    { kind: "quarter", text: "Kvartal", to: { kind: "quarter", quarter } },
    // From a quarter to its month of today, else its first.
    { kind: "month", text: "Månad", to: { kind: "month", month: view.kind === "quarter" ? (quarterOf(todayMonth, firstMonth) === quarter ? todayMonth : quarterFirstMonth(quarter, firstMonth)) : month } },
  ];
  return (
    <nav aria-label="Visa hjulet som" className="no-print flex flex-wrap items-center gap-x-4 gap-y-2">
      <ul className="flex flex-wrap gap-1">
        {kinds.map((k) => (
          <li key={k.kind}>
            <Link href={href(k.to)} className={chip(view.kind === k.kind)} aria-current={view.kind === k.kind ? "page" : undefined}>
              {k.text}
            </Link>
          </li>
        ))}
      </ul>
      {view.kind === "quarter" && (
        <ul className="flex flex-wrap gap-1" aria-label="Kvartal">
          {[1, 2, 3, 4].map((q) => (
            <li key={q}>
              <Link href={href({ kind: "quarter", quarter: q })} className={chip(q === view.quarter)} aria-current={q === view.quarter ? "page" : undefined} aria-label={`Kvartal ${q}: ${viewMonths({ kind: "quarter", quarter: q }, firstMonth).map((m) => MONTH_NAMES[m - 1]).join(", ")}`}>
                K{q}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {view.kind === "month" && (
        <ul className="flex flex-wrap gap-1" aria-label="Månad">
          {monthsInOrder(firstMonth).map((m) => (
            <li key={m}>
              <Link href={href({ kind: "month", month: m })} className={chip(m === view.month)} aria-current={m === view.month ? "page" : undefined} aria-label={MONTH_NAMES[m - 1]}>
                {short(m)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

/**
 * Which layers the wheel shows: each routine's rings, the improvement actions and Socialstyrelsens enkätperiod,
 * each a link that hides or shows it (?dolj=…), so the choice is in the address and can be shared.
 */
export function WheelLayerNav({ base, routines, hasActions, hasSurvey }: { base: Base; routines: { key: string; title: string; colour: string }[]; hasActions: boolean; hasSurvey: boolean }) {
  const layers = [
    ...routines.map((r) => ({ key: r.key, text: r.title, colour: r.colour })),
    ...(hasActions ? [{ key: ACTIONS_LAYER, text: "Förbättringsåtgärder", colour: "#0f172a" }] : []),
    ...(hasSurvey ? [{ key: SURVEY_LAYER, text: "Socialstyrelsens enkätperiod", colour: "#92400e" }] : []),
  ];
  if (layers.length < 2 && base.hidden.length === 0) return null;
  return (
    <nav aria-label="Lager i hjulet" className="no-print flex flex-wrap items-center gap-x-2 gap-y-2 rounded-lg border border-slate-300 bg-white p-4 text-sm shadow-sm">
      <span className="text-sm font-semibold tracking-wide text-slate-700 uppercase" aria-hidden="true">
        Visa i hjulet
      </span>
      <ul className="flex flex-wrap gap-1">
        {layers.map((layer) => {
          const shown = !base.hidden.includes(layer.key);
          return (
            <li key={layer.key}>
              <Link href={`${base.path}${wheelViewQuery(base, { hidden: toggleLayer(base.hidden, layer.key) })}`} className={`${CHIP} gap-1.5 border-slate-400 bg-white ${shown ? "text-slate-900" : "text-slate-700 line-through"}`} data-layer={layer.key} data-shown={shown}>
                <span className="inline-block h-3.5 w-3.5 shrink-0 rounded-sm border-2 text-center text-[10px] leading-[10px] font-bold" style={{ borderColor: layer.colour }} aria-hidden="true">
                  {shown ? "✓" : ""}
                </span>
                {layer.text}
                <span className="sr-only">{shown ? " (visas, välj för att dölja)" : " (dold, välj för att visa)"}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
