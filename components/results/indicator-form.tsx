"use client";

import { useActionState } from "react";
import { ActionForm, useResetOnSuccess } from "@/components/ui/action-form";
import { Field, TextAreaField, TextField, inputClass } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
export type IndicatorValue = { id: string; key: string; name: string; description: string | null; koladaKpi: string | null; higherIsBetter: boolean };

/** Adds an indicator (no value) or edits one; the key can only be chosen when adding. */
export function IndicatorForm({ action, value }: { action: Action; value?: IndicatorValue }) {
  const [state, formAction, pending] = useActionState(action, null);
  // A new indicator's form empties after saving; an edited one keeps its values.
  const form = useResetOnSuccess(state, !value);
  const prefix = value ? `ind-${value.id}-` : "ny-ind-";
  return (
    <ActionForm action={formAction} ref={form} className="space-y-3">
      {value && <input type="hidden" name="indicatorId" value={value.id} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label="Namn" state={state} idPrefix={prefix} type="text" defaultValue={value?.name} />
        {!value && (
          <TextField name="key" label="Nyckel (frivillig)" state={state} idPrefix={prefix} hint="Det som står i filens kolumn indikator. Tomt: skapas av namnet." type="text" />
        )}
        <TextField name="koladaKpi" label="Koladas nyckeltal (frivilligt)" state={state} idPrefix={prefix} hint="T.ex. U21468." type="text" defaultValue={value?.koladaKpi ?? ""} />
        <Field name="higherIsBetter" label="Ett högt värde är" state={state} idPrefix={prefix}>
          {(a) => (
            <select {...a} name="higherIsBetter" defaultValue={value?.higherIsBetter === false ? "nej" : "ja"} className={inputClass}>
              <option value="ja">bra (t.ex. nöjdhet)</option>
              <option value="nej">dåligt (t.ex. kränkt bemötande)</option>
            </select>
          )}
        </Field>
      </div>
      <TextAreaField name="description" label="Beskrivning (frivillig)" state={state} idPrefix={prefix} rows={2} defaultValue={value?.description ?? ""} />
      <StatusMessage state={state} />
      <SubmitButton pending={pending} pendingText="Sparar …" variant={value ? "secondary" : "primary"}>
        {value ? "Spara indikatorn" : "Lägg till indikatorn"}
      </SubmitButton>
    </ActionForm>
  );
}
