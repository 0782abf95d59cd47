import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NextAuthOptions } from "next-auth";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { credentialsSignIn } from "./helpers/next-auth-handler";

// Issue 31: AUTH_PASSWORD_SIGN_IN=off (and AUTH_BREAK_GLASS=on) through next-auth's own handler with our options,
// and the successful sign-in in the audit trail with its method.
vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-that-is-long-enough-for-next-auth");
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
vi.stubEnv("OIDC_ISSUER", "http://127.0.0.1:9/oidc");
vi.stubEnv("OIDC_CLIENT_ID", "arshjulet");
vi.stubEnv("OIDC_CLIENT_SECRET", "hemligt");
const session = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));

/** The options as the route builds them, with the environment as it is now (lib/env.ts reads it once per module load). */
async function optionsWith(passwordSignIn: "on" | "off", breakGlass: "on" | "off"): Promise<NextAuthOptions> {
  vi.stubEnv("AUTH_PASSWORD_SIGN_IN", passwordSignIn);
  vi.stubEnv("AUTH_BREAK_GLASS", breakGlass);
  vi.resetModules();
  const { buildAuthOptions } = await import("@/lib/auth/options");
  const { resolveOidcUser } = await import("@/lib/users/oidc");
  const { endSession, startSession } = await import("@/lib/users/sessions");
  return buildAuthOptions({ resolveOidcUser, startSession, endSession });
}

describe.each(DATABASE_KINDS)("password sign-in off on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    session.db = t.db;
  });
  afterAll(() => t?.close());

  const signIns = (email: string) => t.db.auditEntry.findMany({ where: { action: "session.start", actor: { email } } });

  it("with password sign-in on, a sign-in is audited with its method", async () => {
    const url = await credentialsSignIn(await optionsWith("on", "off"), "enhetschef@arshjulet.example");
    expect(url).not.toContain("error");
    expect((await signIns("enhetschef@arshjulet.example")).map((e) => e.after)).toEqual([{ metod: "lösenord" }]);
  });

  it("with AUTH_PASSWORD_SIGN_IN=off, has no credentials provider: a password POST is refused and nobody signs in", async () => {
    const options = await optionsWith("off", "off");
    expect(options.providers.map((p) => p.id)).toEqual(["kommun"]);
    for (const email of ["admin@arshjulet.example", "koordinator@arshjulet.example"]) {
      expect(await credentialsSignIn(options, email)).toBe("status 400");
      expect(await signIns(email)).toEqual([]);
    }
  });

  it("with AUTH_BREAK_GLASS=on as well, lets only an administrator in by password, audited as break-glass", async () => {
    const options = await optionsWith("off", "on");
    expect(new URL(await credentialsSignIn(options, "koordinator@arshjulet.example")).searchParams.get("error")).toBe("INVALID");
    expect(await signIns("koordinator@arshjulet.example")).toEqual([]);
    expect(await credentialsSignIn(options, "admin@arshjulet.example")).not.toContain("error");
    expect((await signIns("admin@arshjulet.example")).map((e) => e.after)).toEqual([{ metod: "nödinloggning" }]);
  });

  it("refuses to start with password sign-in off and no OIDC configured", async () => {
    vi.stubEnv("AUTH_PASSWORD_SIGN_IN", "off");
    vi.stubEnv("OIDC_ISSUER", "");
    vi.resetModules();
    const { getEnv } = await import("@/lib/env");
    expect(() => getEnv()).toThrow(/AUTH_PASSWORD_SIGN_IN=off kräver kommunens inloggning/);
    vi.stubEnv("OIDC_ISSUER", "http://127.0.0.1:9/oidc");
  });
});
