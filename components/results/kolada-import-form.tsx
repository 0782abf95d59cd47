"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { ImportState } from "./import-state";
import { ImportedResultsLink, ImportPreview } from "./import-preview";

type Action = (prev: ImportState, data: FormData) => Promise<ImportState>;

/**
 * "Hämta från Kolada" → the same preview as a file's → confirm. The confirm fetches again and writes only if Kolada
 * still answers what was previewed (the digest).
 */
export function KoladaImportForm({ action, defaultYear, ready }: { action: Action; defaultYear: number; ready: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [changed, setChanged] = useState(false);
  const preview = !changed ? state?.preview : undefined;
  return (
    <ActionForm action={(data) => (setChanged(false), formAction(data))} className="space-y-4">
      <TextField
        name="year"
        label="År"
        state={state}
        idPrefix="kolada-"
        hint="Undersökningens år, t.ex. 2025. Resultaten brukar finnas i Kolada från hösten samma år."
        inputMode="numeric"
        autoComplete="off"
        width="32"
        defaultValue={String(defaultYear)}
        onChange={() => setChanged(true)}
      />
      <SubmitButton pending={pending} pendingText="Hämtar från Kolada …" name="step" value="preview" variant={preview || !ready ? "secondary" : "primary"}>
        Hämta från Kolada
      </SubmitButton>
      <StatusMessage state={state} />
      {state?.imported && !changed && <ImportedResultsLink years={state.imported.years} />}
      {preview && <ImportPreview preview={preview} pending={pending} id="kolada-forhandsgranskning" rowsLabel="Värden från Kolada" />}
    </ActionForm>
  );
}
