"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextAreaField, TextField } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

export function MetadataForm({ action, versionId, routineKey, title, purpose }: { action: Action; versionId: string; routineKey: string; title: string; purpose: string | null }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="space-y-4">
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="routineKey" value={routineKey} />
      <TextField name="title" label="Titel" state={state} idPrefix="meta-" type="text" defaultValue={title} />
      <TextAreaField name="purpose" label="Syfte" state={state} idPrefix="meta-" hint="Rutinens inledning: varför den finns." rows={3} defaultValue={purpose ?? ""} />
      <StatusMessage state={state} />
      <SubmitButton pending={pending} variant="secondary">
        Spara uppgifterna
      </SubmitButton>
    </ActionForm>
  );
}
