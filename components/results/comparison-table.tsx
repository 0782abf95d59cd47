import type { ComparisonRow } from "@/lib/results/compare";
import { cellText, pointsText, VERDICT_CLASS, VERDICT_TEXT } from "./format";
import { UNCHANGED_MARGIN_TEXT } from "@/lib/results/schemas";

/** The same comparison as numbers; the verdict is written out, not only coloured. */
export function ComparisonTable({ rows, unitName, year }: { rows: ComparisonRow[]; unitName: string; year: number }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" tabIndex={0} role="region" aria-labelledby="tabell-rubrik">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption id="tabell-rubrik" className="p-3 text-left font-semibold">
          {unitName} {year} i siffror
        </caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2">Indikator</th>
            <th scope="col" className="px-3 py-2">{unitName}</th>
            <th scope="col" className="px-3 py-2">Mot kommunen</th>
            <th scope="col" className="px-3 py-2">Kommunen</th>
            <th scope="col" className="px-3 py-2">Riket</th>
            <th scope="col" className="px-3 py-2">{year - 1}</th>
            <th scope="col" className="px-3 py-2">Förändring</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.indicator.id} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-2 font-medium">
                {r.indicator.name}
                {!r.indicator.higherIsBetter && <span className="block text-xs font-normal text-slate-700">lägre är bättre</span>}
              </th>
              <td className="px-3 py-2 font-semibold">{cellText(r.unit)}</td>
              <td className={`px-3 py-2 ${VERDICT_CLASS[r.verdictKommun]}`}>
                {pointsText(r.vsKommun)} {VERDICT_TEXT[r.verdictKommun]}
              </td>
              <td className="px-3 py-2">{cellText(r.kommun)}</td>
              <td className="px-3 py-2">{cellText(r.riket)}</td>
              <td className="px-3 py-2">{cellText(r.previous)}</td>
              <td className={`px-3 py-2 ${VERDICT_CLASS[r.verdictPrevious]}`}>
                {pointsText(r.vsPrevious)} {VERDICT_TEXT[r.verdictPrevious]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="px-3 pb-3 text-xs text-slate-700">p.e. = procentenheter. {UNCHANGED_MARGIN_TEXT}</p>
    </div>
  );
}
