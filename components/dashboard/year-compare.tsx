import { formatDateLong } from "@/lib/dates/cycle";
import { formatShare } from "@/lib/dashboard/coverage";
import type { Dashboard, YearProgress } from "@/lib/dashboard/queries";

const cell = "px-3 py-2";
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

function Row({ p }: { p: YearProgress }) {
  return (
    <tr className="border-t border-slate-200">
      <th scope="row" className={`${cell} text-left font-semibold`}>
        {p.year} <span className="block text-xs font-normal text-slate-700">per {formatDateLong(p.date)}</span>
      </th>
      <td className={`${cell} text-right tabular-nums`}>
        <span className="font-semibold">{formatShare(ratio(p.dueDoneByDate, p.dueByDate))}</span>
        <span className="block text-xs text-slate-700">
          {p.dueDoneByDate} av {p.dueByDate}
        </span>
      </td>
      <td className={`${cell} text-right tabular-nums`}>
        <span className="font-semibold">{formatShare(ratio(p.doneByDate, p.total))}</span>
        <span className="block text-xs text-slate-700">
          {p.doneByDate} av {p.total}
        </span>
      </td>
    </tr>
  );
}

/** This year's completion next to an earlier year's at the same date, from when tasks were marked klar. */
export function YearCompare({ data }: { data: Dashboard }) {
  if (!data.progress) return null;
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-sm">
          <caption className="sr-only">Andel klara uppgifter vid samma datum</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={`${cell} text-left`}>Cykel</th>
              <th scope="col" className={`${cell} text-right`}>Klara av dem som skulle vara klara</th>
              <th scope="col" className={`${cell} text-right`}>Klara av hela året</th>
            </tr>
          </thead>
          <tbody>
            <Row p={data.progress} />
            {data.compareProgress && <Row p={data.compareProgress} />}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-slate-700">
        Räknat på när uppgifterna markerades som klara. Ej aktuella uppgifter saknar datum och räknas inte här.
        {!data.compareProgress &&
          (data.years.some((y) => data.year !== null && y < data.year)
            ? " Välj ett år under Jämför med för att se ett tidigare år bredvid."
            : " Det finns ingen tidigare cykel att jämföra med.")}
      </p>
    </div>
  );
}
