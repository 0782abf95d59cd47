import { Link } from "@/components/ui/link";
import { ScrollArea } from "@/components/ui/scroll-area";
import { MONTH_NAMES } from "@/lib/dates/cycle";
import { formatShare, shareBand, type CoverageCell } from "@/lib/dashboard/coverage";
import type { Dashboard } from "@/lib/dashboard/queries";
import { unitChecklistHref } from "@/lib/dashboard/schemas";

// Light fills with dark text keep WCAG contrast; the percentage is always written, so colour is never the only cue.
const BAND_CLASSES = {
  none: "bg-white text-slate-600",
  low: "bg-red-100 text-red-950",
  mid: "bg-amber-100 text-amber-950",
  high: "bg-lime-100 text-lime-950",
  full: "bg-green-200 text-green-950",
  pending: "bg-blue-50 text-blue-950",
} as const;

const overdueText = (n: number) => (n > 0 ? `, ${n} försenad${n === 1 ? "" : "e"}` : "");
const naText = (n: number) => (n > 0 ? `, ${n} ej aktuell${n === 1 ? "" : "a"} räknas inte` : "");

/** The cell in words: what the share is of, or why there is none yet. */
function cellText(c: CoverageCell): string {
  if (c.share === null) return `${c.state === "current" ? "pågår" : "kommer"}, inget har passerat sitt slutdatum ännu; ${c.done} av ${c.due} klara${naText(c.notApplicable)}`;
  const rest = c.due > c.dueSoFar ? `; ${c.due - c.dueSoFar} till senare i månaden` : "";
  return `${c.doneSoFar} av ${c.dueSoFar} klara av dem som skulle vara klara i dag${overdueText(c.overdue)}${rest}${naText(c.notApplicable)}`;
}

function Cell({ cell, unitId, unitName, year }: { cell: CoverageCell; unitId: string; unitName: string; year: number }) {
  const band = shareBand(cell.share);
  if (cell.due === 0) {
    return (
      <td className={`border border-slate-200 px-2 py-1 text-center ${BAND_CLASSES.none}`}>
        {cell.notApplicable > 0 ? (
          <>
            <span aria-hidden="true">ej akt.</span>
            <span className="sr-only">
              {unitName}, {MONTH_NAMES[cell.month - 1]}: {cell.notApplicable} ej aktuella, inget att göra
            </span>
          </>
        ) : (
          <>
            <span aria-hidden="true">–</span>
            <span className="sr-only">Inget att göra</span>
          </>
        )}
      </td>
    );
  }
  // A month whose tasks are not yet due is in progress (or to come), never a failure: no share, no red.
  const pending = cell.share === null;
  return (
    <td className={`border border-slate-200 p-0 text-center ${pending ? BAND_CLASSES.pending : BAND_CLASSES[band]}`}>
      <Link
        href={unitChecklistHref(unitId, year, cell.overdue > 0 ? "forsenade" : undefined)}
        className="block px-2 py-1 font-semibold text-inherit no-underline hover:underline focus-visible:outline-3 focus-visible:outline-offset-[-3px] focus-visible:outline-blue-800"
      >
        <span aria-hidden="true">{pending ? (cell.state === "current" ? "pågår" : "kommer") : formatShare(cell.share)}</span>
        {pending && (
          <span className="block text-xs font-normal" aria-hidden="true">
            {cell.done} av {cell.due}
          </span>
        )}
        {cell.overdue > 0 && (
          <span className="block text-xs font-normal" aria-hidden="true">
            {cell.overdue} förs.
          </span>
        )}
        <span className="sr-only">
          {unitName}, {MONTH_NAMES[cell.month - 1]}: {cellText(cell)}
        </span>
      </Link>
    </td>
  );
}

/** The units × months heat map: share of the tasks due each month that are handled, with overdue counts. */
export function CoverageTable({ data }: { data: Dashboard }) {
  const year = data.year!;
  const areas = [...new Set(data.coverage.map((r) => r.unit.areaName))];
  return (
    <ScrollArea label="Täckning per enhet och månad" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[60rem] border-collapse text-sm">
        <caption className="px-3 py-2 text-left text-slate-700">
          Klara av dem som skulle vara klara i dag, per enhet och månad för slutdatum, {year}. En månad vars uppgifter inte har
          passerat sitt slutdatum visas som pågår (innevarande månad) eller kommer. Ej aktuella uppgifter räknas inte. Välj en siffra
          eller en enhet för att öppna enhetens checklista.
        </caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="sticky left-0 bg-slate-100 px-3 py-2 text-left">
              Enhet
            </th>
            {MONTH_NAMES.map((m) => (
              <th key={m} scope="col" className="px-1 py-2 text-center font-semibold">
                <abbr title={m} className="no-underline">
                  {m.slice(0, 3)}
                </abbr>
              </th>
            ))}
            <th scope="col" className="px-2 py-2 text-center">
              Hittills<span className="sr-only">: klara av dem som skulle vara klara i dag</span>
            </th>
            <th scope="col" className="px-2 py-2 text-center">
              Försenade
            </th>
          </tr>
        </thead>
        {areas.map((area) => (
          <tbody key={area}>
            <tr className="bg-slate-50">
              <th scope="colgroup" colSpan={15} className="px-3 py-1 text-left font-semibold text-slate-800">
                {area}
              </th>
            </tr>
            {data.coverage
              .filter((r) => r.unit.areaName === area)
              .map((row) => (
                <tr key={row.unit.id}>
                  <th scope="row" className="sticky left-0 bg-white px-3 py-1 text-left font-medium">
                    <Link href={unitChecklistHref(row.unit.id, year)} className="text-blue-800 underline underline-offset-2">
                      {row.unit.name}
                    </Link>
                  </th>
                  {row.cells.map((cell) => (
                    <Cell key={cell.month} cell={cell} unitId={row.unit.id} unitName={row.unit.name} year={year} />
                  ))}
                  <td className={`border border-slate-200 px-2 py-1 text-center font-semibold ${BAND_CLASSES[shareBand(row.totals.shareSoFar)]}`}>
                    {formatShare(row.totals.shareSoFar)}
                    <span className="block text-xs font-normal">
                      {row.totals.doneSoFar} av {row.totals.dueSoFar}
                    </span>
                  </td>
                  <td className="border border-slate-200 px-2 py-1 text-center">
                    {row.totals.overdue > 0 ? <span className="font-semibold text-red-900">{row.totals.overdue}</span> : "0"}
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </ScrollArea>
  );
}

/** The heat map's key, in words as well as colours. */
export function CoverageLegend() {
  const items: [keyof typeof BAND_CLASSES, string][] = [
    ["full", "100 %"],
    ["high", "75–99 %"],
    ["mid", "40–74 %"],
    ["low", "under 40 %"],
    ["pending", "pågår eller kommer: inget har passerat sitt slutdatum"],
    ["none", "inget att göra (–)"],
  ];
  return (
    <ul className="flex flex-wrap gap-2 text-sm" aria-label="Färgernas betydelse">
      {items.map(([band, label]) => (
        <li key={band} className={`rounded border border-slate-300 px-2 py-0.5 ${BAND_CLASSES[band]}`}>
          {label}
        </li>
      ))}
    </ul>
  );
}
