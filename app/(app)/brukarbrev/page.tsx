import type { Metadata } from "next";
import { FilterForm } from "@/components/ui/filter-form";
import { Link } from "@/components/ui/link";
import { Select } from "@/components/ui/select";
import { TaskStatusBadge, OverdueBadge } from "@/components/checklist/badges";
import { LetterCard } from "@/components/letters/letter-card";
import { requirePermission } from "@/lib/auth/session";
import { formatDateLong } from "@/lib/dates/cycle";
import { getLetterBoard } from "@/lib/letters/queries";
import { letterBoardParamsSchema } from "@/lib/letters/schemas";
import { getOverdueElsewhere } from "@/lib/tasks/queries";
import { OverdueElsewhereNotice } from "@/components/cycles/overdue-elsewhere-notice";
import { recordLetterAction, undoLetterAction } from "./actions";
import * as clock from "@/lib/clock";
import { PageHeader } from "@/components/ui/page-header";
import { Notice, Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Brukarbrev" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LettersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("letter:read");
  const { enhet, ar, brev } = letterBoardParamsSchema.parse(await searchParams);
  const today = clock.today();
  const board = await getLetterBoard(user, { unitId: enhet, year: ar }, undefined, today);
  // The other open cycle's försenade that the user can do, beside the cycle shown (docs/decisions/020).
  const elsewhere = board ? await getOverdueElsewhere(user, board.year, "task:update", undefined, today) : [];

  return (
    <div className="space-y-6">
      <PageHeader
        size="page"
        title="Brukarbrev"
        description={
          <>
          De fyra breven till brukarna under året: brukarbrev 1 före undersökningen, 2 med tack, 3 med goda exempel och hur man lämnar
          synpunkter, 4 med resultatet och de planerade åtgärderna. När koordinatorn markerar ett brev som skickat blir uppgiften klar i
          checklistan, med dagen då brevet skickades som klardatum.
          </>
        }
      />
      {!board ? (
        <Notice>Du kan inte se brukarbreven för någon enhet.</Notice>
      ) : (
        <>
          {board.units.length > 1 && (
            <FilterForm action="/brukarbrev" frame="bar" submitVariant="primary">
              <input type="hidden" name="ar" value={board.year} />
              <Select id="val-enhet" name="enhet" label="Enhet" defaultValue={board.unit.id} dense>
                {board.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({u.area.name})
                  </option>
                ))}
              </Select>
            </FilterForm>
          )}
          <h2 className="text-2xl font-semibold">
            {board.unit.name}, {board.year}
          </h2>
          {board.cycles.length > 1 && (
            <nav aria-label="Cykel" className="flex flex-wrap gap-x-4 gap-y-2">
              {board.cycles.map((c) => (
                <Link
                  key={c.year}
                  href={`/brukarbrev?enhet=${board.unit.id}&ar=${c.year}`}
                  aria-current={c.year === board.year ? "page" : undefined}
                  className={`inline-block py-2 underline underline-offset-4 ${c.year === board.year ? "font-semibold text-slate-900" : "text-blue-800"}`}
                >
                  {c.label}
                  {c.state === "ending" ? `, öppen till och med ${formatDateLong(c.openUntil)}` : ", pågår"}
                </Link>
              ))}
            </nav>
          )}
          <OverdueElsewhereNotice cycles={elsewhere} what="som du kan göra" />
          {!board.open ? (
            <Notice>Cykeln {board.year} är avslutad. Breven visas bara för läsning.</Notice>
          ) : (
            !board.canRecord && <Notice>Du kan läsa enhetens brukarbrev men inte registrera dem; det gör enhetens koordinator.</Notice>
          )}
          {!board.cycleExists ? (
            <Notice>Cykeln {board.year} är inte startad ännu.</Notice>
          ) : (
            <>
              <div className="grid gap-4 lg:grid-cols-2">
                {board.letters.map((letter) => (
                  <LetterCard key={letter.number} letter={letter} unitId={board.unit.id} year={board.year} today={today} openForm={letter.number === brev} actions={board.canRecord ? { record: recordLetterAction, undo: undoLetterAction } : null} />
                ))}
              </div>
              {board.canRecord && (
                <Section id="ovriga" title="Dina andra uppgifter i rutinen" card>
                  {board.otherTasks.length === 0 ? (
                    <p className="mt-2">Inga andra uppgifter för koordinatorn i år.</p>
                  ) : (
                    <ul className="mt-2 divide-y divide-slate-200">
                      {board.otherTasks.map((t) => (
                        <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                          <Link href={`/checklista/uppgift/${t.id}`} className="text-blue-800 underline">
                            {t.activity.title}
                          </Link>
                          <span className="flex flex-wrap items-center gap-2 text-sm">
                            {t.dueOn && <span>senast {formatDateLong(t.dueOn)}</span>}
                            <TaskStatusBadge status={t.status} />
                            {t.overdue && <OverdueBadge />}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                  <p className="mt-3 text-sm">
                    Uppgifterna bockas av i <Link href={`/checklista?enhet=${board.unit.id}&ar=${board.year}`} className="text-blue-800 underline">checklistan</Link>.
                  </p>
                </Section>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
