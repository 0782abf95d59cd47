"use server";

import { revalidatePath } from "next/cache";
import { PREVIEW_ROW_LIMIT, type ImportState } from "@/components/results/import-state";
import { formAction } from "@/lib/actions";
import { canAny } from "@/lib/auth/permissions";
import { formFields, formString, formText, type FormState } from "@/lib/forms";
import { checkFileSize } from "@/lib/results/import";
import { saveIndicator } from "@/lib/results/indicators";
import { importResults, previewResultsImport, type ImportWritten } from "@/lib/results/mutations";
import { importFromKolada, KOLADA_API_FORMAT, KOLADA_SOURCE_LABEL, previewKoladaImport } from "@/lib/results/kolada-import";
import { ouField, saveKoladaSettings } from "@/lib/results/kolada-settings";
import type { ParsedResult } from "@/lib/results/import";
import { plural } from "@/lib/plural";

const FORMAT_LABELS: Record<string, string> = { mall: "Årshjulets mall", kolada: "Koladas exportformat", [KOLADA_API_FORMAT]: "Koladas öppna API (v3)" };

/** The preview part of the state, the same for a file and for Kolada. */
function previewState(p: { digest: string; format: string; rows: ParsedResult[]; replaced: number; notes: string[] }, extra: { source?: string; year?: number } = {}): NonNullable<ImportState>["preview"] {
  return {
    digest: p.digest,
    format: FORMAT_LABELS[p.format] ?? p.format,
    ...extra,
    total: p.rows.length,
    replaced: p.replaced,
    notes: p.notes,
    rows: p.rows.slice(0, PREVIEW_ROW_LIMIT).map((r) => ({
      line: r.line, indicator: r.indicatorName, place: r.placeName, year: r.year, value: r.value, respondents: r.respondents, responseRate: r.responseRate,
    })),
  };
}

/** The message after a write, the same for a file and for Kolada. */
function importedMessage(result: ImportWritten, suffix = ""): string {
  const total = result.created + result.replaced;
  return `Klart: ${plural(total, "värde", "värden")} importerades för ${result.years.join(" och ")} (${result.created} ${result.created === 1 ? "nytt" : "nya"}, ${result.replaced} ersatte tidigare värden).${suffix}`;
}

/** One action for both steps: "preview" checks the file and shows it; "confirm" imports the same file. */
export const importResultsAction = formAction<ImportState>({}, async ({ user, data }) => {
  if (!canAny(user, "results:import")) return { ok: false, message: "Du har inte behörighet att importera resultat." };
  const file = data.get("file");
  if (!(file instanceof File) || file.name === "") return { ok: false, message: "Välj en fil.", errors: { file: ["Välj en CSV-fil med resultat."] } };
  const sizeError = checkFileSize(file.size);
  if (sizeError) return { ok: false, message: sizeError, errors: { file: [sizeError] } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const input = { fileName: file.name, bytes };

  if (data.get("step") === "confirm") {
    const digest = data.get("digest");
    const result = await importResults(user, { ...input, digest: typeof digest === "string" ? digest : "" });
    if (!result.ok) return result;
    revalidatePath("/resultat", "layout");
    return { ok: true, message: importedMessage(result), imported: { years: result.years } };
  }

  const preview = await previewResultsImport(user, input);
  if (!preview.ok) return preview;
  return {
    ok: true,
    message: `Filen är kontrollerad (${FORMAT_LABELS[preview.format]}): ${plural(preview.rows.length, "rad", "rader")} utan fel. Granska tabellen och bekräfta importen. Inget är sparat än.`,
    preview: previewState(preview),
  };
});

/** "Hämta från Kolada": "preview" fetches the year and shows it as a file's preview; "confirm" fetches again and writes. */
export const importFromKoladaAction = formAction<ImportState>({}, async ({ user, data }) => {
  if (!canAny(user, "results:import")) return { ok: false, message: "Du har inte behörighet att importera resultat." };
  const rawYear = formString(data, "year").trim();
  const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN;
  if (data.get("step") === "confirm") {
    const result = await importFromKolada(user, { year, digest: formString(data, "digest") });
    if (!result.ok) return result;
    revalidatePath("/resultat", "layout");
    return { ok: true, message: importedMessage(result, ` ${KOLADA_SOURCE_LABEL}.`), imported: { years: result.years } };
  }
  const preview = await previewKoladaImport(user, year);
  if (!preview.ok) return preview;
  return {
    ok: true,
    message: `Koladas svar är kontrollerat: ${plural(preview.rows.length, "värde", "värden")} för ${preview.year} utan fel. Granska tabellen och bekräfta importen. Inget är sparat än.`,
    preview: previewState({ ...preview, format: KOLADA_API_FORMAT }, { source: KOLADA_SOURCE_LABEL, year: preview.year }),
  };
});

/** The kommun's Kolada id and the units' OU ids (fields ou-<unitId>). */
export const saveKoladaSettingsAction = formAction<FormState>({}, async ({ user, data }) => {
  const units = [...new Set(data.keys())].filter((k) => k.startsWith(ouField(""))).map((k) => ({ unitId: k.slice(ouField("").length), ouId: formString(data, k) }));
  // A post without the kommun's field is not this form: refused, never read as "clear the id".
  const result = await saveKoladaSettings(user, { municipalityId: formText(data, "municipalityId"), units });
  if (!result.ok) return result;
  revalidatePath("/resultat/importera");
  return { ok: true, message: "Inställningarna för Kolada är sparade." };
});

export const saveIndicatorAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await saveIndicator(user, formFields(data));
  if (!result.ok) return result;
  revalidatePath("/resultat", "layout");
  return { ok: true, message: "Indikatorn är sparad." };
});
