"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field, TextField, fileInputClass, inputClass } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import { useUploadCheck, withUploadProblem } from "@/components/ui/upload-check";
import type { FormState } from "@/lib/forms";
import { ROUTINE_UPLOAD } from "@/lib/routines/limits";
import { limitsText } from "@/lib/uploads";
import { StartMonthField } from "./start-month-field";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

export function NewRoutineForm({ action, exampleYear }: { action: Action; exampleYear: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <TextField name="title" label="Titel" state={state} hint="Som i dokumentet, t.ex. Kvalitetssäkring i hemtjänsten." type="text" required />
      <TextField name="key" label="Nyckel" state={state} hint="Känner igen rutinen vid import och export: a–z, siffror och bindestreck. Lämnas fältet tomt skapas nyckeln av titeln." type="text" pattern="[a-z0-9-]+" />
      <Field name="colour" label="Färg i årshjulet" state={state} hint="Rutinens lager i årshjulet ritas i den här färgen.">
        {(a) => <input {...a} name="colour" type="color" defaultValue="#0f766e" className="mt-1 block h-11 w-24 rounded border border-slate-500 bg-white" />}
      </Field>
      <StartMonthField state={state} defaultValue={1} exampleYear={exampleYear} />
      <StatusMessage state={state} />
      <SubmitButton pending={pending} pendingText="Skapar …">
        Skapa rutinen
      </SubmitButton>
    </ActionForm>
  );
}

export function ColourForm({ action, routineId, colour }: { action: Action; routineId: string; colour: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="routineId" value={routineId} />
      <Field name="colour" label="Färg i årshjulet" state={state}>
        {(a) => <input {...a} name="colour" type="color" defaultValue={colour} className="mt-1 block h-11 w-24 rounded border border-slate-500 bg-white" />}
      </Field>
      <SubmitButton pending={pending} variant="secondary">
        Spara färgen
      </SubmitButton>
      <div className="basis-full">
        <StatusMessage state={state} />
      </div>
    </ActionForm>
  );
}

export function ImportForm({ action }: { action: Action }) {
  const [serverState, formAction, pending] = useActionState(action, null);
  const upload = useUploadCheck(ROUTINE_UPLOAD);
  const state = withUploadProblem(serverState, upload.problem);
  return (
    <ActionForm action={formAction} blocked={upload.blocked} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" encType="multipart/form-data">
      <Field name="file" label="Välj en fil" state={state} hint={`En rutinfil (JSON i formatet arshjulet-rutin/1), t.ex. en som har sparats med Exportera JSON. ${limitsText(ROUTINE_UPLOAD.limits)}.`}>
        {(a) => <input {...a} name="file" type="file" accept="application/json,.json" onChange={upload.onChange} className={fileInputClass} />}
      </Field>
      <Field name="json" label="… eller klistra in JSON" state={state} hint={`${limitsText(ROUTINE_UPLOAD.limits)}, som för en fil.`}>
        {(a) => <textarea {...a} name="json" rows={12} spellCheck={false} className={`${inputClass} font-mono text-sm`} />}
      </Field>
      <p className="text-sm text-slate-700">
        Hela filen kontrolleras innan något sparas. Finns rutinen redan blir filen ett nytt utkast av den; annars skapas en ny rutin.
      </p>
      <StatusMessage state={state} />
      <SubmitButton pending={pending} pendingText="Läser in …">
        Läs in som utkast
      </SubmitButton>
    </ActionForm>
  );
}
