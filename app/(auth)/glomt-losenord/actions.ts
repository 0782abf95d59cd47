"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { signedOutFormAction } from "@/lib/actions";
import { clientAddress } from "@/lib/auth/client-address";
import { PEER_HEADER } from "@/lib/auth/peer-header";
import { getDb } from "@/lib/db";
import { getEnv, passwordSignIn } from "@/lib/env";
import type { FormState } from "@/lib/forms";
import { createSmtpMailer } from "@/lib/reminders/mail";
import { requestPasswordReset } from "@/lib/users/password-tokens";
import { passwordOffText } from "@/lib/users/sign-in-texts";

/** "Glömt lösenord?": the same answer for every address; the e-mail goes out after the answer, so its time tells nothing. */
export const requestPasswordResetAction = signedOutFormAction<FormState>(async ({ data }) => {
  const env = getEnv();
  // AUTH_PASSWORD_SIGN_IN=off: no password to forget, and no link goes out.
  if (passwordSignIn(env) !== "on") return { ok: false, message: passwordOffText(env.OIDC_DISPLAY_NAME) };
  const address = async () => {
    const h = await headers();
    return clientAddress(h.get(PEER_HEADER) ?? undefined, h.get("x-forwarded-for") ?? undefined, env.TRUSTED_PROXIES);
  };
  const { result, mail } = await requestPasswordReset(getDb(), { email: data.get("email") }, address, env.NEXTAUTH_URL ?? "http://localhost:3000");
  if (mail) {
    after(async () => {
      if (!env.SMTP_URL) return console.error("Glömt lösenord: ingen e-post skickades, SMTP_URL är inte satt.");
      const mailer = createSmtpMailer(env.SMTP_URL, env.MAIL_FROM);
      // The error's kind only: never whom the message was for.
      await mailer.send(mail).catch((error: unknown) => console.error("Glömt lösenord: e-posten kunde inte skickas:", error instanceof Error ? error.name : typeof error));
      mailer.close();
    });
  }
  return result;
});
