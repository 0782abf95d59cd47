"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/**
 * "Sammanställningen är klar": the review's summary task in the checklist follows this. Shown once every sampled
 * client is interviewed; when done, a separate form takes it back.
 */
export function SummaryDoneForm({ action, year, summarisedOnText, today }: { action: Action; year: number; summarisedOnText: string | null; today: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (summarisedOnText) {
    return (
      <ActionForm action={formAction} className="space-y-2">
        <p>
          Sammanställningen markerades som klar <strong>{summarisedOnText}</strong>. Uppgiften ”Sammanställ avvikelserna” är klar i checklistan.
        </p>
        <input type="hidden" name="year" value={year} />
        <input type="hidden" name="undo" value="1" />
        <SubmitButton pending={pending} pendingText="Sparar …" variant="secondary">
          Sammanställningen är inte klar ändå
        </SubmitButton>
        <StatusMessage state={state} />
      </ActionForm>
    );
  }
  return (
    <ActionForm action={formAction} className="space-y-3">
      <input type="hidden" name="year" value={year} />
      <TextField name="summarisedOn" label="Datum då sammanställningen blev klar" state={state} hint="ÅÅÅÅ-MM-DD. Lämna tomt för i dag." type="date" max={today} width="48" />
      <SubmitButton pending={pending} pendingText="Sparar …">
        Markera sammanställningen som klar
      </SubmitButton>
      <StatusMessage state={state} />
    </ActionForm>
  );
}
