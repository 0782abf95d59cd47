"use server";

import { signedOutFormAction } from "@/lib/actions";
import type { FormState } from "@/lib/forms";
import { getDb } from "@/lib/db";
import { setPasswordWithToken } from "@/lib/users/password-tokens";

/** Sets the password through a single-use link (from npm run setup, Glömt lösenord or admin:reset-password). */
export const setPasswordWithLinkAction = signedOutFormAction<FormState>(async ({ data }) =>
  setPasswordWithToken(getDb(), { token: data.get("token"), password: data.get("password"), passwordRepeat: data.get("passwordRepeat") }),
);
