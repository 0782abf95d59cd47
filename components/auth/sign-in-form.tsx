"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

const MESSAGES: Record<string, string> = {
  THROTTLED: "För många misslyckade inloggningsförsök. Vänta 15 minuter och försök igen.",
  INVALID: "Fel e-postadress eller lösenord.",
  CredentialsSignin: "Fel e-postadress eller lösenord.",
};

export function SignInForm({ oidcName, callbackUrl }: { oidcName: string | null; callbackUrl: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    setPending(false);
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setMessage(MESSAGES[result?.error ?? ""] ?? "Inloggningen misslyckades. Försök igen.");
  }

  return (
    <div className="mt-6 space-y-6">
      <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
        <div>
          <label htmlFor="email" className="block font-medium">E-postadress</label>
          <input id="email" name="email" type="email" autoComplete="username" required
            className="mt-1 w-full rounded border border-slate-500 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="password" className="block font-medium">Lösenord</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required
            className="mt-1 w-full rounded border border-slate-500 px-3 py-2" />
        </div>
        <p aria-live="assertive" role="status" className={message ? "rounded border border-red-300 bg-red-50 p-3 text-red-900" : "sr-only"}>
          {message ?? ""}
        </p>
        <button type="submit" disabled={pending}
          className="w-full rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 disabled:opacity-70">
          {pending ? "Loggar in …" : "Logga in"}
        </button>
      </form>
      {oidcName && (
        <button type="button" onClick={() => signIn("kommun", { callbackUrl })}
          className="w-full rounded border border-blue-800 bg-white px-4 py-2 font-semibold text-blue-900 hover:bg-blue-50">
          Logga in med {oidcName}
        </button>
      )}
    </div>
  );
}
