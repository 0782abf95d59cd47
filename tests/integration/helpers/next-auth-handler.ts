import { createRequire } from "node:module";
import path from "node:path";
import type { NextAuthOptions } from "next-auth";
import { DEMO_PASSWORD } from "@/lib/auth/demo-accounts";

// next-auth's core handler, which its Next.js route handler calls with the request (it does not export it).
type Internal = { body?: unknown; cookies?: { name: string; value: string }[]; redirect?: string; status?: number };
type Handler = (params: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<Internal>;
const require = createRequire(import.meta.url);
const { AuthHandler } = require(path.join(path.dirname(require.resolve("next-auth")), "core/index.js")) as { AuthHandler: Handler };
const headers = { host: "localhost:3000", "content-type": "application/x-www-form-urlencoded" };

/**
 * A credentials sign-in as the browser's signIn("credentials", { redirect: false }) posts it, through next-auth's own
 * handler with `options`: the URL it is sent on to, or `status N` when next-auth answers without one.
 */
export async function credentialsSignIn(options: NextAuthOptions, email: string, password = DEMO_PASSWORD): Promise<string> {
  const csrf = await AuthHandler({ req: { method: "GET", action: "csrf", headers, query: {}, cookies: {}, body: {} }, options });
  const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
  const cookie = csrf.cookies!.find((c) => c.name.includes("csrf-token"))!;
  const response = await AuthHandler({
    req: { method: "POST", action: "callback", providerId: "credentials", headers, query: {}, cookies: { [cookie.name]: cookie.value }, body: { csrfToken, email, password, json: "true" } },
    options,
  });
  return response.redirect ?? `status ${response.status}`;
}
