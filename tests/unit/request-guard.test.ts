import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressDecodesCleanly, installRequestGuard } from "@/lib/request-guard";

// Issue 30, H7: what the guard answers before Next.js sees the request, on a real Node server with a raw client (the
// address sent byte for byte), and the security headers on what the app behind it answers of its own.
describe("the request guard in front of Next.js", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    class Guarded extends http.Server {}
    installRequestGuard(Guarded.prototype, "http://arshjulet.test");
    // The "app": a bare 308 without headers, as Next.js answers `//x` before our proxy runs.
    server = new Guarded((_req, res) => {
      res.statusCode = 308;
      res.setHeader("Location", "/x");
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (method: string, path: string) =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method, path }, (res) => {
        res.resume();
        res.on("end", () => resolve(res));
      });
      req.on("error", reject);
      req.end();
    });

  it.each(["/logga-in?x=%FF", "/logga-in?x=%ZZ", "/logga-in?x=%", "/logg?enhet=%C0%AF", "/logg?enhet=%ED%A0%80", "/rutiner/a%0Ab", "/rutiner/%09", "/x?a=%EF%BF%BF"])("answers %s with 400 and our headers", async (path) => {
    const res = await send("GET", path);
    expect(res.statusCode).toBe(400);
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["content-security-policy"]).toContain("script-src 'none'");
  });

  it.each(["TRACE", "PROPFIND", "PUT"])("answers %s with 405", async (method) => {
    expect((await send(method, "/")).statusCode).toBe(405);
  });

  it("lets a clean address through, and the app's own answer carries our headers", async () => {
    const res = await send("GET", "//evil.example");
    expect(res.statusCode).toBe(308);
    for (const header of ["content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy", "permissions-policy"]) expect(res.headers[header]).toBeTruthy();
  });

  it.each(["/", "/rutiner/%C3%A5", "/kalender?q=%C3%A5r+2026", "/logg?enhet=abc&fran=2026-01-01&x"])("reads %s as clean", (path) => {
    expect(addressDecodesCleanly(path)).toBe(true);
  });
});
