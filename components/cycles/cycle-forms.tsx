"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import { SURVEY_MILESTONES, type TimetableField } from "@/lib/cycles/timetable";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

export function StartCycleForm({ action, suggestedYear }: { action: Action; suggestedYear: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="space-y-3">
      <div className="max-w-[12rem]">
        <TextField name="year" label="År" state={state} type="text" inputMode="numeric" autoComplete="off" defaultValue={suggestedYear} />
      </div>
      <StatusMessage state={state} />
      <SubmitButton pending={pending} pendingText="Startar …">
        Starta cykeln
      </SubmitButton>
    </ActionForm>
  );
}

export function PlanAgainForm({ action, cycleId, year }: { action: Action; cycleId: string; year: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="space-y-3">
      <input type="hidden" name="cycleId" value={cycleId} />
      <SubmitButton pending={pending} variant="secondary" pendingText="Planerar …">
        Planera {year} igen
      </SubmitButton>
      <StatusMessage state={state} />
    </ActionForm>
  );
}

/** Socialstyrelsen's four dates; an empty field means the date is not known yet. */
export function TimetableForm({ action, cycleId, values }: { action: Action; cycleId: string; values: Record<TimetableField, string> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="space-y-4">
      <input type="hidden" name="cycleId" value={cycleId} />
      <div className="grid gap-4 sm:grid-cols-2">
        {SURVEY_MILESTONES.map((m) => (
          <TextField key={m.field} name={m.field} label={m.label} state={state} type="date" defaultValue={values[m.field]} />
        ))}
      </div>
      <StatusMessage state={state} />
      <SubmitButton pending={pending} variant="secondary" pendingText="Sparar …">
        Spara tidsplanen
      </SubmitButton>
    </ActionForm>
  );
}
