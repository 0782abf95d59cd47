"use client";

import { useActionState, useEffect, useRef } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field, TextField, inputClass } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Phase = { id: string; name: string; activityCount: number };

const small = "rounded border border-slate-500 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50";

/** Rename, reorder, remove and add the phases of a draft. */
export function PhaseEditor({ action, versionId, routineKey, phases }: { action: Action; versionId: string; routineKey: string; phases: Phase[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const addForm = useRef<HTMLFormElement>(null);
  const adding = useRef(false);
  useEffect(() => {
    // Clear the "new phase" field once the phase it named has been added.
    if (state?.ok && adding.current) addForm.current?.reset();
    adding.current = false;
  }, [state]);
  const hidden = (
    <>
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="routineKey" value={routineKey} />
    </>
  );
  return (
    <div className="space-y-4">
      <StatusMessage state={state} />
      <ol className="space-y-3">
        {phases.map((phase, index) => (
          <li key={phase.id} className="rounded border border-slate-200 p-3">
            <ActionForm action={formAction} className="flex flex-wrap items-end gap-2">
              {hidden}
              <input type="hidden" name="phaseId" value={phase.id} />
              <div className="min-w-[12rem] flex-1">
                <Field name={`name-${phase.id}`} label={`Fas ${index + 1}`} state={state} hint={`${phase.activityCount} aktiviteter`}>
                  {(a) => <input {...a} name="name" type="text" defaultValue={phase.name} className={inputClass} />}
                </Field>
              </div>
              <div className="flex flex-wrap gap-2 pb-1">
                <button type="submit" name="intent" value="rename" disabled={pending} className={small}>
                  Spara namnet
                </button>
                <button type="submit" name="intent" value="up" disabled={pending || index === 0} className={small} aria-label={`Flytta fasen ${phase.name} uppåt`}>
                  Upp
                </button>
                <button type="submit" name="intent" value="down" disabled={pending || index === phases.length - 1} className={small} aria-label={`Flytta fasen ${phase.name} nedåt`}>
                  Ned
                </button>
                {phase.activityCount === 0 && (
                  <button type="submit" name="intent" value="remove" disabled={pending} className={`${small} text-red-900`} aria-label={`Ta bort fasen ${phase.name}`}>
                    Ta bort
                  </button>
                )}
              </div>
            </ActionForm>
          </li>
        ))}
      </ol>
      <ActionForm action={formAction} ref={addForm} onSubmitCapture={() => (adding.current = true)} className="flex flex-wrap items-end gap-2">
        {hidden}
        <input type="hidden" name="intent" value="add" />
        <div className="min-w-[12rem] flex-1">
          <TextField name="name" label="Ny fas" state={state} idPrefix="ny-fas-" type="text" />
        </div>
        <SubmitButton pending={pending} variant="secondary">
          Lägg till fasen
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
