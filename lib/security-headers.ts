/**
 * The response headers every page and route gets (next.config.ts). The CSP limits what a page can be framed by,
 * embed and use as base; scripts stay as Next.js writes them (inline bootstrap), so script-src is not narrowed here.
 * HSTS only when the public address is https: on http it would be ignored, and on a test server it would stick.
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
