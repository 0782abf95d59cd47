/**
 * Where the server's CPU time goes in a V8 CPU profile (`.cpuprofile`, written by `npm run load -- --profile <dir>`
 * through scripts/bench-cpu-profiler.mjs): each sample's time goes to a group (React SSR, React Flight, Next,
 * session/auth, proxy/middleware, Prisma/db, GC, our code by folder …). Bundled code (Next's runtime, the app's
 * Turbopack chunks) is resolved through its source maps, so that React inside Next's runtime and our modules inside a
 * chunk are told apart. A measurement tool: it prints figures and never fails on them.
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] };

export type Frame = { group: string; name: string; where: string; generic: boolean };
export type Summary = {
  totalMs: number;
  idleMs: number;
  /** Each sample's time to the innermost frame of a library or of our code (node internals and builtins count for their caller). */
  owners: { group: string; ms: number; inclusiveMs: number }[];
  /** Self time of single functions, the leaf frame of each sample. */
  functions: { name: string; where: string; group: string; ms: number }[];
};

const AUTH_PACKAGES = new Set(["next-auth", "jose", "@panva/hkdf", "openid-client", "oauth", "uuid", "cookie", "oidc-token-hash", "preact-render-to-string", "preact"]);
const DB_PACKAGES = new Set(["pg", "pg-protocol", "pg-types", "pg-pool", "pg-connection-string", "pgpass", "postgres-array", "postgres-bytea", "postgres-date", "postgres-interval", "pglite-prisma-adapter", "@electric-sql/pglite", "prisma"]);
// Our modules that every request passes through before or around its page (proxy.ts and the http.Server patches).
const PROXY_FILES = new Set(["proxy.ts", "instrumentation.ts", "lib/request-guard.ts", "lib/request-log.ts", "lib/security-headers.ts", "lib/auth/peer-header.ts", "lib/http-server-hooks.ts"]);

export const GROUPS = {
  reactSsr: "React SSR (react-dom/server)",
  flight: "React Flight (RSC render)",
  flightClient: "React Flight client (SSR reads RSC)",
  react: "React (core)",
  next: "Next",
  auth: "session/auth (next-auth, jose)",
  proxy: "proxy/middleware (proxy.ts, request hooks)",
  db: "Prisma/db",
  gc: "GC",
  program: "(program: V8/native)",
  idle: "(idle)",
  builtin: "V8 builtins",
} as const;

/** The package a path inside node_modules belongs to ("next", "@prisma/client"), and the rest of the path. */
function packageOf(modulePath: string): { name: string; rest: string } {
  const parts = modulePath.split("/");
  const scoped = parts[0]!.startsWith("@");
  const name = scoped ? `${parts[0]}/${parts[1]}` : parts[0]!;
  return { name, rest: parts.slice(scoped ? 2 : 1).join("/") };
}

/** The group of a source file, given relative to the project ("lib/auth/session.ts", "node_modules/next/dist/…"). */
export function groupOf(file: string): string {
  const at = file.lastIndexOf("node_modules/");
  if (at >= 0) {
    let { name, rest } = packageOf(file.slice(at + "node_modules/".length));
    // Next bundles React and others as next/dist/compiled/<package>.
    if (name === "next" && rest.startsWith("dist/compiled/")) {
      const inner = packageOf(rest.slice("dist/compiled/".length));
      if (/^(react|react-dom|react-server-dom-[a-z]+|scheduler)$/.test(inner.name)) ({ name, rest } = inner);
    }
    if (name === "react-dom") return /server/.test(rest) ? GROUPS.reactSsr : GROUPS.react;
    if (name.startsWith("react-server-dom-")) return /client/.test(rest) ? GROUPS.flightClient : GROUPS.flight;
    if (name === "react" || name === "scheduler") return GROUPS.react;
    if (name === "next" || name.startsWith("@next/")) return GROUPS.next;
    if (AUTH_PACKAGES.has(name)) return GROUPS.auth;
    if (DB_PACKAGES.has(name) || name.startsWith("@prisma/")) return GROUPS.db;
    return `npm: ${name}`;
  }
  if (PROXY_FILES.has(file)) return GROUPS.proxy;
  if (file.startsWith("scripts/")) return "measurement (scripts/)";
  const parts = file.split("/");
  if (parts[0] === "lib" || parts[0] === "components") return `app: ${parts.length > 2 ? parts.slice(0, 2).join("/") : file}`;
  if (parts[0] === "app") return `app: ${parts.slice(0, -1).join("/") || "app"}`;
  if (file.startsWith("[turbopack]") || file.includes("turbopack")) return GROUPS.next;
  return `other: ${parts[0]}`;
}

