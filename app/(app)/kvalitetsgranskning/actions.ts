"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { formFields, formText, type FormState } from "@/lib/forms";
import { declineReviewCase, drawReviewSample, importReviewCases, markReviewSummarised, saveReviewInterview } from "@/lib/review/mutations";
import { CASE_LIST_UPLOAD } from "@/lib/review/schemas";
import { sizeProblem } from "@/lib/uploads";
import { plural } from "@/lib/plural";

export type ImportCasesState = (NonNullable<FormState> & { year?: number }) | null;

// The review's tasks in the checklist follow the review, so the checklist is refreshed too.
function refresh() {
  revalidatePath("/kvalitetsgranskning", "layout");
  revalidatePath("/checklista", "layout");
}

export const importCasesAction = formAction<ImportCasesState>({}, async ({ user, data }) => {
  const file = data.get("file");
  if (!(file instanceof File) || file.name === "" || file.size === 0) {
    return { ok: false, message: "Välj en fil med ärendelistan.", errors: { file: ["Välj en CSV-fil med ärendelistan."] } };
  }
  // Not read when it is too large; importReviewCases checks the size again.
  const tooLarge = sizeProblem(CASE_LIST_UPLOAD.limits, file.size);
  if (tooLarge) return { ok: false, message: tooLarge, errors: { file: [tooLarge] } };
  const result = await importReviewCases(user, { year: formText(data, "year"), file: new Uint8Array(await file.arrayBuffer()) });
  if (!result.ok) return result;
  refresh();
  return { ok: true, message: `${plural(result.imported, "ärende", "ärenden")} importerades för ${result.year}. Årets lista har nu ${plural(result.total, "ärende", "ärenden")}.`, year: result.year };
});

export const drawSampleAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await drawReviewSample(user, formFields(data));
  if (!result.ok) return result;
  refresh();
  return { ok: true, message: `Urvalet är draget: ${plural(result.sampled, "ärende", "ärenden")}, ${result.excluded} ${result.excluded === 1 ? "undantaget" : "undantagna"} enligt reglerna. Fröet ${result.randomSeed} är sparat.` };
});

export const declineCaseAction = formAction<FormState>({}, async ({ user, data }) => {
  const result = await declineReviewCase(user, formFields(data));
  if (!result.ok) return result;
  refresh();
  return {
    ok: true,
    message: result.replacementRef
      ? `${result.caseRef} är markerat som avböjt och ersatt av ${result.replacementRef} från samma område.`
      : `${result.caseRef} är markerat som avböjt. Det finns inga fler ärenden i området att ersätta med.`,
  };
});

export const saveInterviewAction = formAction<FormState>({}, async ({ user, data, today }) => {
  const input = { ...formFields(data), deviationCauses: data.getAll("deviationCauses").filter((v) => typeof v === "string") };
  const result = await saveReviewInterview(user, input, undefined, today);
  if (!result.ok) return result;
  refresh();
  return { ok: true, message: `Intervjun för ${result.caseRef} är sparad.` };
});

export const summariseAction = formAction<FormState>({}, async ({ user, data, today }) => {
  const result = await markReviewSummarised(user, formFields(data), undefined, today);
  if (!result.ok) return result;
  refresh();
  return {
    ok: true,
    message: result.summarised
      ? `Sammanställningen ${result.year} är markerad som klar, och uppgiften ”Sammanställ avvikelserna” är klar i checklistan.`
      : `Sammanställningen ${result.year} är inte längre markerad som klar; uppgiften är öppen igen.`,
  };
});
