"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Disclosure } from "@/components/ui/disclosure";
import { Field, inputClass } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

export type LetterFormState = (NonNullable<FormState> & { warning?: string }) | null;
type Action = (prev: LetterFormState, data: FormData) => Promise<LetterFormState>;

export type LetterFormValues = { sentOn: string; count: string; method: "POST" | "HANDED_OVER" | "OTHER"; methodOther: string; note: string; version?: number };

type Place = { unitId: string; year: number; letterNumber: number };

/**
 * What a koordinator can do with one brukarbrev: record it as sent (or correct the record) in a form that folds
 * away once saved, with the confirmation outside it; and, apart and behind its own disclosure and a confirm,
 * take the record back. Without JavaScript the page comes back with the form closed and the confirmation shown.
 */
export function LetterActions({ recordAction, undoAction, initial, today, openForm = false, ...place }: Place & { recordAction: Action; undoAction: Action; initial: LetterFormValues | null; today: string; openForm?: boolean }) {
  const [state, formAction, pending] = useActionState(recordAction, null);
  const [undoState, undoFormAction, undoPending] = useActionState(undoAction, null);
  // A new round remounts the disclosures closed: after a save the form folds away.
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<{ message: string; warning?: string } | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  // Each new answer that saved something becomes the confirmation, whichever form it came from (React's
  // "adjust state when an input changes" during render, rather than an effect).
  const [seen, setSeen] = useState<{ record: LetterFormState; undo: LetterFormState }>({ record: null, undo: null });
  if (state !== seen.record || undoState !== seen.undo) {
    const fresh = state !== seen.record ? state : undoState;
    setSeen({ record: state, undo: undoState });
    if (fresh?.ok) {
      setNotice({ message: fresh.message, warning: fresh.warning });
      setRound((r) => r + 1);
    }
  }
  useEffect(() => {
    if (round > 0) confirmation.current?.focus();
  }, [round]);
  // Without JavaScript the answer itself is the confirmation.
  const shown = notice ?? (state?.ok ? state : undoState?.ok ? undoState : null);
  const correcting = initial !== null;
  return (
    <>
      <div ref={confirmation} tabIndex={-1} role="status" aria-live="polite" className={shown ? "mt-2 space-y-2 rounded border border-green-700 bg-green-50 p-3 text-green-900" : "sr-only"}>
        {shown?.message ?? ""}
        {shown?.warning && <p className="rounded border border-amber-400 bg-amber-50 p-2 text-amber-950">{shown.warning}</p>}
      </div>
      <Disclosure key={`record-${round}`} defaultOpen={openForm && round === 0} className="mt-2" summaryClassName="cursor-pointer font-medium text-blue-900" summary={correcting ? "Rätta registreringen" : "Markera som skickat"}>
        <LetterForm {...place} formAction={formAction} pending={pending} state={state?.ok ? null : state} initial={initial} today={today} />
      </Disclosure>
      {initial?.version !== undefined && (
        <Disclosure key={`undo-${round}`} className="mt-4 border-t border-slate-200 pt-3" summaryClassName="cursor-pointer text-sm font-medium text-red-900" summary="Skickades breven inte ändå?">
          <p className="mt-2 text-sm">Tar du bort registreringen blir uppgiften ej påbörjad igen i checklistan. Det sparas i historiken.</p>
          <UndoLetterForm {...place} formAction={undoFormAction} pending={undoPending} state={undoState?.ok ? null : undoState} version={initial.version} />
        </Disclosure>
      )}
    </>
  );
}

/** Marks one brukarbrev as sent, or corrects its record; the server validates and answers with field errors. */
function LetterForm({
  formAction,
  pending,
  state,
  unitId,
  year,
  letterNumber,
  initial,
  today,
}: Place & {
  formAction: (data: FormData) => void;
  pending: boolean;
  state: LetterFormState;
  initial: LetterFormValues | null;
  today: string;
}) {
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
    </ActionForm>
  );
}

/** Takes back a record of a letter that was not sent after all (asks first). */
function UndoLetterForm({ formAction, pending, state, unitId, year, letterNumber, version }: Place & { formAction: (data: FormData) => void; pending: boolean; state: LetterFormState; version: number }) {
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
