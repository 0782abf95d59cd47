"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

export type LetterFormState = (NonNullable<FormState> & { warning?: string }) | null;
type Action = (prev: LetterFormState, data: FormData) => Promise<LetterFormState>;

export type LetterFormValues = { sentOn: string; count: string; method: "POST" | "HANDED_OVER" | "OTHER"; methodOther: string; note: string; version?: number };

/** Marks one brukarbrev as sent, or corrects its record; the server validates and answers in the status line. */
export function LetterForm({
  action,
  unitId,
  year,
  letterNumber,
  initial,
  today,
}: {
  action: Action;
  unitId: string;
  year: number;
  letterNumber: number;
  initial: LetterFormValues | null;
  today: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [method, setMethod] = useState(initial?.method ?? "POST");
  const prefix = `brev${letterNumber}-`;
  const correcting = initial !== null;
  return (
    <ActionForm action={formAction} className="mt-3 space-y-3" aria-label={correcting ? `Rätta brukarbrev ${letterNumber}` : `Registrera brukarbrev ${letterNumber} som skickat`}>
      <input type="hidden" name="unitId" value={unitId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="letterNumber" value={letterNumber} />
      {initial?.version !== undefined && <input type="hidden" name="version" value={initial.version} />}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="sentOn" label="Skickat den" state={state} idPrefix={prefix}>
          {(props) => <input {...props} name="sentOn" type="date" max={today} defaultValue={initial?.sentOn ?? ""} className={inputClass} />}
        </Field>
        <Field name="count" label="Antal brev" state={state} idPrefix={prefix}>
          {(props) => <input {...props} name="count" type="number" inputMode="numeric" min={1} step={1} defaultValue={initial?.count ?? ""} className={inputClass} />}
        </Field>
        <Field name="method" label="Hur" state={state} idPrefix={prefix}>
          {(props) => (
            <select {...props} name="method" value={method} onChange={(e) => setMethod(e.target.value as LetterFormValues["method"])} className={inputClass}>
              <option value="POST">Post</option>
              <option value="HANDED_OVER">Lämnat vid besök</option>
              <option value="OTHER">Annat sätt</option>
            </select>
          )}
        </Field>
      </div>
      {method === "OTHER" && (
        <Field name="methodOther" label="Beskriv hur" state={state} idPrefix={prefix}>
          {(props) => <input {...props} name="methodOther" defaultValue={initial?.methodOther ?? ""} maxLength={200} className={inputClass} />}
        </Field>
      )}
      <Field name="note" label="Anteckning (frivillig)" state={state} idPrefix={prefix}>
        {(props) => <input {...props} name="note" defaultValue={initial?.note ?? ""} maxLength={500} className={inputClass} />}
      </Field>
      <SubmitButton pending={pending} pendingText="Sparar …" variant={correcting ? "secondary" : "primary"}>
        {correcting ? "Spara rättelsen" : "Markera som skickat"}
      </SubmitButton>
      <StatusMessage state={state} />
      {state?.ok && state.warning && <p className="rounded border border-amber-400 bg-amber-50 p-3 text-amber-950">{state.warning}</p>}
    </ActionForm>
  );
}

/** Takes back a record of a letter that was not sent after all. */
export function UndoLetterForm({ action, unitId, year, letterNumber, version }: { action: Action; unitId: string; year: number; letterNumber: number; version: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} confirm={`Ta bort registreringen av brukarbrev ${letterNumber}? Uppgiften blir ej påbörjad igen.`} className="mt-2">
      <input type="hidden" name="unitId" value={unitId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="letterNumber" value={letterNumber} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pending={pending} variant="danger">
        Breven skickades inte – ta bort registreringen
      </SubmitButton>
      <StatusMessage state={state} />
    </ActionForm>
  );
}
