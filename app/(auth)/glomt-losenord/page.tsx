import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/password-forms";
import { Link } from "@/components/ui/link";
import { getEnv, passwordSignIn } from "@/lib/env";
import { passwordOffText } from "@/lib/users/sign-in-texts";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Glömt lösenord" };
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Glömt lösenord</h1>
      {passwordSignIn() !== "on" ? (
        <p className="mt-2 text-slate-700">{passwordOffText(getEnv().OIDC_DISPLAY_NAME)}</p>
      ) : (
      <>
      <p className="mt-2 text-slate-700">
        Skriv e-postadressen du loggar in med. Hör den till ett konto får du en länk för att välja ett nytt lösenord. Länken gäller i 30 minuter och fungerar en gång.
      </p>
      <ForgotPasswordForm action={requestPasswordResetAction} />
      </>
      )}
      <p className="mt-6">
        <Link href="/logga-in" className="font-semibold text-blue-800 underline">
          Tillbaka till inloggningen
        </Link>
      </p>
    </div>
  );
}
