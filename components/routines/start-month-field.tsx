"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/button";
import { StatusMessage } from "@/components/ui/status-message";
import type { FormState } from "@/lib/forms";
import { START_MONTH_OPTIONS, startMonthConsequence } from "@/lib/routines/start-month";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/** The routine's start month with what it means for the chosen month, said as it is chosen. */
export function StartMonthField({ state, defaultValue, exampleYear }: { state: FormState; defaultValue: number; exampleYear: number }) {
  const [month, setMonth] = useState(defaultValue);
  return (
    <div>
      <SelectField
        name="startMonth"
        label="Rutinens år börjar i"
        state={state}
        hint="Cyklerna heter efter året de leder fram till. Välj den månad då arbetet inför nästa års omgång börjar."
        options={START_MONTH_OPTIONS}
        defaultValue={defaultValue}
        onChange={(e) => setMonth(Number(e.target.value))}
      />
      <p className="mt-2 rounded border border-slate-300 bg-slate-50 p-2 text-sm text-slate-800" aria-live="polite">
        {startMonthConsequence(month, exampleYear)}
      </p>
    </div>
  );
}

/** The draft editor's start month: changeable until the routine has tasks in a cycle, then only said. */
export function StartMonthForm({ action, versionId, startMonth, exampleYear, locked }: { action: Action; versionId: string; startMonth: number; exampleYear: number; locked: string | null }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (locked) {
    return (
      <div className="space-y-2">
        <p>{startMonthConsequence(startMonth, exampleYear)}</p>
        <p className="text-sm text-slate-700">{locked}</p>
      </div>
    );
  }
  return (
    <ActionForm action={formAction} className="max-w-xl space-y-3">
      <input type="hidden" name="versionId" value={versionId} />
      <StartMonthField state={state} defaultValue={startMonth} exampleYear={exampleYear} />
      <p className="text-sm text-slate-700">
        Startmånaden gäller rutinen, inte bara den här versionen. Den kan ändras tills rutinen har uppgifter i en cykel; därefter skulle en ändring flytta uppgifter mellan cyklerna.
      </p>
      <StatusMessage state={state} />
      <SubmitButton pending={pending} variant="secondary">
        Spara startmånaden
      </SubmitButton>
    </ActionForm>
  );
}
