"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field, TextField, inputClass } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/** "The client does not want to take part": which case and why; the next case of its area replaces it. */
export function DeclineForm({ action, cases }: { action: Action; cases: { id: string; caseRef: string; areaName: string }[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="space-y-3">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="caseId" label="Ärende" state={state} idPrefix="avbojt-">
          {(a) => (
            <select {...a} name="caseId" defaultValue="" className={inputClass}>
              <option value="" disabled>
                Välj ärende
              </option>
              {cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.caseRef} ({c.areaName})
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField name="reason" label="Varför vill brukaren inte medverka?" state={state} idPrefix="avbojt-" hint="T.ex. har redan svarat på utförarens enkät. Inga namn." type="text" />
      </div>
      <SubmitButton pending={pending} pendingText="Sparar …" variant="danger">
        Markera som avböjt och ersätt
      </SubmitButton>
      <StatusMessage state={state} />
    </ActionForm>
  );
}
