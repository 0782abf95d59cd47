import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, sessionCookieValue } from "@/lib/auth/session-token";

const secret = "a-test-secret-of-enough-length-0123456789";
const claims = { uid: "user-1", sv: 3, sid: "session-1" };

describe("lib/auth/session-token.ts: next-auth's session cookie read without its request handler", () => {
  it("reads the claims of a token next-auth wrote, with the key derived once", async () => {
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    expect(await decodeSessionToken(token, secret)).toMatchObject(claims);
    // The second time with the kept key.
    expect(await decodeSessionToken(token, secret)).toMatchObject(claims);
  });

  it("refuses a token of another secret, an altered one and an expired one", async () => {
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    expect(await decodeSessionToken(token, `${secret}-other`)).toBeNull();
    // The key for the first secret again after another one was asked for.
    expect(await decodeSessionToken(token, secret)).toMatchObject(claims);
    const parts = token.split(".");
    const ciphertext = parts[3]!;
    parts[3] = (ciphertext[0] === "A" ? "B" : "A") + ciphertext.slice(1);
    expect(await decodeSessionToken(parts.join("."), secret)).toBeNull();
    expect(await decodeSessionToken("not-a-token", secret)).toBeNull();
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    expect(await decodeSessionToken(expired, secret)).toBeNull();
  });

  it("joins a cookie split into chunks in their order, and ignores other cookies", () => {
    const name = "next-auth.session-token";
    expect(sessionCookieValue([{ name: "other", value: "x" }], name)).toBeUndefined();
    expect(sessionCookieValue([{ name, value: "whole" }, { name: "next-auth.csrf-token", value: "c" }], name)).toBe("whole");
    const chunks = [
      { name: `${name}.1`, value: "b" },
      { name: `${name}.10`, value: "d" },
      { name: `${name}.0`, value: "a" },
      { name: `${name}.2`, value: "c" },
      { name: `${name}-other`, value: "no" },
      { name: `${name}.x`, value: "no" },
    ];
    expect(sessionCookieValue(chunks, name)).toBe("abcd");
  });
});
