import { formatDateLong } from "@/lib/dates/cycle";
import type { Dashboard, YearProgress } from "@/lib/dashboard/queries";
import { formatShare, notApplicableNote, PROGRESS_LABELS, shareDueDone, shareOfYear } from "@/lib/tasks/progress";

const cell = "px-3 py-2";

function Row({ p, earlier }: { p: YearProgress; earlier: boolean }) {
  const f = p.figures;
  return (
    <tr className="border-t border-slate-200">
      <th scope="row" className={`${cell} text-left font-semibold`}>
        {p.year}{" "}
        <span className="block text-xs font-normal text-slate-700">
          {earlier ? `per ${formatDateLong(p.date)}, samma dag` : `i dag, ${formatDateLong(p.date)}`}
        </span>
      </th>
      <td className={`${cell} text-right tabular-nums`}>
        <span className="font-semibold">{formatShare(shareDueDone(f))}</span>
        <span className="block text-xs text-slate-700">
          {f.dueDone} av {f.due}
        </span>
      </td>
      <td className={`${cell} text-right tabular-nums`}>
        <span className="font-semibold">{formatShare(shareOfYear(f))}</span>
        <span className="block text-xs text-slate-700">
          {f.done} av {f.total}
        </span>
      </td>
    </tr>
  );
}

/** This year's completion next to an earlier year's at the same date, counted on the days the tasks were done. */
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
              <th scope="col" className={`${cell} text-right`}>{PROGRESS_LABELS.dueDone} (samma dag för ett tidigare år)</th>
              <th scope="col" className={`${cell} text-right`}>{PROGRESS_LABELS.year}</th>
            </tr>
          </thead>
          <tbody>
            <Row p={data.progress} earlier={false} />
            {data.compareProgress && <Row p={data.compareProgress} earlier />}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-slate-700">
        Räknat på den dag uppgifterna gjordes (för ett brukarbrev dagen det skickades). {notApplicableNote(data.progress.figures)}
        {!data.compareProgress &&
          (data.years.some((y) => data.year !== null && y < data.year)
            ? " Välj ett år under Jämför med för att se ett tidigare år bredvid."
            : " Det finns ingen tidigare cykel att jämföra med.")}
      </p>
    </div>
  );
}
