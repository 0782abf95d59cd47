import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/security-headers";

const asObject = (url: string | undefined) => Object.fromEntries(securityHeaders(url).map((h) => [h.key, h.value]));

describe("securityHeaders", () => {
  it("forbids framing, plugins and a foreign base, and sniffing", () => {
    const headers = asObject("http://localhost:3000");
    expect(headers["Content-Security-Policy"]).toBe("frame-ancestors 'none'; object-src 'none'; base-uri 'self'");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("same-origin");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });

  it("adds HSTS when the public address is https", () => {
    expect(asObject("https://arshjulet.kommun.se")["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(asObject(undefined)["Strict-Transport-Security"]).toBeUndefined();
  });
});
