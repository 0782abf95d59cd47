import { ScrollArea } from "@/components/ui/scroll-area";
import { ANSWER_LABELS, CAUSE_LABELS } from "@/lib/review/schemas";
import { formatShare, type YearSummary } from "@/lib/review/summary";
import { plural } from "@/lib/plural";
import { Section } from "@/components/ui/section";

const cell = "px-2 py-1";

/** The figures of one year, with the earlier years beside it; prints on plain paper. */
export function SummaryReport({ year, summary, earlier }: { year: number; summary: YearSummary; earlier: { year: number; summary: YearSummary }[] }) {
  const years = [{ year, summary }, ...earlier];
  return (
    <>
      <Section id="avvikelser" title="Avvikelser från beställningen" gap="2">
        <p className="text-lg">
          Av {plural(summary.interviewed, "granskat hemtjänstärende", "granskade hemtjänstärenden")} var <strong>{summary.deviations}</strong> avvikande från beställningen
          {summary.deviationShare !== null ? ` (${Math.round(summary.deviationShare * 100)} %)` : ""}.
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Urval: {plural(summary.sampled, "ärende", "ärenden")}, {summary.interviewed} {summary.interviewed === 1 ? "intervjuad" : "intervjuade"}{summary.sampled > summary.interviewed ? `, ${summary.sampled - summary.interviewed} återstår` : ""}.
          </li>
          <li>{summary.declined} brukare ville inte medverka och ersattes med nästa ärende från samma område.</li>
          <li>
            {plural(summary.excluded, "ärende", "ärenden")} undantogs före dragningen
            {summary.exclusions.length > 0 ? `: ${summary.exclusions.map((e) => `${e.reason.toLowerCase()} ${e.count}`).join(", ")}` : ""}.
          </li>
          <li>
            {plural(summary.handedOver, "intervju", "intervjuer")} lämnades över till ordinarie handläggare; {summary.documented} av {summary.interviewed} är {summary.documented === 1 ? "dokumenterad" : "dokumenterade"} i journalen.
          </li>
        </ul>
      </Section>

      <Section id="orsaker" title="Orsaker" gap="2">
        {summary.deviations === 0 ? (
          <p>Inga avvikelser.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {summary.causes
              .filter((c) => c.count > 0)
              .map((c) => (
                <li key={c.cause}>
                  {CAUSE_LABELS[c.cause]}: {c.count}
                </li>
              ))}
          </ul>
        )}
        <p className="text-sm text-slate-700">En avvikelse kan ha flera orsaker.</p>
      </Section>

      <Section id="per-omrade" title="Per område" gap="2">
        <ScrollArea label="Avvikelser per område">
          <table className="w-full min-w-[28rem] border-collapse text-left text-sm">
            <caption className="sr-only">Intervjuer och avvikelser per hemtjänstområde {year}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className={cell}>Område</th>
                <th scope="col" className={cell}>I urvalet</th>
                <th scope="col" className={cell}>Intervjuade</th>
                <th scope="col" className={cell}>Avvikelser</th>
              </tr>
            </thead>
            <tbody>
              {summary.areas.map((a) => (
                <tr key={a.areaId} className="border-b border-slate-200">
                  <th scope="row" className={`${cell} font-normal`}>{a.areaName}</th>
                  <td className={cell}>{a.sampled}</td>
                  <td className={cell}>{a.interviewed}</td>
                  <td className={cell}>{formatShare(a.deviations, a.interviewed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </Section>

      <Section id="svar" title="Svaren på frågorna" gap="2">
        <ScrollArea label="Svaren på frågorna">
          <table className="w-full min-w-[28rem] border-collapse text-left text-sm">
            <caption className="sr-only">Antal svar ja, delvis och nej per fråga {year}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className={cell}>Fråga</th>
                {Object.values(ANSWER_LABELS).map((l) => (
                  <th key={l} scope="col" className={cell}>{l}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summary.answers.map((a) => (
                <tr key={a.field} className="border-b border-slate-200">
                  <th scope="row" className={`${cell} font-normal`}>{a.label}</th>
                  <td className={cell}>{a.counts.YES}</td>
                  <td className={cell}>{a.counts.PARTLY}</td>
                  <td className={cell}>{a.counts.NO}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </Section>

      <Section id="tidigare" title="Jämfört med tidigare år" gap="2">
        {earlier.length === 0 ? (
          <p>Det finns ingen tidigare granskning att jämföra med.</p>
        ) : (
          <ScrollArea label="Jämförelse med tidigare år">
            <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
              <caption className="sr-only">Avvikelser per år och orsak</caption>
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className={cell}>År</th>
                  <th scope="col" className={cell}>Avvikande</th>
                  {summary.causes.map((c) => (
                    <th key={c.cause} scope="col" className={cell}>{CAUSE_LABELS[c.cause]}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.year} className="border-b border-slate-200">
                    <th scope="row" className={cell}>{y.year}</th>
                    <td className={`${cell} whitespace-nowrap`}>{formatShare(y.summary.deviations, y.summary.interviewed)}</td>
                    {y.summary.causes.map((c) => (
                      <td key={c.cause} className={cell}>{c.count}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        )}
      </Section>
    </>
  );
}
