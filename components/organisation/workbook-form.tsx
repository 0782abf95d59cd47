"use client";

import { useActionState } from "react";
import { importWorkbookAction } from "@/app/(app)/admin/organisation/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field, fileInputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/button";
import { StatusMessage } from "@/components/ui/status-message";
import type { WorkbookState } from "@/lib/organisation/import";
import { limitsText } from "@/lib/uploads";
import { WORKBOOK_UPLOAD } from "@/lib/organisation/workbook-upload";

function PreviewList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="font-semibold">
        {title} ({items.length})
      </h3>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

/** The workbook upload: Förhandsgranska shows what would change; Importera writes it, all or nothing. */
export function WorkbookForm() {
  const [state, formAction, pending] = useActionState<WorkbookState, FormData>(importWorkbookAction, null);
  const canImport = Boolean(state?.ok && state.fingerprint && !state.done);
  return (
    <ActionForm action={formAction} encType="multipart/form-data" className="space-y-4">
      <Field name="file" label="Arbetsbok (.xlsx) eller ett blad som CSV" state={state} hint={`${limitsText(WORKBOOK_UPLOAD.limits)}. Inga personnummer.`}>
        {(a) => <input {...a} name="file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" className={fileInputClass} />}
      </Field>
      {state?.fingerprint && <input type="hidden" name="fingerprint" value={state.fingerprint} />}
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="intent" value="preview" pending={pending} pendingText="Läser filen …" variant={canImport ? "secondary" : "primary"}>
          Förhandsgranska
        </SubmitButton>
        {canImport && (
          <SubmitButton name="intent" value="import" pending={pending} pendingText="Importerar …">
            Importera
          </SubmitButton>
        )}
      </div>
      <StatusMessage state={state} />
      {state?.preview && (
        <section aria-label={state.done ? "Det här ändrades" : "Det här ändras vid import"} className="space-y-3">
          <PreviewList title={state.done ? "Skapat" : "Skapas"} items={state.preview.created} />
          <PreviewList title={state.done ? "Ändrat" : "Ändras"} items={state.preview.changed} />
          <PreviewList title={state.done ? "Stängt" : "Stängs"} items={state.preview.closed} />
        </section>
      )}
    </ActionForm>
  );
}
