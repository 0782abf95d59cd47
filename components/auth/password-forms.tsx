"use client";

import { useActionState } from "react";
import { ActionForm, useResetOnSuccess } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { StatusMessage } from "@/components/ui/status-message";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
const boxClass = "mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

/** A new password, typed twice: for a password link (with its secret) and for one's own change (with the current password). */
export function NewPasswordForm({ action, token, email, minLength, askCurrent = false, submitText }: { action: Action; token?: string; email?: string; minLength: number; askCurrent?: boolean; submitText: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const form = useResetOnSuccess(state);
  if (state?.ok && token) {
    return (
      <div className="mt-6 space-y-4">
        <StatusMessage state={state} />
        <p>
          <Link href="/logga-in" className="font-semibold text-blue-800 underline">
            Till inloggningen
          </Link>
        </p>
      </div>
    );
  }
  return (
    <ActionForm action={formAction} className={boxClass} ref={form}>
      {token && <input type="hidden" name="token" value={token} />}
      {/* For password managers: the account the new password belongs to. */}
      {email && <input type="hidden" name="username" autoComplete="username" value={email} readOnly />}
      {askCurrent && <TextField name="currentPassword" label="Nuvarande lösenord" type="password" autoComplete="current-password" state={state} required />}
      <TextField name="password" label="Nytt lösenord" hint={`Minst ${minLength} tecken. En mening av några ord är lätt att minnas och svår att gissa.`} type="password" autoComplete="new-password" minLength={minLength} state={state} required />
      <TextField name="passwordRepeat" label="Nytt lösenord igen" type="password" autoComplete="new-password" state={state} required />
      <StatusMessage state={state} />
      <SubmitButton pending={pending} pendingText="Sparar …">
        {submitText}
      </SubmitButton>
    </ActionForm>
  );
}

/** "Glömt lösenord?": an e-mail address; the answer is the same whether it has an account or not. */
export function ForgotPasswordForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <ActionForm action={formAction} className={boxClass}>
      <TextField name="email" label="E-postadress" type="email" autoComplete="username" state={state} required />
      <StatusMessage state={state} />
      <SubmitButton pending={pending} pendingText="Skickar …">
        Skicka länk
      </SubmitButton>
    </ActionForm>
  );
}
