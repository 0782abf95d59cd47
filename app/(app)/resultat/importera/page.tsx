import type { Metadata } from "next";
import { ImportResultsForm } from "@/components/results/import-form";
import { IndicatorForm } from "@/components/results/indicator-form";
import { requirePermission } from "@/lib/auth/session";
import { formatDateLong, stockholmDate } from "@/lib/dates/cycle";
import { plural } from "@/lib/plural";
import { getIndicators, getRecentImports } from "@/lib/results/queries";
import { MIN_RESPONDENTS } from "@/lib/results/schemas";
import { KOLADA_SOURCE_LABEL } from "@/lib/results/kolada-import";
import { getKoladaSettings } from "@/lib/results/kolada-settings";
import { defaultKoladaYear } from "@/lib/results/kolada";
import { today } from "@/lib/clock";
import { KoladaImportForm } from "@/components/results/kolada-import-form";
import { KoladaSettingsForm } from "@/components/results/kolada-settings-form";
import { importFromKoladaAction, importResultsAction, saveIndicatorAction, saveKoladaSettingsAction } from "../actions";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Importera resultat" };
export const dynamic = "force-dynamic";

export default async function ImportResultsPage() {
  const user = await requirePermission("results:import");
  const [indicators, imports, kolada] = await Promise.all([getIndicators(user), getRecentImports(user), getKoladaSettings(user)]);
  const mappedKpis = indicators.filter((i) => i.koladaKpi).map((i) => i.koladaKpi!);
  const mappedUnits = kolada?.units.filter((u) => u.ouId).length ?? 0;
  const koladaReady = Boolean(kolada?.municipalityId) && mappedKpis.length > 0;
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/resultat", label: "Resultat" }}
        title="Importera resultat från brukarundersökningen"
        description={
          <>
          Läs in en CSV-fil med resultat per indikator och enhet (eller kommunen och riket) och år. Du ser först en förhandsgranskning.
          Hela filen kontrolleras: innehåller den ett enda fel sparas ingenting, och felet anges med rad och kolumn.
          </>
        }
      />
      <ImportResultsForm action={importResultsAction} />
      <Section id="kolada" title="Hämta från Kolada" card gap="3">
        <p>
          Hämtar årets värden för de indikatorer som är kopplade till Koladas nyckeltal ({mappedKpis.join(", ") || "inga ännu"}) för kommunen, riket och{" "}
          {plural(mappedUnits, "enhet", "enheter")} med id i Kolada. Du ser samma förhandsgranskning som för en fil, och ingenting sparas förrän du bekräftar;
          svarar Kolada inte helt och hållet sparas ingenting. {KOLADA_SOURCE_LABEL}.
        </p>
        {!koladaReady && (
          <p className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
            {kolada?.municipalityId ? "Koppla minst en indikator till ett nyckeltal i Kolada" : "Ange kommunens id i Kolada under ”Inställningar för Kolada”"} innan du hämtar.
          </p>
        )}
        <KoladaImportForm action={importFromKoladaAction} defaultYear={defaultKoladaYear(today())} ready={koladaReady} />
        {kolada && (
          <details className="rounded border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium text-blue-900">Inställningar för Kolada</summary>
            <div className="mt-3">
              <KoladaSettingsForm action={saveKoladaSettingsAction} value={kolada} />
            </div>
          </details>
        )}
      </Section>
      <Section id="format" title="Filens format" card gap="3">
        <p>
          <strong>Årshjulets mall</strong>: kolumnerna <code className="break-all">indikator;enhet;år;värde;antal_svar;svarsfrekvens</code>. Enheten skrivs med sitt
          namn som i Årshjulet (eller i en kolumn <code className="break-all">enhet_id</code>), kommunens och rikets värden med ”Kommunen” och ”Riket”. Värden i
          procent med decimalkomma, t.ex. 87,5. En tom cell eller * betyder att värdet inte redovisas. Ett värde som bygger på färre än{" "}
          {MIN_RESPONDENTS} svar sparas som ”för få svar”.{" "}
          <a href="/resultat/importera/mall" className="text-blue-800 underline" download>
            Ladda ner mallen
          </a>
          .
        </p>
        <p>
          <strong>Koladas export</strong>: kolumnerna <code className="break-all">kpi;municipality;period;gender;value</code>. Kommunkoden blir kommunens värde och
          0000 rikets; bara totalen (gender T) importeras.
        </p>
      </Section>
      <Section id="indikatorer" title="Indikatorer" card gap="3">
        <p className="text-slate-700">
          Filens kolumn indikator anges med nyckeln (eller namnet). En indikator med Koladas nyckeltal kan importeras från Koladas export.
        </p>
        <ul className="divide-y divide-slate-200">
          {indicators.map((i) => (
            <li key={i.id} className="py-2">
              <details>
                <summary className="cursor-pointer">
                  <code className="break-all">{i.key}</code> – {i.name}
                  {i.higherIsBetter ? "" : " (lägre är bättre)"}
                  {i.koladaKpi ? `, Kolada ${i.koladaKpi}` : ""}
                </summary>
                <div className="mt-2">
                  <IndicatorForm action={saveIndicatorAction} value={i} />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <details className="rounded border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium text-blue-900">Lägg till en indikator</summary>
          <div className="mt-2">
            <IndicatorForm action={saveIndicatorAction} />
          </div>
        </details>
      </Section>
      {imports.length > 0 && (
        <Section id="senaste" title="Senaste importerna" gap="2">
          <ul className="list-disc pl-5">
            {imports.map((i) => (
              <li key={i.id}>
                {formatDateLong(stockholmDate(i.createdAt))}: {i.fileName === "demodata" ? "demodata" : i.fileName}, {plural(i.rowCount, "rad", "rader")}
                {i.source === "kolada" && <>, {KOLADA_SOURCE_LABEL}</>}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
