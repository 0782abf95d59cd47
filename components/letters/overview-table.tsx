import { ScrollArea } from "@/components/ui/scroll-area";
import { formatDateLong } from "@/lib/dates/cycle";
import type { LetterOverview } from "@/lib/letters/queries";
import { LETTER_NUMBERS } from "@/lib/letters/schemas";
import { LetterStateBadge } from "./letter-card";

/** Units × letters: date and count of each sent letter, missing and late ones marked in words as well as colour. */
export function LetterOverviewTable({ overview }: { overview: LetterOverview }) {
  return (
    <ScrollArea label="Brukarbrev per enhet">
      <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
        <caption className="sr-only">Brukarbrev per enhet {overview.year}: datum, antal och läge för varje brev</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-3">Enhet</th>
            {LETTER_NUMBERS.map((n) => (
              <th key={n} scope="col" className="py-2 pr-3">Brukarbrev {n}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {overview.rows.map(({ unit, letters }) => (
            <tr key={unit.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-medium">
                {unit.name}
                <span className="block text-xs font-normal text-slate-700">{unit.area.name}</span>
              </th>
              {letters.map((l) => (
                <td key={l.number} className={`py-2 pr-3 ${l.state === "missing" ? "bg-red-50" : l.state === "sent-late" ? "bg-amber-50" : ""}`}>
                  {!l.task ? (
                    <span className="text-slate-700">Ingår inte</span>
                  ) : (
                    <>
                      <LetterStateBadge state={l.state} />
                      {l.dispatch ? (
                        <span className="mt-1 block">
                          {formatDateLong(l.dispatch.sentOn)}, {l.dispatch.count} st
                        </span>
                      ) : (
                        l.task.dueOn && <span className="mt-1 block text-slate-700">senast {formatDateLong(l.task.dueOn)}</span>
                      )}
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-slate-300 align-top">
            <th scope="row" className="py-2 pr-3">Summa</th>
            {overview.totals.map((t) => (
              <td key={t.number} className="py-2 pr-3">
                {t.sentUnits} av {overview.rows.length} enheter, {t.count} brev
                {t.missingUnits > 0 && <span className="block font-semibold text-red-900">{t.missingUnits} saknas</span>}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollArea>
  );
}
