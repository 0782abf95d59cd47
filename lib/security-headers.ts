/**
 * The response headers every page and route gets (next.config.ts). This baseline CSP limits what a page can be framed
 * by, embed and use as base; the full policy with script nonces (contentSecurityPolicy) is set per request by
 * proxy.ts, and a browser enforces both. HSTS only when the public address is https: on http it would be ignored,
 * and on a test server it would stick.
 */
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
export function contentSecurityPolicy(nonce: string | null, { development = false }: { development?: boolean } = {}): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}` : "'none'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
