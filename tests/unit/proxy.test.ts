import { describe, expect, it } from "vitest";
import { requestProblem } from "@/proxy";
import { contentSecurityPolicy } from "@/lib/security-headers";

const at = (path: string, init: RequestInit = {}) => requestProblem(new Request(`http://arshjulet.test${path}`, init));
const action = (body: BodyInit, type: string | null, extra: Record<string, string> = {}) =>
  at("/rutiner", { method: "POST", body, headers: { "next-action": "abc", ...(type ? { "content-type": type } : {}), ...extra } });

// Issue 30, H5 and H7: what Next.js cannot decode is answered by proxy.ts, never by a 500.
describe("proxy: requests the app cannot read", () => {
  it.each(["/rutiner/%ZZ", "/rutiner/%", "/rutiner/%FF", "/resultat/enhet/%00/excel", "/rutiner/%00/version/1/export", "/logg?enhet=%00", "/logg/excel?anvandare=%00", "/logg?enhet=%FF", "/logg?%ZZ=1", "/rutiner/a%EF%BF%BFb"])(
    "refuses %s with 400",
    async (path) => {
      expect(await at(path)).toMatchObject({ status: 400 });
    },
  );

  it.each(["/", "/rutiner/brukarbrev/version/2", "/logg?enhet=abc&fran=2026-01-01", "/kalender?q=%C3%A5r+2026", "/rutiner/%C3%A5"])("lets %s through", async (path) => {
    expect(await at(path)).toBeNull();
  });

  it.each(["TRACE", "PROPFIND", "PUT", "DELETE", "PATCH"])("refuses the method %s with 405", async (method) => {
    // undici's Request refuses to make a TRACE request: the proxy reads only these three fields before the method.
    const request = { method, url: "http://arshjulet.test/", headers: new Headers() } as unknown as Request;
    expect(await requestProblem(request)).toMatchObject({ status: 405 });
  });

  it("refuses an action body it cannot decode with 400", async () => {
    expect(await action("not json", "text/plain;charset=UTF-8")).toMatchObject({ status: 400 });
    expect(await action(new Uint8Array([0xff, 0xfe, 0x5b, 0x5d]), "text/plain")).toMatchObject({ status: 400 });
    expect(await action("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n", "multipart/form-data")).toMatchObject({ status: 400 });
    expect(await action("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1", "multipart/form-data; boundary=x")).toMatchObject({ status: 400 });
    expect(await action("--x\r\nContent-Disposition: form-data; name=\"a\u0001b\"\r\n\r\n1\r\n--x--\r\n", "multipart/form-data; boundary=x")).toMatchObject({ status: 400 });
  });

  it("refuses an action body over the limit with 413", async () => {
    expect(await action("x".repeat(2_000_001), "text/plain")).toMatchObject({ status: 413 });
  });

  it("lets a readable action body through", async () => {
    expect(await action('["$K1"]', "text/plain;charset=UTF-8")).toBeNull();
    expect(await action("--x\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nhej\r\n--x--\r\n", "multipart/form-data; boundary=x")).toBeNull();
  });
});

describe("contentSecurityPolicy", () => {
  it("allows only this site, and scripts only with the request's nonce", () => {
    const policy = contentSecurityPolicy("bm9uY2U=");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy(null)).toContain("script-src 'none'");
  });
});
