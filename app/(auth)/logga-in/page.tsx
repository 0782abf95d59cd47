import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Link } from "@/components/ui/link";
import { getSessionUser } from "@/lib/auth/session";
import { oidcConfig } from "@/lib/env";
import { safeCallbackPath } from "@/lib/auth/callback-path";

export const metadata: Metadata = { title: "Logga in" };
export const dynamic = "force-dynamic";

const NOT_LINKED = "Ditt konto i kommunens inloggning är inte kopplat till någon användare i Årshjulet. Kontakta administratören.";
// Codes only (lib/auth/options.ts sends them); a code not listed here shows nothing.
const ERRORS: Record<string, string> = {
  AccessDenied: NOT_LINKED,
  OidcUnknown: NOT_LINKED,
  OidcUnverified:
    "Kommunens inloggning har inte bekräftat din e-postadress, så vi kan inte veta att kontot är ditt. Kontakta administratören eller kommunens IT-support.",
  SessionRequired: "Logga in för att fortsätta.",
  // Any other code (lib/auth/error-codes.ts turns unknown text into Default): a general message, never the link's text.
  Default: "Inloggningen misslyckades. Försök igen.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  if (await getSessionUser()) redirect("/");
  const { error, callbackUrl } = await searchParams;
  // Only our own texts: an unknown code (or any text someone put in the link) gets the general one.
  const errorMessage = typeof error === "string" && error !== "" ? (Object.hasOwn(ERRORS, error) ? ERRORS[error] : ERRORS.Default) : undefined;
  const oidc = oidcConfig();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Logga in</h1>
      <p className="mt-2 text-slate-700">Logga in med ditt konto för att se och bocka av årets uppgifter.</p>
      {errorMessage && (
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {errorMessage}
        </p>
      )}
      <SignInForm oidcName={oidc?.name ?? null} callbackUrl={safeCallbackPath(callbackUrl)} />
      <p className="mt-6">
        <Link href="/glomt-losenord" className="font-semibold text-blue-800 underline">
          Glömt lösenord?
        </Link>
      </p>
    </div>
  );
}
