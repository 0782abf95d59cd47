/**
 * The response headers every page and route gets (next.config.ts). This baseline CSP limits what a page can be framed
 * by, embed and use as base; the full policy with script nonces (contentSecurityPolicy) is set per request by
 * proxy.ts, and a browser enforces both. HSTS only when the public address is https: on http it would be ignored,
 * and on a test server it would stick.
 */
/** The share page's path (issue 33): the one route that may be framed, by SHARE_FRAME_ANCESTORS. */
export const SHARED_PATH_PREFIX = "/delad/";

/** The request header by which the root layout knows the share page (app/layout.tsx); proxy.ts alone sets it. */
export const SHARED_VIEW_HEADER = "x-arshjulet-shared-view";

/** Whether a path is the share page's, which proxy.ts answers with its own framing policy. */
export function isSharedPath(pathname: string): boolean {
  return pathname.startsWith(SHARED_PATH_PREFIX);
}

/**
 * next.config.ts's source for the baseline headers: every path but the share page's (path-to-regexp with a
 * lookahead), which gets the same headers from proxy.ts without X-Frame-Options and with its own frame-ancestors.
 */
export const FRAMED_ELSEWHERE_SOURCE = "/:path((?!delad/).*)";

/** The share page's headers: the baseline's, but framing left to the policy's frame-ancestors, and no referrer. */
export function sharedPageHeaders(publicUrl: string | undefined): { key: string; value: string }[] {
  return [
    ...securityHeaders(publicUrl).filter((h) => h.key !== "Content-Security-Policy" && h.key !== "X-Frame-Options" && h.key !== "Referrer-Policy"),
    // The token is in the address: no Referer leaves the page, and search engines keep out.
    { key: "Referrer-Policy", value: "no-referrer" },
    { key: "X-Robots-Tag", value: "noindex, nofollow" },
  ];
}

export function securityHeaders(publicUrl: string | undefined): { key: string; value: string }[] {
  const headers = [
    { key: "Content-Security-Policy", value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  ];
  if (publicUrl?.startsWith("https://")) headers.push({ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" });
  return headers;
}

/**
 * The full Content-Security-Policy of a response, as Next.js documents it for nonces (proxy.ts sets it per request,
 * and Next.js puts the nonce on its own scripts): everything from this site only, scripts only with this request's
 * nonce (and what they load, 'strict-dynamic'). Without a nonce (an answer of proxy.ts itself), no script at all.
 * Styles may be inline: React writes style attributes (the wheel, progress bars), which a nonce cannot cover.
 * Development needs 'unsafe-eval' for React's error overlay.
 */
export function contentSecurityPolicy(nonce: string | null, { development = false, frameAncestors = "'none'" }: { development?: boolean; frameAncestors?: string } = {}): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}` : "'none'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}
