import { NextResponse, type NextRequest } from "next/server";
import { answerUnavailable } from "./lib/db/availability.ts";
import { getEnv } from "./lib/env.ts";
import { hasControlCharacter } from "./lib/forms.ts";
import { addressDecodesCleanly, ALLOWED_METHODS } from "./lib/request-guard.ts";
import { contentSecurityPolicy, isSharedPath, securityHeaders, sharedPageHeaders, SHARED_PATH_PREFIX, SHARED_VIEW_HEADER } from "./lib/security-headers.ts";
import { allowShareRequest } from "./lib/share/throttle.ts";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/uploads.ts";

/**
 * Runs before every request (Next.js 16's proxy, once called middleware). It is no protection of data (every page,
 * action and query checks the user itself); it does two things for every response:
 * - answers input that Next.js itself cannot decode, before Next's own error path (a 500 without our headers,
 *   issue 30, H5 and H7): an odd method (405), a path or query with malformed percent-encoding, invalid UTF-8 or a
 *   control character (400), and a server action's body that cannot be read (400) or is too large (413);
 * - sets the Content-Security-Policy with a fresh nonce (lib/security-headers.ts), as Next.js documents it: Next.js
 *   reads the nonce from the request's policy and puts it on its own scripts.
 * - while a page has found the database unreachable, answers page views 503 "Årshjulet är tillfälligt
 *   otillgängligt", letting one through per second to try again (lib/db/availability.ts, issue 34). Pages are therefore rendered per
 *   request (app/layout.tsx waits for the connection).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const refusal = await requestProblem(request);
  if (refusal) return refuse(refusal);
  if (isPageView(request) && answerUnavailable()) return unavailable();
  const shared = isSharedPath(request.nextUrl.pathname);
  // The share page (issue 33): throttled per token, before the page reads the database.
  if (shared && !allowShareRequest(request.nextUrl.pathname.slice(SHARED_PATH_PREFIX.length).split("/")[0]!)) return tooManyRequests();
  const env = getEnv();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  // Only the share page may be framed, by SHARE_FRAME_ANCESTORS; every other response keeps 'none' (and next.config.ts's X-Frame-Options).
  const policy = contentSecurityPolicy(nonce, { development: env.NODE_ENV === "development", frameAncestors: shared ? env.SHARE_FRAME_ANCESTORS : "'none'" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  // The root layout leaves out the menu and footer on the share page; only this proxy may say so.
  headers.delete(SHARED_VIEW_HEADER);
  if (shared) headers.set(SHARED_VIEW_HEADER, "1");
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  if (shared) for (const { key, value } of sharedPageHeaders(env.NEXTAUTH_URL)) response.headers.set(key, value);
  return response;
}

export const config = {
  // Everything but Next's own static files (built, never decoded from a request's input).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

type Problem = { status: 400 | 405 | 413; message: string };

const BAD_REQUEST: Problem = { status: 400, message: "Felaktig begäran: adressen eller formuläret kunde inte läsas." };

/** Why a request cannot be answered by the app, or null. Exported for tests/unit/proxy.test.ts. */
export async function requestProblem(request: Request): Promise<Problem | null> {
  if (!ALLOWED_METHODS.has(request.method)) return { status: 405, message: "Metoden stöds inte." };
  const url = new URL(request.url);
  if (!addressDecodesCleanly(`${url.pathname}${url.search}`)) return BAD_REQUEST;
  if (request.method === "POST" && request.headers.has("next-action")) return actionBodyProblem(request);
  return null;
}

/**
 * A server action's body as Next.js will decode it: a multipart form with its boundary, complete, and field names
 * without control characters; or React's JSON reply. Its size within the action limit (next.config.ts).
 */
async function actionBodyProblem(request: Request): Promise<Problem | null> {
  const tooLarge: Problem = { status: 413, message: "Formuläret är för stort." };
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES) return tooLarge;
  const body = await request.clone().arrayBuffer();
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return tooLarge;
  const type = request.headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(type)) {
    if (!/;\s*boundary=/i.test(type)) return BAD_REQUEST;
    try {
      const form = await new Response(body, { headers: { "content-type": type } }).formData();
      for (const name of form.keys()) if (hasControlCharacter(name)) return BAD_REQUEST;
    } catch {
      return BAD_REQUEST;
    }
    return null;
  }
  if (/^application\/x-www-form-urlencoded/i.test(type)) return null;
  try {
    JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return BAD_REQUEST;
  }
  return null;
}

function refuse({ status, message }: Problem): NextResponse {
  const response = new NextResponse(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  for (const { key, value } of securityHeaders(getEnv().NEXTAUTH_URL)) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", contentSecurityPolicy(null));
  if (status === 405) response.headers.set("Allow", [...ALLOWED_METHODS].join(", "));
  return response;
}

/** A share link asked for too often (lib/share/throttle.ts). */
function tooManyRequests(): NextResponse {
  const response = new NextResponse("För många förfrågningar till den här länken. Vänta en minut och försök igen.\n", {
    status: 429,
    headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "60", "cache-control": "no-store" },
  });
  for (const { key, value } of sharedPageHeaders(getEnv().NEXTAUTH_URL)) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", contentSecurityPolicy(null, { frameAncestors: getEnv().SHARE_FRAME_ANCESTORS }));
  return response;
}

/** A browser asking for a page (not an API, a file or a server action), which the outage page may answer. */
function isPageView(request: Request): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const { pathname } = new URL(request.url);
  return !pathname.startsWith("/api/") && !pathname.startsWith("/_next/") && !/\.[a-z0-9]+$/i.test(pathname);
}

/**
 * The outage page: HTML without scripts, with the app's look in an inline style (the policy allows inline styles, so no
 * nonce is needed) as components/ui/service-unavailable.tsx shows it inside the app, our headers and Retry-After.
 */
function unavailable(): NextResponse {
  const style =
    "body{margin:0;background:#f8fafc;color:#0f172a;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"Noto Sans\",\"DejaVu Sans\",sans-serif;line-height:1.5;-webkit-font-smoothing:antialiased}" +
    "header{background:#fff;border-bottom:1px solid #e2e8f0}header p{margin:0 auto;max-width:72rem;padding:.75rem 1rem;font-weight:600;font-size:1.125rem}" +
    "main{margin:0 auto;max-width:72rem;padding:1.5rem 1rem}" +
    "div{border:1px solid #fcd34d;background:#fffbeb;border-radius:.25rem;padding:1rem}" +
    "h1{margin:0;font-size:1.25rem;line-height:1.75rem;font-weight:600;color:#451a03}div p{margin:.5rem 0 0}" +
    "@media (min-width:640px){header p,main{padding-left:1.5rem;padding-right:1.5rem}}";
  const html =
    '<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>Årshjulet är tillfälligt otillgängligt</title><style>${style}</style></head><body><header><p>Årshjulet</p></header><main>` +
    '<div role="alert"><h1>Årshjulet är tillfälligt otillgängligt</h1>' +
    "<p>Tjänsten kan inte nå sin databas just nu. Du är inte utloggad och inget av det du sparat har försvunnit. " +
    "Ladda om sidan om en stund; kvarstår felet, kontakta kommunens IT-support.</p></div></main></body></html>\n";
  const response = new NextResponse(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8", "retry-after": "5", "cache-control": "no-store" } });
  for (const { key, value } of securityHeaders(getEnv().NEXTAUTH_URL)) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", contentSecurityPolicy(null));
  return response;
}
