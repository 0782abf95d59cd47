/**
 * next-auth's sign-in and sign-out endpoints, called from the browser the way next-auth/react's signIn and signOut
 * call them (a CSRF token from /api/auth/csrf, then a form POST with json=true that answers with the address to go
 * to). next-auth/react itself, with the Babel helpers it is compiled with, was about 12 kB gzip of JavaScript on every
 * page because the header's sign-out button imported it (issue 35, docs/prestanda.md). The app has no
 * SessionProvider, so nothing of next-auth/react's client session state is lost.
 */
const BASE = "/api/auth";

export type AuthAnswer = { ok: boolean; status: number; /** Where next-auth sends the browser; on a refusal it carries ?error=. */ url: string | null };

/** POST `fields` to /api/auth/<path> with a fresh CSRF token. */
export async function postToAuth(path: string, fields: Record<string, string>): Promise<AuthAnswer> {
  const { csrfToken } = (await (await fetch(`${BASE}/csrf`)).json()) as { csrfToken: string };
  const response = await fetch(`${BASE}/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken, json: "true" }),
  });
  const data = (await response.json().catch(() => ({}))) as { url?: unknown };
  return { ok: response.ok, status: response.status, url: typeof data.url === "string" ? data.url : null };
}

/** The error code next-auth put in its answer's address (?error=INVALID), or null. */
export function authError(answer: AuthAnswer): string | null {
  if (!answer.url) return answer.ok ? null : "UNAVAILABLE";
  return new URL(answer.url, window.location.href).searchParams.get("error");
}

/** Goes where next-auth's answer says (or to `fallback`), as next-auth/react does after a redirecting call. */
export function followAuth(answer: AuthAnswer, fallback: string) {
  const url = answer.url ?? fallback;
  window.location.href = url;
  // An address with a hash does not load a new page by itself.
  if (url.includes("#")) window.location.reload();
}
