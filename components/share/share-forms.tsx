"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button, SubmitButton } from "@/components/ui/button";
import { FieldErrors, inputClass, SelectField, TextField } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import type { FormState } from "@/lib/forms";

/** What the create action returns: the usual form state, and once, the new link's secret token. */
export type ShareFormState = (NonNullable<FormState> & { token?: string }) | null;

type Option = { value: string; label: string };

/** A read-only field with a copy button and its own live status. */
function CopyField({ id, label, value, copyText, copiedText }: { id: string; label: string; value: string; copyText: string; copiedText: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <textarea id={id} readOnly value={value} rows={value.length > 90 ? 4 : 2} className={`${inputClass} font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} />
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => navigator.clipboard?.writeText(value).then(() => setCopied(true), () => setCopied(false))}>
          {copyText}
        </Button>
        <span role="status" aria-live="polite" className="text-sm">
          {copied ? copiedText : ""}
        </span>
      </div>
    </div>
  );
}

/** The new link's address and an embed snippet, built in the browser from the token the server returned once. */
function ShareAddress({ token }: { token: string }) {
  const url = new URL(`/delad/${token}`, window.location.href).toString();
  const embed = `<iframe src="${url}" title="Årshjulet" width="100%" height="900" style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
  return (
    <div className="space-y-3 rounded border border-blue-800 bg-blue-50 p-3">
      <CopyField id="delad-adress" label="Länkens adress" value={url} copyText="Kopiera adressen" copiedText="Adressen är kopierad." />
      <CopyField id="delad-inbaddning" label="Kod för att bädda in på intranätet" value={embed} copyText="Kopiera koden" copiedText="Koden är kopierad." />
      <p className="text-sm text-slate-700">Adressen visas bara nu. Den som har den kan se årshjulet utan att logga in, tills länken avslutas eller slutdatumet passerar.</p>
    </div>
  );
}

export function CreateShareLinkForm({
  action,
  scopes,
  layers,
  today,
}: {
  action: (s: ShareFormState, d: FormData) => Promise<ShareFormState>;
  scopes: Option[];
  layers: Option[];
  /** ÅÅÅÅ-MM-DD: the earliest end date. */
  today: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const layerErrors = state?.errors?.layers;
  return (
    <ActionForm action={formAction} className="space-y-4">
      <TextField name="name" label="Namn" hint="För listan nedan, t.ex. Ledningsgruppens bildspel. Namnet visas inte för den som öppnar länken." state={state} maxLength={80} />
      <SelectField name="scope" label="Visa" state={state} options={scopes} hint="Hela verksamheten eller en enhet." />
      <fieldset aria-describedby={layerErrors ? "layers-fel" : undefined} className="space-y-1">
        <legend className="font-medium">Lager att visa</legend>
        {layers.map((l) => (
          <label key={l.value} className="flex min-h-6 items-center gap-2">
            <input type="checkbox" name="layers" value={l.value} defaultChecked className="h-5 w-5" />
            {l.label}
          </label>
        ))}
        <FieldErrors id="layers-fel" errors={layerErrors} />
      </fieldset>
      <TextField name="endsOn" label="Slutdatum (valfritt)" type="date" width="48" min={today} state={state} hint="ÅÅÅÅ-MM-DD. Länken fungerar till och med den dagen. Utan datum fungerar den tills den avslutas." />
      <SubmitButton pending={pending} pendingText="Skapar…">
        Skapa länk
      </SubmitButton>
      <StatusMessage state={state} />
      {state?.ok && state.token && <ShareAddress token={state.token} />}
    </ActionForm>
  );
}

export function RevokeShareLinkForm({ action, linkId, label }: { action: (s: FormState, d: FormData) => Promise<FormState>; linkId: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} confirm={`Avsluta länken ${label}? Den slutar fungera för alla som har den, även där den är inbäddad.`} className="space-y-2">
      <input type="hidden" name="linkId" value={linkId} />
      <SubmitButton variant="danger" pending={pending} pendingText="Avslutar…" aria-label={`Avsluta länken ${label}`}>
        Avsluta
      </SubmitButton>
      <StatusMessage state={state} />
    </ActionForm>
  );
}
