import type { Metadata } from "next";
import { ImportCasesForm } from "@/components/review/import-form";
import { requirePermission } from "@/lib/auth/session";
import { CASE_COLUMNS } from "@/lib/review/csv";
import { yearParam } from "@/lib/review/schemas";
import { importCasesAction } from "../actions";
import * as clock from "@/lib/clock";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Importera ärendelista" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportCasesPage({ searchParams }: Props) {
  await requirePermission("review:manage");
  const year = yearParam((await searchParams).ar) ?? clock.currentCycleYear();
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        back={{ href: "/kvalitetsgranskning", label: "Kvalitetsgranskning" }}
        title="Importera ärendelista"
        description={
          <>
          Läs in årets hemtjänstärenden inför dragningen. Hela filen kontrolleras: innehåller den ett enda fel, en dubblett eller något som liknar ett personnummer
          sparas ingenting. Fler ärenden kan läggas till ända tills urvalet är draget.
          </>
        }
      />
      <ImportCasesForm action={importCasesAction} defaultYear={year} />
      <Section id="format" title="Filens format" card gap="3">
        <p>
          Första raden är rubrikraden <code className="break-all">{CASE_COLUMNS.join(";")}</code>, sedan ett ärende per rad.
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <strong>arende</strong>: ärendets pseudonyma referens, t.ex. ÄR-{year}-0137. Aldrig namn eller personnummer.
          </li>
          <li>
            <strong>omrade</strong>: hemtjänstområdet, t.ex. ”Område Norr” eller ”Norr”.
          </li>
          <li>
            <strong>endast_trygghetslarm</strong>, <strong>nyligen_avslutat</strong>, <strong>demensdiagnos</strong>, <strong>anhoriganstallning</strong>: ja eller
            nej. Ärenden med ja i någon av dem undantas från urvalet, och skälet sparas.
          </li>
        </ul>
        <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-sm" tabIndex={0} aria-label="Exempel på en ärendelista">
          {`${CASE_COLUMNS.join(";")}\nÄR-${year}-0137;Område Norr;nej;nej;nej;nej\nÄR-${year}-0212;Område Söder;ja;nej;nej;nej`}
        </pre>
      </Section>
    </div>
  );
}
