"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import type { FormState } from "@/lib/forms";

/** What a plan action returns: the form state, with a warning when the day lies outside the activity's window. */
export type PlanActionState = (FormState & { warning?: string | null }) | null;
export type PlanAction = (prev: PlanActionState, data: FormData) => Promise<PlanActionState>;

/** The plan as the form shows it: the stored values as text. */
export type PlanValues = { plannedOn: string; plannedTime: string; plannedPlace: string; plannedLead: string };

/**
 * Plans, replans or unplans one task: date, optional start time, place and who leads it. Used in the checklist
 * (and meant for the wheel's activity panel); the action (app/(app)/checklista/actions.ts planTaskAction) checks
 * everything again. A day outside the window is saved, and the answer says so.
 */
export function PlanForm({ taskId, version, title, window, values, action }: { taskId: string; version: number; title: string; window: string | null; values: PlanValues; action: PlanAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  const prefix = `plan-${taskId}-`;
  return (
    <ActionForm action={formAction} className="mt-2 space-y-3" aria-label={`Planera ${title}`}>
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          name="plannedOn"
          idPrefix={prefix}
          label="Datum"
          type="date"
          width="48"
          state={state}
          defaultValue={values.plannedOn}
          hint={window ? `ÅÅÅÅ-MM-DD. Aktivitetens tid: ${window}.` : "ÅÅÅÅ-MM-DD. Töm fältet för att ta bort planen."}
        />
        <TextField name="plannedTime" idPrefix={prefix} label="Starttid (valfri)" type="time" width="40" state={state} defaultValue={values.plannedTime} hint="TT:MM. Utan tid blir det en heldag i kalendern." />
        <TextField name="plannedPlace" idPrefix={prefix} label="Plats (valfri)" state={state} defaultValue={values.plannedPlace} maxLength={200} />
        <TextField name="plannedLead" idPrefix={prefix} label="Vem leder (valfri)" state={state} defaultValue={values.plannedLead} maxLength={200} hint="Roll eller namn på medarbetare, aldrig brukare." />
      </div>
      <Button type="submit" disabled={pending}>
        Spara planen<span className="sr-only"> för {title}</span>
      </Button>
      <StatusMessage state={state} />
    </ActionForm>
  );
}
