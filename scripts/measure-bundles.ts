/**
 * First-load JavaScript per page, gzip (issue 35: ≤ 150 kB on every page). `next build` in Next 16 no longer prints it.
 *
 *   node --import tsx scripts/measure-bundles.ts [--dist .next] [--detail /oversikt]
 *     From the build alone, no server: per page, the build's rootMainFiles (React, React DOM, Next's router and the
 *     Turbopack runtime, loaded on every page) plus every chunk of the page's entries (its layouts, error, not-found,
 *     global-error and the page itself) in .next/server/app/…/page_client-reference-manifest.js, each gzipped here
 *     (level 6, as `next start` compresses). The polyfill chunk is left out: it is loaded with `nomodule`, so no
 *     browser that runs modules fetches it. `--detail PAGE` lists that page's chunks and the largest modules of each.
 *
 *   node --import tsx scripts/measure-bundles.ts --browser --base http://127.0.0.1:6400
 *     In Chromium (/usr/bin/chromium, cache off), against a running demo (`ARSHJULET_TODAY=2026-12-06 PORT=6400
 *     PGLITE_DATA_DIR=/tmp/x/demo npm start`), signed in as the demo role that uses each page: the JavaScript the
 *     browser fetches until the page is loaded and the network is idle: the gzip bodies (js_gzip_kb), the same with
 *     the responses' headers (js_transferred_kb, about 0.7 kB a script) and decoded.
 *
 * Prints figures; never fails on them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const argument = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

type Manifest = { entryJSFiles?: Record<string, string[]> };

function manifestsOf(dir: string): { page: string; file: string }[] {
  const found: { page: string; file: string }[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page_client-reference-manifest.js") {
        const route = path.relative(path.join(dir, "server/app"), path.dirname(full)).split(path.sep);
        // Route groups, (app) and (auth), are not part of the address.
        const page = "/" + route.filter((part) => !(part.startsWith("(") && part.endsWith(")"))).join("/");
        found.push({ page, file: full });
      }
    }
  };
  walk(path.join(dir, "server/app"));
  return found.sort((a, b) => a.page.localeCompare(b.page));
}

function readManifest(file: string): Manifest {
  const sandbox = { globalThis: { __RSC_MANIFEST: {} as Record<string, Manifest> } };
  // The manifest is a script that assigns to globalThis.__RSC_MANIFEST[route].
  new Function("globalThis", readFileSync(file, "utf8"))(sandbox.globalThis);
  return Object.values(sandbox.globalThis.__RSC_MANIFEST)[0] ?? {};
}

const gzipCache = new Map<string, { raw: number; gzip: number }>();
function sizeOf(dir: string, chunk: string) {
  const cached = gzipCache.get(chunk);
  if (cached) return cached;
  const body = readFileSync(path.join(dir, chunk.replace(/^\/?_next\//, "")));
  const size = { raw: body.length, gzip: gzipSync(body, { level: 6 }).length };
  gzipCache.set(chunk, size);
  return size;
}

/** The largest top-level modules of a Turbopack chunk, by their source length (a heuristic split on module ids). */
function largestModules(source: string, count: number): string[] {
  const starts = [...source.matchAll(/[,[](\d{2,7}),(?:e=>|t=>|\(e,t,r\)=>|\(e,t\)=>)/g)].map((m) => ({ id: m[1]!, at: m.index }));
  const sized = starts.map((s, i) => ({ ...s, length: (starts[i + 1]?.at ?? source.length) - s.at }));
  return sized
    .sort((a, b) => b.length - a.length)
    .slice(0, count)
    .map((m) => `      ${String(m.length).padStart(7)} B  ${source.slice(m.at + 1, m.at + 110).replace(/\s+/g, " ")}`);
}

function fromBuild() {
  const dir = path.resolve(root, argument("dist", process.env.NEXT_DIST_DIR || ".next"));
  if (!existsSync(path.join(dir, "build-manifest.json"))) throw new Error(`Inget bygge i ${dir}: kör npm run build först.`);
  const build = JSON.parse(readFileSync(path.join(dir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const detail = argument("detail", "");
  const rootSize = build.rootMainFiles.reduce((n, c) => n + sizeOf(dir, c).gzip, 0);
  console.log(`# ${dir}`);
  console.log(`# rootMainFiles (varje sida): ${build.rootMainFiles.length} chunkar, ${kb(rootSize)} kB gzip; polyfill (nomodule, räknas inte): ${build.polyfillFiles.join(", ")}`);
  const rows: { page: string; gzip: number; raw: number; own: number; chunks: string[] }[] = [];
  for (const { page, file } of manifestsOf(dir)) {
    const manifest = readManifest(file);
    const entryChunks = [...new Set(Object.values(manifest.entryJSFiles ?? {}).flat())].filter((c) => !build.rootMainFiles.includes(c));
    const chunks = [...build.rootMainFiles, ...entryChunks];
    const sizes = chunks.map((c) => sizeOf(dir, c));
    rows.push({
      page,
      gzip: sizes.reduce((n, s) => n + s.gzip, 0),
      raw: sizes.reduce((n, s) => n + s.raw, 0),
      own: entryChunks.reduce((n, c) => n + sizeOf(dir, c).gzip, 0),
      chunks,
    });
  }
  for (const r of rows.sort((a, b) => b.gzip - a.gzip)) {
    console.log(`BUNDLE page=${r.page} first_load_gzip_kb=${kb(r.gzip)} decoded_kb=${kb(r.raw)} beyond_root_gzip_kb=${kb(r.own)} chunks=${r.chunks.length}`);
    if (r.page === detail) {
      for (const c of r.chunks) {
        const s = sizeOf(dir, c);
        console.log(`  ${c}  ${kb(s.gzip)} kB gzip, ${kb(s.raw)} kB${build.rootMainFiles.includes(c) ? " (rootMainFiles)" : ""}`);
        console.log(largestModules(readFileSync(path.join(dir, c.replace(/^\/?_next\//, "")), "utf8"), 6).join("\n"));
      }
    }
  }
}

/** Which demo account opens each page in the browser mode (null: signed out). */
const BROWSER_PAGES: { path: string; as: string | null }[] = [
  { path: "/logga-in", as: null },
  { path: "/", as: "enhetschef" },
  { path: "/checklista", as: "enhetschef" },
  { path: "/brukarbrev", as: "enhetschef" },
  { path: "/arshjul", as: "verksamhetschef" },
  { path: "/oversikt", as: "verksamhetschef" },
  { path: "/brukarbrev/oversikt", as: "verksamhetschef" },
  { path: "/resultat", as: "verksamhetschef" },
  { path: "/rutiner", as: "utvecklare" },
  { path: "/cykler", as: "utvecklare" },
  { path: "/admin/organisation", as: "admin" },
  { path: "/admin/anvandare", as: "admin" },
];

async function inBrowser() {
  const { chromium } = await import("@playwright/test");
  const base = argument("base", "http://127.0.0.1:6400");
  const password = process.env.DEMO_PASSWORD ?? "Demo-arshjulet-2026";
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    for (const { path: address, as } of BROWSER_PAGES) {
      const context = await browser.newContext();
      if (as) {
        // next-auth's own sign-in endpoint, as tests/e2e/sign-in.setup.ts does.
        const { csrfToken } = (await (await context.request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
        const answer = await context.request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken, email: `${as}@arshjulet.example`, password, json: "true" } });
        if (!answer.ok()) throw new Error(`Inloggningen som ${as} misslyckades (HTTP ${answer.status()}).`);
      }
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      const scripts = new Map<string, { url: string; encoded: number; body: number; decoded: number }>();
      cdp.on("Network.responseReceived", (e: { requestId: string; type: string; response: { url: string } }) => {
        if (e.type === "Script") scripts.set(e.requestId, { url: e.response.url, encoded: 0, body: 0, decoded: 0 });
      });
      cdp.on("Network.dataReceived", (e: { requestId: string; dataLength: number; encodedDataLength: number }) => {
        const s = scripts.get(e.requestId);
        if (!s) return;
        s.decoded += e.dataLength;
        s.body += e.encodedDataLength;
      });
      cdp.on("Network.loadingFinished", (e: { requestId: string; encodedDataLength: number }) => {
        const s = scripts.get(e.requestId);
        if (s) s.encoded = e.encodedDataLength;
      });
      const response = await page.goto(`${base}${address}`, { waitUntil: "networkidle" });
      const landed = new URL(page.url()).pathname;
      const all = [...scripts.values()];
      const encoded = all.reduce((n, s) => n + s.encoded, 0);
      const body = all.reduce((n, s) => n + s.body, 0);
      const decoded = all.reduce((n, s) => n + s.decoded, 0);
      console.log(
        `BUNDLE browser page=${address} js_gzip_kb=${kb(body)} js_transferred_kb=${kb(encoded)} js_decoded_kb=${kb(decoded)} scripts=${all.length} status=${response?.status()}` +
          `${landed !== address ? ` landed=${landed}` : ""} as=${as ?? "utloggad"}`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

await (process.argv.includes("--browser") ? inBrowser() : fromBuild());