/** A Node.js internal module's group ("node:internal/crypto/hkdf" → node: crypto). */
export function nodeGroupOf(url: string): string {
  if (/crypto/.test(url)) return "node: crypto";
  if (/undici|fetch|webidl|formdata|headers|url/i.test(url)) return "node: fetch/URL (Request, Headers)";
  if (/_http|^node:http|net|dns|tcp|tls/.test(url)) return "node: http/net";
  if (/stream/.test(url)) return "node: streams";
  if (/async_hooks|async_local_storage|promise|timers|process\/task_queues/.test(url)) return "node: async/timers";
  if (/zlib/.test(url)) return "node: zlib";
  return "node: other";
}

type LoadedMap = { map: SourceMap; dir: string } | null;

/** Turns a profile's call frames into groups and readable names, reading each bundle's source map once. */
export class FrameResolver {
  private maps = new Map<string, LoadedMap>();
  private frames = new Map<string, Frame>();
  constructor(private root: string) {}

  private relative(file: string): string {
    const rel = path.relative(this.root, file);
    return rel.startsWith("..") ? file : rel.split(path.sep).join("/");
  }

  private sourceMapOf(file: string): LoadedMap {
    if (this.maps.has(file)) return this.maps.get(file)!;
    let loaded: LoadedMap = null;
    try {
      let mapFile = `${file}.map`;
      if (!existsSync(mapFile)) {
        const tail = readFileSync(file, "utf8").slice(-400);
        const named = /\/\/# sourceMappingURL=([^\s]+)\s*$/.exec(tail)?.[1];
        mapFile = named && !named.startsWith("data:") ? path.resolve(path.dirname(file), named) : "";
      }
      if (mapFile && existsSync(mapFile)) loaded = { map: new SourceMap(JSON.parse(readFileSync(mapFile, "utf8"))), dir: path.dirname(mapFile) };
    } catch {
      loaded = null;
    }
    this.maps.set(file, loaded);
    return loaded;
  }

