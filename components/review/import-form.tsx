"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field, TextField, fileInputClass } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { ImportCasesState } from "@/app/(app)/kvalitetsgranskning/actions";

type Action = (prev: ImportCasesState, data: FormData) => Promise<ImportCasesState>;

/** Year and CSV file; the whole file is checked and stored, or nothing is. */
export function ImportCasesForm({ action, defaultYear, maxLabel }: { action: Action; defaultYear: number; maxLabel: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const shown = state;
  return (
    <ActionForm action={formAction} encType="multipart/form-data" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <TextField name="year" label="Granskningsår" state={shown} type="number" inputMode="numeric" min={2000} max={2100} defaultValue={defaultYear} width="40" />
      <Field name="file" label="Ärendelista (CSV)" state={shown} hint={`Semikolon-, komma- eller tabbavgränsad, sparad som UTF-8. Högst ${maxLabel}. Bara pseudonyma ärendereferenser: inga namn eller personnummer.`}>
        {(a) => (
          <input
            {...a}
            name="file"
            type="file"
            accept=".csv,.txt,text/csv"
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
