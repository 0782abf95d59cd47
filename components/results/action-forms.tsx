"use client";

import { useActionState } from "react";
import type { ImprovementStatus } from "@/lib/db/generated/enums";
import { IMPROVEMENT_STATUS_LABELS } from "@/lib/results/labels";
import { ActionForm, useResetOnSuccess } from "@/components/ui/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Option = { id: string; name: string };
export type ActionOptions = { cycles: { id: string; year: number }[]; units: Option[]; indicators: Option[]; canWholeVerksamhet: boolean };
export type EditableAction = {
  id: string; version: number; title: string; description: string | null; ownerName: string; dueOn: string; status: ImprovementStatus; indicatorId: string | null;
};

const STATUSES = (Object.entries(IMPROVEMENT_STATUS_LABELS) as [ImprovementStatus, string][]).map(([value, label]) => ({ value, label }));
const toOptions = (items: Option[]) => items.map((i) => ({ value: i.id, label: i.name }));

function CommonFields({ state, options, value, prefix }: { state: FormState; options: ActionOptions; value?: EditableAction; prefix: string }) {
  return (
    <>
      <TextField name="title" label="Åtgärd" state={state} idPrefix={prefix} hint="Kort och konkret, t.ex. ”Kontaktpersonen ringer vid ändrad tid”." type="text" defaultValue={value?.title} />
      <TextAreaField name="description" label="Beskrivning (frivillig)" state={state} idPrefix={prefix} rows={3} defaultValue={value?.description ?? ""} />
      <SelectField
        name="indicatorId"
        label="Indikator"
        state={state}
        idPrefix={prefix}
        hint="Effekten följs upp med nästa års resultat för indikatorn."
        defaultValue={value?.indicatorId ?? ""}
        emptyOption={{ value: "", label: "Ingen indikator" }}
        options={toOptions(options.indicators)}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="ownerName" label="Ansvarig" state={state} idPrefix={prefix} type="text" defaultValue={value?.ownerName} />
        <TextField name="dueOn" label="Klart senast" state={state} idPrefix={prefix} type="date" defaultValue={value?.dueOn} />
        <SelectField name="status" label="Status" state={state} idPrefix={prefix} defaultValue={value?.status ?? "PLANNED"} options={STATUSES} />
      </div>
    </>
  );
}

export function CreateActionForm({ action, options, defaultUnitId, defaultCycleId }: { action: Action; options: ActionOptions; defaultUnitId?: string; defaultCycleId?: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const form = useResetOnSuccess(state);
  return (
    <ActionForm action={formAction} ref={form} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="cycleId" label="År (cykel)" state={state} idPrefix="ny-" defaultValue={defaultCycleId} options={options.cycles.map((c) => ({ value: c.id, label: c.year }))} />
        <SelectField
          name="unitId"
          label="Gäller"
          state={state}
          idPrefix="ny-"
          defaultValue={defaultUnitId ?? (options.canWholeVerksamhet ? "" : options.units[0]?.id)}
          emptyOption={options.canWholeVerksamhet && { value: "", label: "Hela verksamheten" }}
          options={toOptions(options.units)}
        />
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
  const form = useResetOnSuccess(state);
  return (
    <ActionForm action={formAction} ref={form} className="space-y-2">
      <input type="hidden" name="actionId" value={actionId} />
      <TextAreaField name="text" label="Ny anteckning" state={state} idPrefix={`n${actionId}-`} rows={2} />
      <StatusMessage state={state} />
      <SubmitButton pending={pending} pendingText="Sparar …" variant="secondary">
        Lägg till anteckning
      </SubmitButton>
    </ActionForm>
  );
}
