"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field, TextField, fileInputClass } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import { useUploadCheck, withUploadProblem } from "@/components/ui/upload-check";
import type { ImportCasesState } from "@/app/(app)/kvalitetsgranskning/actions";
import { CASE_LIST_UPLOAD } from "@/lib/review/labels";
import { limitsText } from "@/lib/uploads";

type Action = (prev: ImportCasesState, data: FormData) => Promise<ImportCasesState>;

/** Year and CSV file; the whole file is checked and stored, or nothing is. */
export function ImportCasesForm({ action, defaultYear }: { action: Action; defaultYear: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  const upload = useUploadCheck(CASE_LIST_UPLOAD);
  const shown = withUploadProblem(state, upload.problem);
  return (
    <ActionForm action={formAction} blocked={upload.blocked} encType="multipart/form-data" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <TextField name="year" label="Granskningsår" state={shown} type="number" inputMode="numeric" min={2000} max={2100} defaultValue={defaultYear} width="40" />
      <Field name="file" label="Ärendelista (CSV)" state={shown} hint={`Semikolon-, komma- eller tabbavgränsad, sparad som UTF-8. ${limitsText(CASE_LIST_UPLOAD.limits)}. Bara pseudonyma ärendereferenser: inga namn eller personnummer.`}>
        {(a) => (
          <input
            {...a}
            name="file"
            type="file"
            accept=".csv,.txt,text/csv"
            onChange={upload.onChange}
            className={fileInputClass}
          />
        )}
      </Field>
      <SubmitButton pending={pending} pendingText="Importerar …">
        Importera ärendelistan
      </SubmitButton>
      <StatusMessage state={shown} />
      {shown?.ok && shown.year && (
        <p>
          <Link href={`/kvalitetsgranskning/${shown.year}`} className="font-semibold text-blue-800 underline">
            Gå till granskningen {shown.year} och dra urvalet
          </Link>
        </p>
      )}
    </ActionForm>
  );
}
