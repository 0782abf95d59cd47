"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { Button, SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

type Option = { value: string; label: string };

/** What the create action returns: the usual form state, and once, the new feed's secret token. */
export type FeedFormState = (NonNullable<FormState> & { token?: string }) | null;

/** The feed's address, built in the browser from the token the server returned once. */
function FeedAddress({ token }: { token: string }) {
  const [copied, setCopied] = useState(false);
  const url = new URL(`/kalender/${token}`, window.location.href).toString();
  const webcal = url.replace(/^https?:/, "webcal:");
  return (
    <div className="space-y-2 rounded border border-blue-800 bg-blue-50 p-3">
      <label htmlFor="kalender-adress" className="block font-medium">
        Kalenderns adress
      </label>
      <input id="kalender-adress" readOnly value={url} className={`${inputClass} font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} />
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          onClick={() => navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))}
        >
          Kopiera adressen
        </Button>
        <a href={webcal} className="text-blue-800 underline underline-offset-2">
          Öppna i kalenderprogrammet
        </a>
        <span role="status" aria-live="polite" className="text-sm">
          {copied ? "Adressen är kopierad." : ""}
        </span>
      </div>
      <p className="text-sm text-slate-700">I Outlook: Lägg till kalender › Prenumerera från webben, och klistra in adressen.</p>
    </div>
  );
}

export function CreateFeedForm({ action, units, roles }: { action: (s: FeedFormState, d: FormData) => Promise<FeedFormState>; units: Option[]; roles: Option[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className="space-y-4">
      <Field name="target" label="Kalender för" hint="En enhets alla uppgifter, eller alla uppgifter som en roll ansvarar för." state={state}>
        {(a) => (
          <select {...a} name="target" defaultValue="" className={`${inputClass} sm:w-80`}>
            <option value="" disabled>
              Välj enhet eller roll
            </option>
            {units.length > 0 && (
              <optgroup label="Enheter">
                {units.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            )}
            {roles.length > 0 && (
              <optgroup label="Roller">
                {roles.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        )}
      </Field>
      <SubmitButton pending={pending} pendingText="Skapar…">
        Skapa kalender
      </SubmitButton>
      <StatusMessage state={state} />
      {state?.ok && state.token && <FeedAddress token={state.token} />}
    </ActionForm>
  );
}

export function RevokeFeedForm({ action, feedId, label }: { action: (s: FormState, d: FormData) => Promise<FormState>; feedId: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} confirm={`Avsluta kalendern för ${label}? Adressen slutar fungera för alla som prenumererar.`} className="space-y-2">
      <input type="hidden" name="feedId" value={feedId} />
      <SubmitButton variant="danger" pending={pending} pendingText="Avslutar…" aria-label={`Avsluta kalendern för ${label}`}>
        Avsluta
      </SubmitButton>
      <StatusMessage state={state} />
    </ActionForm>
  );
}
