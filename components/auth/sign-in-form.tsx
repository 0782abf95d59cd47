"use client";

import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "@/lib/auth/credential-limits";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, SubmitButton } from "@/components/ui/button";
import { FieldLabel, inputClass } from "@/components/ui/field";
import { messageClass } from "@/components/ui/status-message";
import { authError, followAuth, postToAuth } from "./auth-endpoint";

const MESSAGES: Record<string, string> = {
  THROTTLED: "För många misslyckade inloggningsförsök. Vänta en stund och försök igen: en halv minut, eller en kvart om det var från den här datorn.",
  INVALID: "Fel e-postadress eller lösenord.",
  CredentialsSignin: "Fel e-postadress eller lösenord.",
  INVALID_INPUT: "E-postadressen innehåller otillåtna tecken (styrtecken). Skriv den igen och försök på nytt.",
  IDENTITY_NUMBER: "Logga in med din e-postadress, inte med personnummer.",
  UNAVAILABLE: "Inloggningen gick inte att genomföra just nu. Försök igen om en stund.",
};

/** `passwordForm`: false with AUTH_PASSWORD_SIGN_IN=off, when only the municipality's sign-in is offered. */
export function SignInForm({ oidcName, callbackUrl, passwordForm = true }: { oidcName: string | null; callbackUrl: string; passwordForm?: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    // next-auth's credentials callback, as next-auth/react's signIn("credentials", { redirect: false }) posts it.
    const answer = await postToAuth("callback/credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      callbackUrl: window.location.href,
    }).catch(() => null);
    setPending(false);
    const error = answer ? authError(answer) : "UNAVAILABLE";
    if (answer?.ok && !error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setMessage(MESSAGES[error ?? ""] ?? "Inloggningen misslyckades. Försök igen.");
  }

  return (
    <div className="mt-6 space-y-6">
      {passwordForm && (
      <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
        <div>
          <FieldLabel htmlFor="email">E-postadress</FieldLabel>
          <input id="email" name="email" type="email" autoComplete="username" required maxLength={EMAIL_MAX_LENGTH}
            className={inputClass} />
        </div>
        <div>
          <FieldLabel htmlFor="password">Lösenord</FieldLabel>
          <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={PASSWORD_MAX_LENGTH}
            className={inputClass} />
        </div>
        <p aria-live="assertive" role="status" className={message ? messageClass("error") : "sr-only"}>
          {message ?? ""}
        </p>
        <SubmitButton pending={pending} pendingText="Loggar in …" size="lg" fullWidth>
          Logga in
        </SubmitButton>
      </form>
      )}
      {oidcName && (
        <Button onClick={async () => followAuth(await postToAuth("signin/kommun", { callbackUrl }), callbackUrl)} variant="secondary" size="lg" fullWidth>
          Logga in med {oidcName}
        </Button>
      )}
    </div>
  );
}
