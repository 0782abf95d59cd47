import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Link } from "@/components/ui/link";
import { getSessionUser } from "@/lib/auth/session";
import { getEnv, oidcConfig, passwordSignIn } from "@/lib/env";
import { passwordOffText, signInErrorTexts } from "@/lib/users/sign-in-texts";
import { safeCallbackPath } from "@/lib/auth/callback-path";

export const metadata: Metadata = { title: "Logga in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  if (await getSessionUser()) redirect("/");
  const { error, callbackUrl } = await searchParams;
  // Only our own texts: an unknown code (or any text someone put in the link) gets the general one.
  const oidc = oidcConfig();
  const password = oidc ? passwordSignIn() : "on";
  const ERRORS = signInErrorTexts(getEnv().OIDC_DISPLAY_NAME);
  const errorMessage = typeof error === "string" && error !== "" ? (Object.hasOwn(ERRORS, error) ? ERRORS[error] : ERRORS.Default) : undefined;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Logga in</h1>
      <p className="mt-2 text-slate-700">Logga in med ditt konto för att se och bocka av årets uppgifter.</p>
      {errorMessage && (
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {errorMessage}
        </p>
      )}
      {password === "off" && <p className="mt-4 text-slate-700">{passwordOffText(oidc!.name)}</p>}
      {password === "break-glass" && (
        <p className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
          Nödinloggning är påslagen: bara en administratör kan logga in med lösenord. Alla andra loggar in med {oidc!.name}.
        </p>
      )}
      <SignInForm oidcName={oidc?.name ?? null} callbackUrl={safeCallbackPath(callbackUrl)} passwordForm={password !== "off"} />
      {password === "on" && (
        <p className="mt-6">
          <Link href="/glomt-losenord" className="font-semibold text-blue-800 underline">
            Glömt lösenord?
          </Link>
        </p>
      )}
    </div>
  );
}
