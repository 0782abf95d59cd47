"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/** "Redigera": opens the routine's draft, creating it from the active version when there is none. */
export function EditRoutineButton({ action, routineId, label = "Redigera" }: { action: Action; routineId: string; label?: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="inline-flex flex-col gap-1">
      <input type="hidden" name="routineId" value={routineId} />
      <SubmitButton pending={pending} pendingText="Skapar utkast …">{label}</SubmitButton>
      <StatusMessage state={state?.ok === false ? state : null} />
    </ActionForm>
  );
}

/** Deletes a draft after the user confirms. */
export function DeleteDraftButton({ action, versionId, routineKey, version }: { action: Action; versionId: string; routineKey: string; version: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="inline-flex flex-col gap-1" confirm={`Ta bort utkast version ${version}? Det går inte att ångra.`}>
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="routineKey" value={routineKey} />
      <SubmitButton pending={pending} variant="danger" pendingText="Tar bort …">
        Ta bort utkastet
      </SubmitButton>
      <StatusMessage state={state?.ok === false ? state : null} />
    </ActionForm>
  );
}
