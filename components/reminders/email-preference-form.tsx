"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import type { EmailPreference } from "@/lib/db/generated/enums";
import { EMAIL_PREFERENCE_LABELS } from "@/lib/reminders/labels";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/** The user's choice of reminder e-mail, as a group of radio buttons. */
export function EmailPreferenceForm({ action, current }: { action: Action; current: EmailPreference }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.errors?.emailPreference;
  return (
    <ActionForm action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <fieldset aria-describedby={errors ? "epost-fel" : undefined}>
        <legend className="text-lg font-semibold">E-post från Årshjulet</legend>
        <div className="mt-3 space-y-3">
          {(Object.keys(EMAIL_PREFERENCE_LABELS) as EmailPreference[]).map((value) => (
            <div key={value} className="flex items-start gap-3">
              <input
                type="radio"
                id={`epost-${value}`}
                name="emailPreference"
                value={value}
                defaultChecked={value === current}
                aria-describedby={`epost-${value}-hint`}
                className="h-6 w-6 shrink-0 accent-blue-800"
              />
              <div>
                <label htmlFor={`epost-${value}`} className="font-medium">
                  {EMAIL_PREFERENCE_LABELS[value].label}
                </label>
                <p id={`epost-${value}-hint`} className="text-sm text-slate-700">
                  {EMAIL_PREFERENCE_LABELS[value].hint}
                </p>
              </div>
            </div>
          ))}
        </div>
        {errors && (
          <p id="epost-fel" className="mt-2 text-sm font-medium text-red-800">
            {errors.join(" ")}
          </p>
        )}
      </fieldset>
      <SubmitButton pending={pending} pendingText="Sparar …">
        Spara
      </SubmitButton>
      <StatusMessage state={state} />
    </ActionForm>
  );
}
