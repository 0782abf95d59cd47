import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findProductionWarnings } from "@/lib/auth/production-guard";
import type { Env } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "../..");

describe("configuration read once (issue 29, item 7)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "arshjulet-env-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // In a child process: the .env files go into process.env, which this test process must not get.
  function startConfigFrom(envLocal: string, extra: Record<string, string> = {}) {
    writeFileSync(path.join(dir, ".env.local"), envLocal);
    const script = `import { loadEnvFiles, serverStartConfig } from ${JSON.stringify(path.join(root, "scripts/env-files.ts"))};
      loadEnvFiles(${JSON.stringify(dir)});
      const { port, env } = serverStartConfig(process.env);
      console.log(JSON.stringify({ port, url: env.NEXTAUTH_URL }));`;
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production" as const, ...extra };
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, env, encoding: "utf8" });
    return JSON.parse(out.trim()) as { port: string; url: string };
  }

  it("honours PORT and NEXTAUTH_URL from .env.local in what npm start gives next start", () => {
    expect(startConfigFrom("PORT=4105\nNEXTAUTH_URL=https://arshjulet.kommun.example\n")).toEqual({ port: "4105", url: "https://arshjulet.kommun.example" });
    // Without NEXTAUTH_URL, it follows the port from the file.
    expect(startConfigFrom("PORT=4106\n")).toEqual({ port: "4106", url: "http://localhost:4106" });
    // The environment wins over the file, as for next start.
    expect(startConfigFrom("PORT=4106\n", { PORT: "4107" })).toEqual({ port: "4107", url: "http://localhost:4107" });
    // Three Node processes with tsx: seconds each on a busy machine.
  }, 60_000);

  it("has every command's entry point load the .env files before any other module", () => {
    for (const entry of ["start", "serve", "db", "reminders", "kolada", "setup", "reset-password"]) {
      const text = readFileSync(path.join(root, "scripts", `${entry}.ts`), "utf8");
      const firstImport = text.match(/^import\s+(?:[^"']*from\s+)?["']([^"']+)["']/m)?.[1];
      expect(firstImport, `scripts/${entry}.ts`).toBe("./load-env.ts");
    }
    // Nothing else loads them a second time, differently.
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    for (const name of ["start", "db:migrate", "db:seed", "setup", "reminders", "kolada", "admin:reset-password"]) {
      expect(pkg.scripts[name], name).toMatch(/^node --import tsx scripts\/[\w-]+\.ts/);
    }
  });

  it("warns in production about values left from .env.example", () => {
    const env = { NODE_ENV: "production", DATABASE_URL: "postgresql://x@127.0.0.1/y", MAIL_FROM: "Årshjulet <arshjulet@localhost>", ACCESSIBILITY_CONTACT_EMAIL: "tillganglighet@arshjulet.example" } as Env;
    const warnings = findProductionWarnings(env);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^ACCESSIBILITY_CONTACT_EMAIL/);
    expect(warnings[1]).toMatch(/^MAIL_FROM/);
    expect(findProductionWarnings({ ...env, MAIL_FROM: "Årshjulet <arshjulet@kommun.se>", ACCESSIBILITY_CONTACT_EMAIL: "tillganglighet@kommun.se" })).toEqual([]);
    expect(findProductionWarnings({ ...env, DATABASE_URL: undefined })).toEqual([]);
  });
});

describe("the demo only where it belongs (issue 29, item 1)", () => {
  it("puts the demo into the embedded database only, and into PostgreSQL only on request, never in production", async () => {
    const { demoSeedRefusal, prepareSeedsDemo } = await import("@/lib/setup/demo");
    const pg = "postgresql://x@127.0.0.1/y";
    expect(prepareSeedsDemo({ DATABASE_URL: undefined })).toBe(true);
    expect(prepareSeedsDemo({ DATABASE_URL: pg })).toBe(false);
    expect(demoSeedRefusal({ DATABASE_URL: undefined, NODE_ENV: "development" }, { demo: false })).toBeNull();
    expect(demoSeedRefusal({ DATABASE_URL: pg, NODE_ENV: "development" }, { demo: false })).toMatch(/--demo/);
    expect(demoSeedRefusal({ DATABASE_URL: pg, NODE_ENV: "development" }, { demo: true })).toBeNull();
    expect(demoSeedRefusal({ DATABASE_URL: pg, NODE_ENV: "production" }, { demo: true })).toMatch(/aldrig in i drift/);
    expect(demoSeedRefusal({ DATABASE_URL: undefined, NODE_ENV: "production" }, { demo: true })).toMatch(/aldrig in i drift/);
  });
});
