import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveAuthSecret } from "@/lib/auth/secret";
import type { Env } from "@/lib/env";

const parent = mkdtempSync(path.join(tmpdir(), "arshjulet-secret-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));
const envFor = (dir: string) => ({ PGLITE_DATA_DIR: path.join(parent, dir), NODE_ENV: "production" }) as unknown as Env;

describe("resolveAuthSecret (issue 30)", () => {
  it("keeps the embedded database's secret inside its data directory, one per instance", () => {
    const a = resolveAuthSecret(envFor("a"));
    const b = resolveAuthSecret(envFor("b"));
    expect(a).not.toBe(b);
    expect(existsSync(path.join(parent, "a", "nextauth-secret"))).toBe(true);
    expect(existsSync(path.join(parent, "nextauth-secret"))).toBe(false);
    expect(resolveAuthSecret(envFor("a"))).toBe(a);
  });

  it("takes NEXTAUTH_SECRET when it is set", () => {
    expect(resolveAuthSecret({ ...envFor("c"), NEXTAUTH_SECRET: "s".repeat(40) } as Env)).toBe("s".repeat(40));
  });
});