  /** The original file of a source map's source, relative to the project where it can be. */
  private originalFile(source: string, mapDir: string): string {
    let s = source;
    try {
      s = decodeURIComponent(s); // Turbopack writes "[project]/app/%28app%29/…"
    } catch {
      // as it is
    }
    s = s.replace(/^webpack:\/\/next\/\.\//, "node_modules/next/").replace(/^webpack:\/\/next\//, "node_modules/next/");
    s = s.replace(/^(turbopack|webpack):\/\/\/?/, "");
    const project = s.indexOf("[project]/");
    if (project >= 0) return s.slice(project + "[project]/".length);
    const modules = s.lastIndexOf("node_modules/");
    if (modules >= 0) return s.slice(modules);
    if (s.startsWith("file://")) s = fileURLToPath(s);
    if (!path.isAbsolute(s) && !s.startsWith("[")) s = path.resolve(mapDir, s);
    return path.isAbsolute(s) ? this.relative(s) : s;
  }

  resolve(frame: CallFrame): Frame {
    const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}:${frame.functionName}`;
    const known = this.frames.get(key);
    if (known) return known;
    const resolved = this.compute(frame);
    this.frames.set(key, resolved);
    return resolved;
  }

  private compute({ functionName, url, lineNumber, columnNumber }: CallFrame): Frame {
    const name = functionName || "(anonymous)";
    if (!url) {
      if (functionName === "(garbage collector)") return { group: GROUPS.gc, name, where: "", generic: false };
      if (functionName === "(program)") return { group: GROUPS.program, name, where: "", generic: false };
      if (functionName === "(idle)") return { group: GROUPS.idle, name, where: "", generic: false };
      return { group: GROUPS.builtin, name, where: "", generic: true };
    }
    if (url.startsWith("node:")) return { group: nodeGroupOf(url), name, where: `${url}:${lineNumber + 1}`, generic: true };
    // Prisma's query compiler is the only WebAssembly the server runs.
    if (url.startsWith("wasm://")) return { group: GROUPS.db, name, where: "wasm", generic: false };
    const file = url.startsWith("file://") ? fileURLToPath(url) : url;
    const rel = this.relative(file);
    const map = path.isAbsolute(file) ? this.sourceMapOf(file) : null;
    if (map) {
      const entry = map.map.findEntry(lineNumber, columnNumber) as { originalSource?: string; originalLine?: number; name?: string };
      if (entry.originalSource) {
        const original = this.originalFile(entry.originalSource, map.dir);
        // A minified name says little: the source map's name at the function's position, else the minified one.
        const readable = functionName.length > 2 ? functionName : entry.name && entry.name.length > 2 ? entry.name : name;
        return { group: groupOf(original), name: readable, where: `${original}:${(entry.originalLine ?? 0) + 1}`, generic: false };
      }
    }
    return { group: groupOf(rel), name, where: `${rel}:${lineNumber + 1}`, generic: false };
  }
}

/** The groups and top functions of a profile; `root` is the project the server ran from. */
export function summarize(profile: CpuProfile, root: string, resolver = new FrameResolver(root)): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frameOf = new Map<number, Frame>();
  const frame = (id: number) => {
    let f = frameOf.get(id);
    if (!f) frameOf.set(id, (f = resolver.resolve(byId.get(id)!.callFrame)));
    return f;
  };
  // The owner of a node: its innermost frame that is not a node internal or a builtin (those count for their caller).
  const ownerOf = new Map<number, string>();
  const owner = (id: number): string => {
    const known = ownerOf.get(id);
    if (known) return known;
    let at: number | undefined = id;
    let found: string | undefined;
    while (at !== undefined && byId.get(at)!.callFrame.functionName !== "(root)") {
      const f = frame(at);
      if (!f.generic) {
        found = f.group;
        break;
      }
      at = parent.get(at);
    }
    const result = found ?? frame(id).group;
    ownerOf.set(id, result);
    return result;
  };
  const groupsOnStack = new Map<number, Set<string>>();
  const stackGroups = (id: number): Set<string> => {
    const known = groupsOnStack.get(id);
    if (known) return known;
    const up = parent.get(id);
    const set = new Set(up === undefined ? [] : stackGroups(up));
    // A node internal or builtin on the stack says nothing of its own (its caller is there already).
    if (byId.get(id)!.callFrame.functionName !== "(root)" && !frame(id).generic) set.add(frame(id).group);
    groupsOnStack.set(id, set);
    return set;
  };

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const owners = new Map<string, { ms: number; inclusiveMs: number }>();
  const functions = new Map<string, { name: string; where: string; group: string; ms: number }>();
  let total = 0;
  let idle = 0;
  let elapsed = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    elapsed += deltas[i] ?? 0;
    // DevTools' convention: a sample lasts until the next one is taken.
    const ms = (i + 1 < samples.length ? (deltas[i + 1] ?? 0) : Math.max(0, profile.endTime - elapsed)) / 1000;
    const id = samples[i]!;
    const leaf = frame(id);
    if (leaf.group === GROUPS.idle) {
      idle += ms;
      continue;
    }
    total += ms;
    const group = owner(id);
    const o = owners.get(group) ?? { ms: 0, inclusiveMs: 0 };
    o.ms += ms;
    owners.set(group, o);
    for (const g of stackGroups(id)) {
      const x = owners.get(g) ?? { ms: 0, inclusiveMs: 0 };
      x.inclusiveMs += ms;
      owners.set(g, x);
    }
    const key = `${leaf.name}|${leaf.where}`;
    const f = functions.get(key) ?? { name: leaf.name, where: leaf.where, group: leaf.group, ms: 0 };
    f.ms += ms;
    functions.set(key, f);
  }
  return {
    totalMs: total,
    idleMs: idle,
    owners: [...owners].map(([group, v]) => ({ group, ...v })).sort((a, b) => b.ms - a.ms || b.inclusiveMs - a.inclusiveMs),
    functions: [...functions.values()].sort((a, b) => b.ms - a.ms),
  };
}

const pct = (part: number, whole: number) => (whole > 0 ? ((100 * part) / whole).toFixed(1) : "0.0");

/**
 * The summary as text lines: the groups and the top functions, each with its share of the sampled time and, when
 * the CPU time per request is known (from /proc over the same requests), that share of it in ms. The profile's own
 * times are wall-clock between samples: on a busy machine they include time the server waited for a core.
 */
export function formatSummary(kind: string, requests: number, summary: Summary, cpuMsPerRequest: number | null, top = 15): string[] {
  const share = (ms: number) => (summary.totalMs > 0 ? ms / summary.totalMs : 0);
  const ms = (part: number) => (cpuMsPerRequest === null ? "–" : (share(part) * cpuMsPerRequest).toFixed(2));
  const lines = [
    `PROFILE kind=${kind} requests=${requests} cpu_ms_per_request=${cpuMsPerRequest?.toFixed(1) ?? "–"} sampled_ms_per_request=${(summary.totalMs / requests).toFixed(1)} ` +
      `(andel av proven; ms = andel × CPU-tiden ur /proc)`,
  ];
  lines.push(`  ${"grupp".padEnd(46)} ${"ms/förfr.".padStart(9)} ${"andel".padStart(6)} ${"inkl.".padStart(6)}`);
  for (const o of summary.owners.filter((o) => o.ms > 0 && (share(o.ms) >= 0.003 || share(o.inclusiveMs) >= 0.01))) {
    lines.push(`  ${o.group.padEnd(46)} ${ms(o.ms).padStart(9)} ${`${pct(o.ms, summary.totalMs)}%`.padStart(6)} ${`${pct(o.inclusiveMs, summary.totalMs)}%`.padStart(6)}`);
  }
  lines.push(`  topp ${top} efter egen tid:`);
  for (const f of summary.functions.slice(0, top)) {
    lines.push(`  ${`${pct(f.ms, summary.totalMs)}%`.padStart(6)} ${ms(f.ms).padStart(6)} ms  ${f.name.slice(0, 40).padEnd(40)} [${f.group}] ${f.where}`);
  }
  return lines;
}

export type Stretch = { startMs: number; ms: number; frames: { name: string; where: string; group: string; ms: number }[]; groups: { group: string; ms: number }[] };

/**
 * The longest runs of samples in which the thread never idled: what held the event loop while other requests waited
 * (issue 30, H8). A run may hold several tasks back to back (a stalled request answered right after), so each run
 * lists where its time went: the frames of our code and of libraries on the stack (inclusive) and the groups of the
 * leaves (self). `startMs` is from the profile's start.
 */
export function longStretches(profile: CpuProfile, root: string, minMs = 50, resolver = new FrameResolver(root)): Stretch[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frame = (id: number) => resolver.resolve(byId.get(id)!.callFrame);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const stretches: Stretch[] = [];
  let current: { startMs: number; ms: number; frames: Map<string, Stretch["frames"][number]>; groups: Map<string, number> } | null = null;
  const close = () => {
    if (current && current.ms >= minMs) {
      stretches.push({
        startMs: current.startMs,
        ms: current.ms,
        frames: [...current.frames.values()].sort((a, b) => b.ms - a.ms),
        groups: [...current.groups].map(([group, ms]) => ({ group, ms })).sort((a, b) => b.ms - a.ms),
      });
    }
    current = null;
  };
  let elapsed = 0;
  for (let i = 0; i < samples.length; i++) {
    elapsed += deltas[i] ?? 0;
    const ms = (i + 1 < samples.length ? (deltas[i + 1] ?? 0) : 0) / 1000;
    const id = samples[i]!;
    const leaf = frame(id);
    if (leaf.group === GROUPS.idle) {
      close();
      continue;
    }
    current ??= { startMs: elapsed / 1000, ms: 0, frames: new Map(), groups: new Map() };
    current.ms += ms;
    current.groups.set(leaf.group, (current.groups.get(leaf.group) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined && byId.get(at)!.callFrame.functionName !== "(root)"; at = parent.get(at)) {
      const f = frame(at);
      if (f.generic || f.group === GROUPS.next || f.group.startsWith("React")) continue;
      const k = `${f.name}|${f.where}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const entry = current.frames.get(k) ?? { name: f.name, where: f.where, group: f.group, ms: 0 };
      entry.ms += ms;
      current.frames.set(k, entry);
    }
  }
  close();
  return stretches.sort((a, b) => b.ms - a.ms);
}

/** The longest stretches as text lines: each with its top frames (inclusive) and leaf groups. */
export function formatStretches(stretches: Stretch[], shown = 5, frames = 10): string[] {
  const lines: string[] = [`  ${stretches.length} sträckor utan paus ≥ gränsen; längst: ${stretches.slice(0, 12).map((s) => s.ms.toFixed(0)).join(", ")} ms`];
  for (const s of stretches.slice(0, shown)) {
    lines.push(`  sträcka ${s.ms.toFixed(0)} ms vid ${(s.startMs / 1000).toFixed(2)} s; grupper: ${s.groups.slice(0, 5).map((g) => `${g.group} ${g.ms.toFixed(0)}`).join(", ")}`);
    for (const f of s.frames.slice(0, frames)) lines.push(`    ${f.ms.toFixed(0).padStart(5)} ms  ${f.name.slice(0, 40).padEnd(40)} [${f.group}] ${f.where}`);
  }
  return lines;
}
