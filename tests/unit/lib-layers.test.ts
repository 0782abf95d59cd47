import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The areas of lib/ (lib/<area>/… or lib/<area>.ts) depend on each other only downwards: no import cycle between areas.
const LIB = path.join(import.meta.dirname, "../../lib");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const areaOf = (file: string) => path.relative(LIB, file).split(path.sep)[0]!.replace(/\.tsx?$/, "");

/** Area → the other lib areas its modules import (type-only imports count too). */
function areaGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(LIB)) {
    const from = areaOf(file);
    const edges = graph.get(from) ?? graph.set(from, new Set()).get(from)!;
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)) {
      const target = specifier!.startsWith("@/lib/") ? path.join(LIB, specifier!.slice(5)) : specifier!.startsWith(".") ? path.resolve(path.dirname(file), specifier!) : null;
      if (!target || path.relative(LIB, target).startsWith("..")) continue;
      const to = areaOf(target);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle found by a depth-first walk, as a path "a → b → a". */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const walk = (node: string, trail: string[]) => {
    const at = trail.indexOf(node);
    if (at >= 0) return void found.push([...trail.slice(at), node].join(" → "));
    if (done.has(node)) return;
    for (const next of graph.get(node) ?? []) walk(next, [...trail, node]);
    done.add(node);
  };
  for (const node of [...graph.keys()].sort()) walk(node, []);
  return found;
}

describe("lib areas", () => {
  it("finds the areas' imports", () => {
    const graph = areaGraph();
    expect(graph.get("cycles")).toContain("auth");
    expect(graph.get("routines")).toContain("cycles");
  });

  it("have no import cycle between them", () => {
    expect(cycles(areaGraph())).toEqual([]);
  });

  it("would report a cycle", () => {
    const graph = new Map([["a", new Set(["b"])], ["b", new Set(["c"])], ["c", new Set(["a"])]]);
    expect(cycles(graph)).toEqual(["a → b → c → a"]);
  });
});
