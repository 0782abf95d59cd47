import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { credentialsSignIn } from "./helpers/next-auth-handler";

// A control character in the sign-in e-mail, and error text in next-auth's URLs (issue 18, item 5): through
// next-auth's own handler with our options, against the test database.
vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-that-is-long-enough-for-next-auth");
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
const session = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));

const { authenticateWithPassword } = await import("@/lib/auth/credentials");
const { buildAuthOptions } = await import("@/lib/auth/options");
const { signInErrorRedirect, UNSUPPORTED_AUTH_REQUEST, withKnownSignInError, withKnownSignInErrors } = await import("@/lib/auth/error-codes");
const route = await import("@/app/api/auth/[...nextauth]/route");

const signInUrl = (email: string, password = DEMO_PASSWORD) => credentialsSignIn(buildAuthOptions(), email, password);

describe.each(DATABASE_KINDS)("sign-in errors on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    session.db = t.db;
  });
  afterAll(() => t?.close());

  it("refuses a control character in the e-mail before any query, and records no attempt", async () => {
    const before = await t.db.loginAttempt.count();
    for (const email of ["enhetschef@arshjulet.example\u0000", "a\u0000b@x.example", "enhet\u001bschef@arshjulet.example"]) {
      expect(await authenticateWithPassword(t.db, email, DEMO_PASSWORD, "10.0.0.1")).toEqual({ ok: false, reason: "INVALID_INPUT" });
    }
    expect(await t.db.loginAttempt.count()).toBe(before);
  });

  it("refuses a personnummer in the e-mail field and never stores it, but counts the attempt for the address", async () => {
    const before = await t.db.loginAttempt.count();
    expect(await authenticateWithPassword(t.db, "19450101-1235", DEMO_PASSWORD, "10.0.0.2")).toEqual({ ok: false, reason: "IDENTITY_NUMBER" });
    expect(await t.db.loginAttempt.count()).toBe(before + 1);
    expect(await t.db.loginAttempt.count({ where: { email: { contains: "1235" } } })).toBe(0);
    expect(await t.db.loginAttempt.count({ where: { ip: "10.0.0.2", success: false } })).toBe(1);
    expect(new URL(await signInUrl("450101-1235")).searchParams.get("error")).toBe("IDENTITY_NUMBER");
  });

  it("sends a sign-in with a NUL in the e-mail on with a known code, never the database's error text", async () => {
    const url = await signInUrl("enhetschef@arshjulet.example\u0000");
    expect(new URL(url).searchParams.get("error")).toBe("INVALID_INPUT");
    expect(url).not.toMatch(/prisma|22021|count\(/i);
    // …and a good sign-in still works.
    expect(await signInUrl("enhetschef@arshjulet.example")).not.toContain("error");
  });

  it("turns an unexpected failure of the sign-in into a known code, logging only its kind", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    // The database fails on every call the sign-in makes (the throttle reads counts and the latest attempt side by side).
    const fail = () => Promise.reject(new Error("Invalid `prisma.loginAttempt.count()` invocation: 22021 invalid byte sequence"));
    const failing = { loginAttempt: { count: fail, findFirst: fail } };
    session.db = failing;
    try {
      const url = await signInUrl("enhetschef@arshjulet.example");
      expect(new URL(url).searchParams.get("error")).toBe("UNAVAILABLE");
      expect(JSON.stringify(log.mock.calls)).not.toMatch(/prisma|22021|enhetschef/);
    } finally {
      session.db = t.db;
      log.mockRestore();
    }
  });
});

describe("next-auth's URLs carry only known error codes", () => {
  it("answers its error route with a redirect to our sign-in page, not a 500, whatever the link says", async () => {
    for (const [query, code] of [
      ["error=a%0Ab", "Default"],
      ["error=a%0D%0ASet-Cookie:%20x=1", "Default"],
      ["error=Invalid%20prisma.loginAttempt.count()", "Default"],
      ["error=AccessDenied", "AccessDenied"],
      ["", "Default"],
    ] as const) {
      const response = await route.GET(new Request(`http://localhost:3000/api/auth/error?${query}`), { params: Promise.resolve({ nextauth: ["error"] }) });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/logga-in?error=${code}`);
    }
    expect(signInErrorRedirect("http://localhost/api/auth/error?error=THROTTLED").headers.get("location")).toBe("/logga-in?error=THROTTLED");
  });

  it("answers what next-auth cannot serve with our 400, never its own 500 or text naming the library", async () => {
    // next-auth's own answers to a GET of the credentials callback (500) and to an unknown action (400); the route
    // itself is probed over HTTP by tests/e2e/http-probe.spec.ts.
    for (const [status, text] of [[500, "Error: Callback for provider type credentials not supported"], [400, "Error: This action with HTTP GET is not supported by NextAuth.js"]] as const) {
      const answer = await withKnownSignInErrors(new Response(text, { status, headers: { "content-type": "text/plain;charset=UTF-8", "set-cookie": "a=1" } }));
      expect(answer.status).toBe(400);
      expect(answer.headers.get("set-cookie")).toBe("a=1");
      expect(await answer.text()).toBe(`${UNSUPPORTED_AUTH_REQUEST}\n`);
    }
  });

  it("replaces any other error text in a redirect or a sign-in's JSON answer, keeping its cookies", async () => {
    expect(withKnownSignInError("http://localhost:3000/api/auth/error?error=Invalid%20%60prisma%60")).toBe("http://localhost:3000/api/auth/error?error=Default");
    expect(withKnownSignInError("/logga-in?error=INVALID")).toBe("/logga-in?error=INVALID");
    expect(withKnownSignInError("/logga-in?callbackUrl=%2F")).toBe("/logga-in?callbackUrl=%2F");

    const json = new Response(JSON.stringify({ url: "http://localhost:3000/api/auth/error?error=secret%20detail" }), { status: 401, headers: { "content-type": "application/json", "set-cookie": "a=1" } });
    const safe = await withKnownSignInErrors(json);
    expect(safe.status).toBe(401);
    expect(safe.headers.get("set-cookie")).toBe("a=1");
    expect(await safe.json()).toEqual({ url: "http://localhost:3000/api/auth/error?error=Default" });

    const redirect = new Response(null, { status: 302, headers: { location: "/api/auth/error?error=secret%0Adetail" } });
    expect((await withKnownSignInErrors(redirect)).headers.get("location")).toBe("/api/auth/error?error=Default");
  });
});
