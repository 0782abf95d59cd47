import { Cell, DataTable, Row, RowHeader } from "@/components/ui/table";
import { ANSWER_LABELS, CAUSE_LABELS } from "@/lib/review/schemas";
import { formatShare, type YearSummary } from "@/lib/review/summary";
import { plural } from "@/lib/plural";
import { Section } from "@/components/ui/section";

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
        <DataTable
          label="Avvikelser per område"
          caption={`Intervjuer och avvikelser per hemtjänstområde ${year}`}
          minWidth="28rem"
          density="compact"
          columns={["Område", "I urvalet", "Intervjuade", "Avvikelser"]}
        >
          {summary.areas.map((a) => (
            <Row key={a.areaId}>
              <RowHeader density="compact" weight="normal">{a.areaName}</RowHeader>
              <Cell density="compact">{a.sampled}</Cell>
              <Cell density="compact">{a.interviewed}</Cell>
              <Cell density="compact">{formatShare(a.deviations, a.interviewed)}</Cell>
            </Row>
          ))}
        </DataTable>
      </Section>

      <Section id="svar" title="Svaren på frågorna" gap="2">
        <DataTable
          label="Svaren på frågorna"
          caption={`Antal svar ja, delvis och nej per fråga ${year}`}
          minWidth="28rem"
          density="compact"
          columns={["Fråga", ...Object.values(ANSWER_LABELS)]}
        >
          {summary.answers.map((a) => (
            <Row key={a.field}>
              <RowHeader density="compact" weight="normal">{a.label}</RowHeader>
              <Cell density="compact">{a.counts.YES}</Cell>
              <Cell density="compact">{a.counts.PARTLY}</Cell>
              <Cell density="compact">{a.counts.NO}</Cell>
            </Row>
          ))}
        </DataTable>
      </Section>

      <Section id="tidigare" title="Jämfört med tidigare år" gap="2">
        {earlier.length === 0 ? (
          <p>Det finns ingen tidigare granskning att jämföra med.</p>
        ) : (
          <DataTable
            label="Jämförelse med tidigare år"
            caption="Avvikelser per år och orsak"
            minWidth="32rem"
            density="compact"
            columns={["År", "Avvikande", ...summary.causes.map((c) => CAUSE_LABELS[c.cause])]}
          >
            {years.map((y) => (
              <Row key={y.year}>
                <RowHeader density="compact">{y.year}</RowHeader>
                <Cell density="compact" nowrap>{formatShare(y.summary.deviations, y.summary.interviewed)}</Cell>
                {y.summary.causes.map((c) => (
                  <Cell key={c.cause} density="compact">{c.count}</Cell>
                ))}
              </Row>
            ))}
          </DataTable>
        )}
      </Section>
    </>
  );
}
