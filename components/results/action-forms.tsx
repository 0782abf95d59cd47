"use client";

import { useActionState, useEffect, useRef } from "react";
import type { ImprovementStatus } from "@/lib/db/generated/enums";
import { IMPROVEMENT_STATUS_LABELS } from "@/lib/results/schemas";
import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Option = { id: string; name: string };
export type ActionOptions = { cycles: { id: string; year: number }[]; units: Option[]; indicators: Option[]; canWholeVerksamhet: boolean };
export type EditableAction = {
  id: string; version: number; title: string; description: string | null; ownerName: string; dueOn: string; status: ImprovementStatus; indicatorId: string | null;
};

const STATUSES = Object.entries(IMPROVEMENT_STATUS_LABELS) as [ImprovementStatus, string][];

function CommonFields({ state, options, value, prefix }: { state: FormState; options: ActionOptions; value?: EditableAction; prefix: string }) {
  return (
    <>
      <Field name="title" label="Åtgärd" state={state} idPrefix={prefix} hint="Kort och konkret, t.ex. ”Kontaktpersonen ringer vid ändrad tid”.">
        {(a) => <input {...a} name="title" type="text" defaultValue={value?.title} className={inputClass} />}
      </Field>
      <Field name="description" label="Beskrivning (frivillig)" state={state} idPrefix={prefix}>
        {(a) => <textarea {...a} name="description" rows={3} defaultValue={value?.description ?? ""} className={inputClass} />}
      </Field>
      <Field name="indicatorId" label="Indikator" state={state} idPrefix={prefix} hint="Effekten följs upp med nästa års resultat för indikatorn.">
        {(a) => (
          <select {...a} name="indicatorId" defaultValue={value?.indicatorId ?? ""} className={inputClass}>
            <option value="">Ingen indikator</option>
            {options.indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="ownerName" label="Ansvarig" state={state} idPrefix={prefix}>
          {(a) => <input {...a} name="ownerName" type="text" defaultValue={value?.ownerName} className={inputClass} />}
        </Field>
        <Field name="dueOn" label="Klart senast" state={state} idPrefix={prefix}>
          {(a) => <input {...a} name="dueOn" type="date" defaultValue={value?.dueOn} className={inputClass} />}
        </Field>
        <Field name="status" label="Status" state={state} idPrefix={prefix}>
          {(a) => (
            <select {...a} name="status" defaultValue={value?.status ?? "PLANNED"} className={inputClass}>
              {STATUSES.map(([s, label]) => (
                <option key={s} value={s}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </>
  );
}

export function CreateActionForm({ action, options, defaultUnitId, defaultCycleId }: { action: Action; options: ActionOptions; defaultUnitId?: string; defaultCycleId?: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  // A saved action empties the form, so pressing save again does not create a copy.
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <ActionForm action={formAction} ref={form} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="cycleId" label="År (cykel)" state={state} idPrefix="ny-">
          {(a) => (
            <select {...a} name="cycleId" defaultValue={defaultCycleId} className={inputClass}>
              {options.cycles.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.year}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="unitId" label="Gäller" state={state} idPrefix="ny-">
          {(a) => (
            <select {...a} name="unitId" defaultValue={defaultUnitId ?? (options.canWholeVerksamhet ? "" : options.units[0]?.id)} className={inputClass}>
              {options.canWholeVerksamhet && <option value="">Hela verksamheten</option>}
              {options.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <CommonFields state={state} options={options} prefix="ny-" />
      <StatusMessage state={state} />
      <SubmitButton pending={pending} pendingText="Sparar …">
        Spara åtgärden
      </SubmitButton>
    </ActionForm>
  );
}

export function EditActionForm({ action, options, value }: { action: Action; options: ActionOptions; value: EditableAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="space-y-4">
      <input type="hidden" name="actionId" value={value.id} />
      <input type="hidden" name="version" value={value.version} />
      <CommonFields state={state} options={options} value={value} prefix={`a${value.id}-`} />
      <StatusMessage state={state} />
      <SubmitButton pending={pending} pendingText="Sparar …">
        Spara ändringen
      </SubmitButton>
    </ActionForm>
  );
}

export function NoteForm({ action, actionId }: { action: Action; actionId: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <ActionForm action={formAction} ref={form} className="space-y-2">
      <input type="hidden" name="actionId" value={actionId} />
      <Field name="text" label="Ny anteckning" state={state} idPrefix={`n${actionId}-`}>
        {(a) => <textarea {...a} name="text" rows={2} className={inputClass} />}
      </Field>
      <StatusMessage state={state} />
      <SubmitButton pending={pending} pendingText="Sparar …" variant="secondary">
        Lägg till anteckning
      </SubmitButton>
    </ActionForm>
  );
}
