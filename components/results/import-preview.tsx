import { plural } from "@/lib/plural";
import { formatPercent } from "@/lib/results/compare";
import { SubmitButton } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { Section } from "@/components/ui/section";
import type { ImportState } from "./import-state";

type Preview = NonNullable<NonNullable<ImportState>["preview"]>;

/** The preview of a checked import (a file or Kolada's answer) and its confirm button: the same for both sources. */
export function ImportPreview({ preview, pending, id, rowsLabel }: { preview: Preview; pending: boolean; id: string; rowsLabel: string }) {
  return (
    <Section id={id} title="Förhandsgranskning" gap="3">
      <ul className="list-disc space-y-1 pl-5 text-sm">
        <li>Format: {preview.format}.</li>
        {preview.source && <li>{preview.source}.</li>}
        <li>{plural(preview.total, "rad", "rader")} importeras.</li>
        {preview.replaced > 0 && <li>{preview.replaced} av dem ersätter värden som redan finns för samma indikator, enhet och år.</li>}
        {preview.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
        {preview.total > preview.rows.length && <li>Tabellen visar de första {preview.rows.length} raderna.</li>}
      </ul>
      <div className="max-h-[28rem] overflow-auto rounded border border-slate-200" tabIndex={0} role="region" aria-label={rowsLabel}>
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-slate-100">
            <tr>
              {["Rad", "Indikator", "Enhet/nivå", "År", "Värde", "Antal svar", "Svarsfrekvens"].map((h) => (
                <th key={h} scope="col" className="px-2 py-1 font-semibold">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.line} className="border-t border-slate-200">
                <td className="px-2 py-1">{r.line}</td>
                <td className="px-2 py-1">{r.indicator}</td>
                <td className="px-2 py-1">{r.place}</td>
                <td className="px-2 py-1">{r.year}</td>
                <td className="px-2 py-1">{r.value === null ? "för få svar" : formatPercent(r.value)}</td>
                <td className="px-2 py-1">{r.respondents ?? "–"}</td>
                <td className="px-2 py-1">{r.responseRate === null ? "–" : formatPercent(r.responseRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <input type="hidden" name="digest" value={preview.digest} />
      <SubmitButton pending={pending} pendingText="Importerar …" name="step" value="confirm">
        {`Importera ${plural(preview.total, "rad", "rader")}`}
      </SubmitButton>
    </Section>
  );
}

/** After an import (a file or Kolada's answer): to the results of the newest year it brought. */
export function ImportedResultsLink({ years }: { years: number[] }) {
  return (
    <p>
      <Link href={`/resultat?ar=${Math.max(...years)}`} className="font-semibold text-blue-800 underline">
        Visa resultaten
      </Link>
    </p>
  );
}
