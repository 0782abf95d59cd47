import type { Metadata } from "next";
import { NewPasswordForm } from "@/components/auth/password-forms";
import { Link } from "@/components/ui/link";
import { getDb } from "@/lib/db";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/schemas";
import { findPasswordToken, LINK_INVALID } from "@/lib/users/password-tokens";
import { setPasswordWithLinkAction } from "./actions";

export const metadata: Metadata = { title: "Välj lösenord", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function PasswordLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findPasswordToken(getDb(), token);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Välj lösenord</h1>
      {link ? (
        <>
          <p className="mt-2 text-slate-700">
            {link.purpose === "SETUP" ? "Välkommen till Årshjulet! " : ""}Välj ett lösenord för <strong>{link.email}</strong>. Länken fungerar en gång.
          </p>
          <NewPasswordForm action={setPasswordWithLinkAction} token={token} email={link.email} minLength={PASSWORD_MIN_LENGTH} submitText="Spara lösenordet" />
        </>
      ) : (
        <>
          <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-red-900">
            {LINK_INVALID}
          </p>
          <p className="mt-4">
            <Link href="/glomt-losenord" className="font-semibold text-blue-800 underline">
              Glömt lösenord?
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
