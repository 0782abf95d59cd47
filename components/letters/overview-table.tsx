import { Cell, DataTable, FooterRow, Row, RowHeader } from "@/components/ui/table";
import { formatDateLong } from "@/lib/dates/cycle";
import type { LetterOverview } from "@/lib/letters/queries";
import { LETTER_NUMBERS } from "@/lib/letters/schemas";
import { LetterStateBadge } from "./letter-card";

/** Units × letters: date and count of each sent letter, missing and late ones marked in words as well as colour. */
export function LetterOverviewTable({ overview }: { overview: LetterOverview }) {
  return (
    <DataTable
      label="Brukarbrev per enhet"
      caption={`Brukarbrev per enhet ${overview.year}: datum, antal och läge för varje brev`}
      minWidth="48rem"
      columns={["Enhet", ...LETTER_NUMBERS.map((n) => `Brukarbrev ${n}`)]}
      footer={
        <FooterRow>
          <RowHeader>Summa</RowHeader>
          {overview.totals.map((t) => (
            <Cell key={t.number}>
              {t.sentUnits} av {overview.rows.length} enheter, {t.count} brev
              {t.notApplicableUnits > 0 && <span className="block">{t.notApplicableUnits} ej aktuellt</span>}
              {t.missingUnits > 0 && <span className="block font-semibold text-red-900">{t.missingUnits} saknas</span>}
            </Cell>
          ))}
        </FooterRow>
      }
    >
      {overview.rows.map(({ unit, letters }) => (
        <Row key={unit.id} top>
          <RowHeader weight="medium">
            {unit.name}
            <span className="block text-xs font-normal text-slate-700">{unit.area.name}</span>
          </RowHeader>
          {letters.map((l) => (
            <Cell key={l.number} highlight={l.state === "missing" ? "red" : l.state === "sent-late" ? "amber" : "none"}>
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
                    l.state !== "not-applicable" && l.task.dueOn && <span className="mt-1 block text-slate-700">senast {formatDateLong(l.task.dueOn)}</span>
                  )}
                </>
              )}
            </Cell>
          ))}
        </Row>
      ))}
    </DataTable>
  );
}
