import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { StartCycleForm } from "@/components/cycles/cycle-forms";
import { requirePermission } from "@/lib/auth/session";
import { getManagedCycles, getSurveyTimetable } from "@/lib/cycles/queries";
import { startCycleAction } from "./actions";
import { Cell, DataTable, Row, RowHeader } from "@/components/ui/table";
import * as clock from "@/lib/clock";
import { PageHeader } from "@/components/ui/page-header";
import { formatShare, PROGRESS_LABELS, shareDueDone, shareOfYear } from "@/lib/tasks/progress";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Årets cykler" };
export const dynamic = "force-dynamic";

export default async function CyclesPage() {
  const user = await requirePermission("cycle:manage");
  const cycles = await getManagedCycles(user, undefined, clock.today());
  // The newest cycle that has begun: with a December routine, the 2027 cycle from 1 December 2026.
  const thisYear = cycles.currentYear;
  const suggested = cycles.some((c) => c.year === thisYear) ? Math.max(thisYear, ...cycles.map((c) => c.year)) + 1 : thisYear;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Årets cykler"
        description={
          <>
          Varje år är en cykel, uppkallad efter året den leder fram till: en rutin som börjar i december har sin
          decembermånad i cykeln för nästa år. När en cykel startas får varje aktiv enhet sina uppgifter ur de gällande rutinerna, och
          verksamheten och kommunikationsenheten får sina.
          </>
        }
      />
      <Section id="starta" title="Starta en cykel" card>
        <p className="mt-1 text-sm text-slate-700">Ett år kan bara startas en gång. Uppgifter som fattas läggs till med Planera igen på cykelns sida.</p>
        <div className="mt-3">
          <StartCycleForm action={startCycleAction} suggestedYear={suggested} />
        </div>
      </Section>
      <Section id="cykler" title="Cykler" card>
        {cycles.length === 0 ? (
          <p className="mt-2">Ingen cykel är startad ännu.</p>
        ) : (
          <DataTable label="Cykler" className="mt-3" minWidth="40rem" columns={["År", "Uppgifter", PROGRESS_LABELS.dueDone, PROGRESS_LABELS.year, "Socialstyrelsens tidsplan"]}>
            {cycles.map((c) => {
              const timetable = getSurveyTimetable(c);
              const known = timetable.milestones.filter((m) => m.date).length;
              return (
                <Row key={c.id}>
                  <RowHeader>
                    <Link href={`/cykler/${c.year}`} className="text-blue-800 underline">
                      Cykel {c.year}
                    </Link>
                    {c.spanNote && <span className="block text-sm font-normal text-slate-700">{c.spanNote.trim().slice(1, -1)}</span>}
                    {c.open && <span className="block text-sm font-normal text-slate-700">Pågår</span>}
                  </RowHeader>
                  <Cell>{c.total}</Cell>
                  <Cell>
                    {formatShare(shareDueDone(c.progress))} <span className="text-sm text-slate-700">({c.progress.dueDone} av {c.progress.due})</span>
                  </Cell>
                  <Cell>
                    {formatShare(shareOfYear(c.progress))} <span className="text-sm text-slate-700">({c.progress.done} av {c.progress.total})</span>
                  </Cell>
                  <Cell>{timetable.complete ? "Alla datum ifyllda" : `${known} av 4 datum ifyllda`}</Cell>
                </Row>
              );
            })}
          </DataTable>
        )}
        {cycles.length > 0 && (
          <p className="mt-2 text-sm text-slate-700">
            Räknat i dag, på den dag uppgifterna gjordes (för ett brukarbrev dagen det skickades). Ej aktuella uppgifter räknas inte.
          </p>
        )}
      </Section>
    </div>
  );
}
