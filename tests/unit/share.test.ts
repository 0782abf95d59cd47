import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { isFrameAncestorList } from "@/lib/env";
import { FRAMED_ELSEWHERE_SOURCE, isSharedPath, sharedPageHeaders, SHARED_VIEW_HEADER } from "@/lib/security-headers";
import { allowShareRequest, resetShareThrottle, SHARE_THROTTLE, shareThrottleSize } from "@/lib/share/throttle";
import { proxy } from "@/proxy";

describe("SHARE_FRAME_ANCESTORS", () => {
  it.each(["*", "'self'", "'none'", "https:", "https://intranat.kommun.se", "https://*.kommun.se:8443 'self'", "http://127.0.0.1:6300"])("accepts %s", (value) => {
    expect(isFrameAncestorList(value)).toBe(true);
  });
  it.each([
    "", " ", "*; script-src *", "https://a.se;", "https://a.se, https://b.se", "https://a.se/sida", "https://a.se?x=1", "'unsafe-inline'", "'none' https://a.se",
    "javascript:", "https://a.se\nX-Frame-Options: ALLOW", "\"https://a.se\"", "https://", "ftp://a.se",
  ])("refuses %j", (value) => {
    expect(isFrameAncestorList(value)).toBe(false);
  });
});

describe("the share page's headers", () => {
  it("drop X-Frame-Options and the baseline policy, and send no referrer and noindex", () => {
    const headers = Object.fromEntries(sharedPageHeaders("https://arshjulet.kommun.se").map((h) => [h.key, h.value]));
    expect(headers["X-Frame-Options"]).toBeUndefined();
    expect(headers["Content-Security-Policy"]).toBeUndefined();
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(headers["X-Robots-Tag"]).toContain("noindex");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Strict-Transport-Security"]).toBeDefined();
  });

  it("are for /delad/… alone; next.config.ts's source leaves out exactly that path", () => {
    const source = new RegExp(`^${FRAMED_ELSEWHERE_SOURCE.replace("/:path", "/")}$`);
    for (const path of ["/", "/arshjul", "/arshjul/dela", "/delad", "/deladx/a", "/kalender/abc", "/api/health", "/_next/static/a.js"]) {
      expect(isSharedPath(path), path).toBe(false);
      expect(source.test(path), path).toBe(true);
    }
    expect(isSharedPath("/delad/abc")).toBe(true);
    expect(source.test("/delad/abc")).toBe(false);
  });
});

describe("proxy on the share page", () => {
  afterEach(() => resetShareThrottle());
  const run = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { headers }));

  it("allows framing by SHARE_FRAME_ANCESTORS on /delad/… and marks the request for the layout", async () => {
    const response = await run("/delad/abc");
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors \*$/);
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get(`x-middleware-request-${SHARED_VIEW_HEADER}`)).toBe("1");
  });

  it("keeps frame-ancestors 'none' elsewhere, and a client cannot claim the share page's view", async () => {
    for (const path of ["/", "/arshjul/dela", "/delad", "/logga-in"]) {
      const response = await run(path, { [SHARED_VIEW_HEADER]: "1" });
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get(`x-middleware-request-${SHARED_VIEW_HEADER}`), path).toBeNull();
    }
  });

  it("answers 429 in Swedish once a token has had its requests, and only for that token", async () => {
    for (let i = 0; i < SHARE_THROTTLE.limit; i++) expect((await run("/delad/abc")).status).not.toBe(429);
    const refused = await run("/delad/abc");
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("För många förfrågningar");
    expect(refused.headers.get("retry-after")).toBe("60");
    expect((await run("/delad/def")).status).not.toBe(429);
  });
});

describe("allowShareRequest", () => {
  afterEach(() => resetShareThrottle());
  it("counts per token in a window, and starts again after it", () => {
    const start = 1_000_000;
    for (let i = 0; i < SHARE_THROTTLE.limit; i++) expect(allowShareRequest("a", start + i)).toBe(true);
    expect(allowShareRequest("a", start + 500)).toBe(false);
    expect(allowShareRequest("b", start + 500)).toBe(true);
    expect(allowShareRequest("a", start + SHARE_THROTTLE.windowSeconds * 1000)).toBe(true);
  });

  it("forgets old windows rather than growing without bound", () => {
    for (let i = 0; i < SHARE_THROTTLE.maxTokens + 50; i++) allowShareRequest(`t${i}`, 0);
    expect(shareThrottleSize()).toBe(SHARE_THROTTLE.maxTokens);
    // Once their window is over, a new token clears them all out.
    allowShareRequest("later", SHARE_THROTTLE.windowSeconds * 1000);
    expect(shareThrottleSize()).toBe(1);
  });
});
