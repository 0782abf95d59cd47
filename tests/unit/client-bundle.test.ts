import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What a client component imports, all the way down, is shipped to every browser that opens its page. A server-side
// library there (zod with its messages, date-fns with its English default locale, next-auth/react with its Babel
// helpers, exceljs, Prisma) cost 8–330 kB of gzip JavaScript per page before issue 35 (docs/prestanda.md). Server
// actions ("use server") are references, not code, on the client: the walk stops at them.
const ROOT = path.join(import.meta.dirname, "../..");
/** The packages a client module may reach; anything else fails this test until it is added here on purpose. */
const ALLOWED_PACKAGES = new Set(["react", "react-dom", "next/link", "next/navigation"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const directive = (source: string, name: string) => new RegExp(`^(?:\\s*//[^\\n]*\\n|\\s*/\\*[\\s\\S]*?\\*/)*\\s*["']${name}["']`).test(source);

type Files = { read: (file: string) => string; isFile: (file: string) => boolean };
const disk: Files = { read: (f) => readFileSync(f, "utf8"), isFile: (f) => existsSync(f) && statSync(f).isFile() };

/** A local file for "@/x", "./x" or "../x" (with or without its extension), or the package's name. */
function resolve(from: string, specifier: string, files: Files): { file: string } | { pkg: string } {
  const local = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!local) return { pkg: specifier };
  const file = [local, `${local}.ts`, `${local}.tsx`, path.join(local, "index.ts")].find(files.isFile);
  if (!file) throw new Error(`${path.relative(ROOT, from)}: finner inte ${specifier}`);
  return { file };
}

/** The modules a source imports at run time: type-only imports and exports are left out. */
function runtimeImports(file: string, source: string, files: Files): ({ file: string } | { pkg: string })[] {
  const found: ({ file: string } | { pkg: string })[] = [];
  for (const [, typeOnly, specifier] of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^;"']*?\s+from\s+)?["']([^"']+)["']/gm)) {
    if (!typeOnly) found.push(resolve(file, specifier!, files));
  }
  return found;
}

/** For one module, every package reached through its run-time imports, with the chain that reaches it. */
function packagesReached(entry: string, files: Files = disk): Map<string, string> {
  const reached = new Map<string, string>();
  const seen = new Set<string>();
  const walk = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = files.read(file);
    if (trail.length > 0 && directive(source, "use server")) return;
    for (const target of runtimeImports(file, source, files)) {
      const chain = [...trail, path.relative(ROOT, file)];
      if ("pkg" in target) {
        if (!reached.has(target.pkg)) reached.set(target.pkg, [...chain, target.pkg].join(" → "));
      } else walk(target.file, chain);
    }
  };
  walk(entry, []);
  return reached;
}

const clientModules = () =>
  ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(ROOT, dir))).filter((file) => directive(readFileSync(file, "utf8"), "use client"));

describe("client components", () => {
  it("are found", () => {
    const names = clientModules().map((f) => path.relative(ROOT, f));
    expect(names).toContain("components/dashboard/coverage-grid.tsx");
    expect(names).toContain("components/auth/sign-out-button.tsx");
  });

  it("reach no server-side or heavy package (zod, date-fns, next-auth, exceljs, Prisma …)", () => {
    const problems = clientModules().flatMap((file) => [...packagesReached(file)].filter(([pkg]) => !ALLOWED_PACKAGES.has(pkg)).map(([, chain]) => chain));
    expect(problems).toEqual([]);
  });

  it("would report a package behind a local module, and stop at a server action", () => {
    const sources: Record<string, string> = {
      [path.join(ROOT, "components/x.tsx")]: `"use client";\nimport { a } from "./y";\nimport type { Z } from "zod";\nimport { act } from "./actions";`,
      [path.join(ROOT, "components/y.ts")]: `import { format } from "date-fns";\nexport const a = 1;`,
      [path.join(ROOT, "components/actions.ts")]: `"use server";\nimport { z } from "zod";`,
    };
    const reached = packagesReached(path.join(ROOT, "components/x.tsx"), { read: (f) => sources[f]!, isFile: (f) => f in sources });
    expect([...reached.keys()]).toEqual(["date-fns"]);
    expect(reached.get("date-fns")).toBe("components/x.tsx → components/y.ts → date-fns");
  });
});
