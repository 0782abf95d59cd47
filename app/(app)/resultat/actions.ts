"use server";

import { revalidatePath } from "next/cache";
import { PREVIEW_ROW_LIMIT, type ImportState } from "@/components/results/import-state";
import { formAction } from "@/lib/actions";
import { canAny } from "@/lib/auth/permissions";
import { formFields, type FormState } from "@/lib/forms";
import { checkFileSize } from "@/lib/results/import";
import { saveIndicator } from "@/lib/results/indicators";
import { importResults, previewResultsImport } from "@/lib/results/mutations";
import { plural } from "@/lib/plural";

const FORMAT_LABELS: Record<string, string> = { mall: "Årshjulets mall", kolada: "Koladas exportformat" };

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
    const total = result.created + result.replaced;
    return {
      ok: true,
      message: `Klart: ${plural(total, "värde", "värden")} importerades för ${result.years.join(" och ")} (${result.created} ${result.created === 1 ? "nytt" : "nya"}, ${result.replaced} ersatte tidigare värden).`,
      imported: { years: result.years },
    };
  }

  const preview = await previewResultsImport(user, input);
  if (!preview.ok) return preview;
  return {
    ok: true,
    message: `Filen är kontrollerad (${FORMAT_LABELS[preview.format]}): ${plural(preview.rows.length, "rad", "rader")} utan fel. Granska tabellen och bekräfta importen. Inget är sparat än.`,
    preview: {
      digest: preview.digest,
      format: FORMAT_LABELS[preview.format] ?? preview.format,
      total: preview.rows.length,
      replaced: preview.replaced,
      notes: preview.notes,
      rows: preview.rows.slice(0, PREVIEW_ROW_LIMIT).map((r) => ({
        line: r.line, indicator: r.indicatorName, place: r.placeName, year: r.year, value: r.value, respondents: r.respondents, responseRate: r.responseRate,
      })),
    },
  };
});

export const saveIndicatorAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await saveIndicator(user, formFields(data));
  if (!result.ok) return result;
  revalidatePath("/resultat", "layout");
  return { ok: true, message: "Indikatorn är sparad." };
});
