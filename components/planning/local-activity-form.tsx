"use client";

import { useActionState } from "react";
import { ActionForm, useResetOnSuccess } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { MONTH_NAMES } from "@/lib/dates/months";
import type { FormState } from "@/lib/forms";

export type LocalActivityAction = (prev: FormState, data: FormData) => Promise<FormState>;

const MONTHS = MONTH_NAMES.map((name, i) => ({ value: i + 1, label: name }));
const KINDS = [
  { value: "USER_CAFE", label: "Brukarfika" },
  { value: "MEETING", label: "Möte" },
  { value: "APT", label: "APT" },
  { value: "WORKSHOP", label: "Workshop" },
  { value: "CHECKLIST", label: "Annat (en uppgift att bocka av)" },
];
const ROLES = [
  { value: "ENHETSCHEF", label: "Enhetschef" },
  { value: "KOORDINATOR", label: "Koordinator" },
];

/**
 * Adds a unit's own activity to this year's cycle (an extra brukarfika, a visit, a unit meeting): it becomes a task in
 * the unit's checklist, marked as the unit's own, and never changes the routine.
 */
export function LocalActivityForm({ unitId, unitName, year, phases, action }: { unitId: string; unitName: string; year: number; phases: { value: string; label: string }[]; action: LocalActivityAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  const form = useResetOnSuccess(state);
  return (
    <ActionForm ref={form} action={formAction} className="mt-3 space-y-3" aria-label={`Lägg till en egen aktivitet för ${unitName}`}>
      <input type="hidden" name="unitId" value={unitId} />
      <TextField name="title" idPrefix="egen-" label="Rubrik" state={state} maxLength={200} hint="Till exempel Extra brukarfika eller Besök av nämnden." />
      <TextAreaField name="description" idPrefix="egen-" label="Beskrivning (valfri)" state={state} rows={2} maxLength={200} />
      <SelectField name="phase" idPrefix="egen-" label="Fas" state={state} options={phases} />
      <SelectField name="kind" idPrefix="egen-" label="Slag" state={state} options={KINDS} hint="Brukarfika, möten, APT och workshoppar räknas i kontrollen av vad som är inplanerat." />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="date" idPrefix="egen-" label="Datum (valfritt)" type="date" width="48" state={state} hint={`ÅÅÅÅ-MM-DD i ${year}. Med datum behövs ingen månad.`} />
        <SelectField name="month" idPrefix="egen-" label="Månad (om inget datum)" state={state} options={MONTHS} emptyOption={{ value: "", label: "Ingen månad vald" }} />
      </div>
      <SelectField name="responsibleRole" idPrefix="egen-" label="Ansvarig roll" state={state} options={ROLES} />
      <Button type="submit" disabled={pending}>
        Lägg till aktiviteten
      </Button>
      <StatusMessage state={state} />
    </ActionForm>
  );
}
