/**
 * The only error codes a sign-in URL may carry (`/logga-in?error=…`): next-auth's own and our authorize's. next-auth
 * puts a thrown error's message into the URL (`/api/auth/error?error=<message>`) and echoes the `error` parameter
 * of its error route into a Location header, where a line break gives a 500; so every other value becomes "Default".
 */
export const SIGN_IN_ERROR_CODES = [
  // lib/auth/credentials.ts
  "INVALID",
  "THROTTLED",
  "INVALID_INPUT",
  "IDENTITY_NUMBER",
  "UNAVAILABLE",
  // lib/users/oidc.ts (the municipality's provider)
  "OidcUnknown",
  "OidcUnverified",
  "OidcDomain",
  // next-auth v4
  "Configuration",
  "AccessDenied",
  "Verification",
  "Default",
  "Signin",
  "OAuthSignin",
  "OAuthCallback",
  "OAuthCreateAccount",
  "EmailCreateAccount",
  "Callback",
  "OAuthAccountNotLinked",
  "EmailSignin",
  "CredentialsSignin",
  "SessionRequired",
] as const;
export type SignInErrorCode = (typeof SIGN_IN_ERROR_CODES)[number];

/** A known code as it is, anything else (a message, a line break, a long text) as "Default". */
export function knownSignInError(value: unknown): SignInErrorCode {
  return (SIGN_IN_ERROR_CODES as readonly unknown[]).includes(value) ? (value as SignInErrorCode) : "Default";
}

/** A URL (absolute or a path) with its `error` parameter replaced by a known code; other URLs unchanged. */
export function withKnownSignInError(url: string): string {
  const base = "http://arshjulet.invalid";
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return url;
  }
  const error = parsed.searchParams.get("error");
  if (error === null || knownSignInError(error) === error) return url;
  parsed.searchParams.set("error", "Default");
  return parsed.origin === base && !/^[a-z][a-z0-9+.-]*:/i.test(url) ? `${parsed.pathname}${parsed.search}${parsed.hash}` : parsed.toString();
}

/** What a request next-auth cannot serve gets instead of its own text ("Error: This action with HTTP GET is not supported by NextAuth.js"). */
export const UNSUPPORTED_AUTH_REQUEST = "Felaktig begäran: inloggningen kan inte svara på den här adressen.";

/**
 * next-auth's answer with any error text in its redirect (a Location header, or the JSON `url` a `redirect: false`
 * sign-in gets) replaced by a known code, cookies and status kept. Its plain-text errors (a GET of the credentials
 * callback gave a 500, an unknown action a 400, each naming the library) become a 400 with our own words.
 */
export async function withKnownSignInErrors(response: Response): Promise<Response> {
  if (response.status >= 400 && response.headers.get("content-type")?.startsWith("text/plain")) {
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    headers.set("content-type", "text/plain; charset=utf-8");
    return new Response(`${UNSUPPORTED_AUTH_REQUEST}\n`, { status: 400, headers });
  }
  const location = response.headers.get("location");
  if (location !== null) {
    const safe = withKnownSignInError(location);
    if (safe === location) return response;
    const headers = new Headers(response.headers);
    headers.set("location", safe);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  if (!response.headers.get("content-type")?.includes("application/json")) return response;
  const body: unknown = await response.clone().json().catch(() => null);
  if (typeof body !== "object" || body === null || !("url" in body) || typeof body.url !== "string") return response;
  const safe = withKnownSignInError(body.url);
  if (safe === body.url) return response;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify({ ...body, url: safe }), { status: response.status, statusText: response.statusText, headers });
}

/** next-auth's error route, answered by us: to the sign-in page with a known code, never the text of the link. */
export function signInErrorRedirect(requestUrl: string): Response {
  const code = knownSignInError(new URL(requestUrl).searchParams.get("error"));
  return new Response(null, { status: 302, headers: { location: `/logga-in?error=${code}` } });
}
