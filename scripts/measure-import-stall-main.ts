/**
 * How a large results import stalls everyone else (issue 30, H8, deliverable 4): on the production build (`next start`)
 * with a fresh embedded demo database (PGlite, as a demo or a small kommun runs it), a verksamhetsutvecklare confirms a
 * 10 000-row results file in Chromium, through the real form, twice (10 000 new values, then the same file again: 10 000
 * replaced). Meanwhile a loop starts a `GET /logga-in` every 100 ms, whether the one before has answered or not, as
 * other people's browsers would. Prints the sign-in page's p50, p95 and max before any import and during each
 * confirmation, with the machine's load. A measurement, not a test: run it on one build and another.
 *   node --import tsx scripts/measure-import-stall.ts [--port 6710] [--dist .next]
 * `--dist` names another build directory (NEXT_DIST_DIR at `next build`), e.g. one built from the code before a change.
 * `--what review`: a kvalitetshandläggare imports a 5 000-case list and draws the sample instead; `--what organisation`:
 * an administratör previews and imports an Användare sheet of 2 000 new users with a role each.
 * `--profile <dir>`: each measured step runs under the server's CPU profiler as well (scripts/bench-cpu-profiler.mjs,
 * at port + 1): one <dir>/<step>.cpuprofile each, and the longest stretches in which the server never idled, with
 * where their time went (scripts/cpu-profile-summary.ts). The profiler slows the server: its figures are for finding
 * the stretches, not for comparing builds.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import { SEED_INDICATORS } from "../prisma/seed/results.ts";
import { DEMO_ORGANISATION, DEMO_USERS } from "../prisma/seed/demo-organisation.ts";
import { DEMO_PASSWORD } from "../lib/auth/demo-accounts.ts";
import { argument, machine, newSecret, percentile, root, startServer } from "./bench-support.ts";
import { FrameResolver, formatStretches, longStretches, type CpuProfile } from "./cpu-profile-summary.ts";

const port = Number(argument("port", "6710"));
const dist = argument("dist", process.env.NEXT_DIST_DIR || ".next");
const what = argument("what", "results");
const profileDir = argument("profile", "");
const profilePort = port + 1;
if (!["results", "review", "organisation"].includes(what)) throw new Error("--what ska vara results, review eller organisation.");
const TODAY = "2026-11-20";
const ROWS = 10_000;
const CASES = 5000;
const USERS = 2000;
const PROBE_EVERY_MS = 100;

/** 10 000 distinct (indicator, place, year) rows of the import template, years from 2000 up. */
function resultsFile(): string {
  const places = [...DEMO_ORGANISATION.areas.flatMap((a) => a.units), "Kommunen", "Riket"];
  const rows: string[] = [];
  for (let year = 2000; rows.length < ROWS; year++) {
    for (const indicator of SEED_INDICATORS) for (const place of places) if (rows.length < ROWS) rows.push(`${indicator.key};${place};${year};${50 + (rows.length % 50)};30;50`);
  }
  return `indikator;enhet;år;värde;antal_svar;svarsfrekvens\n${rows.join("\n")}\n`;
}

/** Starts a GET /logga-in every PROBE_EVERY_MS until stopped; the answer times in ms, slowest included. */
function probe(base: string) {
  const times: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const timer = setInterval(() => {
    const start = performance.now();
    // A request that gets no answer (undici gives up connecting after 10 s) counts with the time it waited.
    pending.push(
      fetch(`${base}/logga-in`)
        .then(async (r) => {
          await r.arrayBuffer();
          if (!r.ok) failed++;
        })
        .catch(() => void failed++)
        .finally(() => void times.push(performance.now() - start)),
    );
  }, PROBE_EVERY_MS);
  return async () => {
    clearInterval(timer);
    await Promise.all(pending);
    if (failed > 0) console.log(`${failed} av ${times.length} förfrågningar fick inget svar eller ett fel.`);
    return times.sort((a, b) => a - b);
  };
}

const row = (label: string, times: number[], extra = "") =>
  `| ${label} | ${times.length} | ${percentile(times, 50).toFixed(0)} | ${percentile(times, 95).toFixed(0)} | ${times.at(-1)!.toFixed(0)} |${extra}`;

const dataDir = mkdtempSync(path.join(os.tmpdir(), "arshjulet-import-stall-"));
const env = { PGLITE_DATA_DIR: dataDir, ARSHJULET_TODAY: TODAY, NEXT_DIST_DIR: dist };
const prepared = spawnSync(process.execPath, ["--import", "tsx", "scripts/db.ts", "prepare"], { cwd: root, env: { ...process.env, ...env, DATABASE_URL: "" }, encoding: "utf8" });
if (prepared.status !== 0) throw new Error(`Demodatabasen kunde inte förberedas:\n${prepared.stdout}${prepared.stderr}`);
const server = await startServer("", port, newSecret(), { env, profilePort: profileDir ? profilePort : undefined });
if (profileDir) mkdirSync(profileDir, { recursive: true });
/** Starts or stops the server's CPU profiler; stop answers the profile. */
const profiler = async (action: "start" | "stop") => (await fetch(`http://127.0.0.1:${profilePort}/${action}`, { method: "POST" })).text();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  console.log(`Bygget ${dist} (${what}), port ${port}; ${machine()}`);
  const page = await browser.newPage({ locale: "sv-SE" });
  page.setDefaultTimeout(300_000);
  const role = what === "review" ? "KVALITETSHANDLAGGARE" : what === "organisation" ? "ADMIN" : "VERKSAMHETSUTVECKLARE";
  const user = DEMO_USERS.find((u) => u.roles.some((r) => r.role === role))!;
  await page.goto(`${server.base}/logga-in`);
  await page.getByLabel("E-postadress").fill(user.email);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await page.getByRole("button", { name: "Logga ut" }).waitFor();

  // Warm: the sign-in page and the import page compiled and cached as in a running service.
  for (let i = 0; i < 20; i++) await (await fetch(`${server.base}/logga-in`)).arrayBuffer();
  const quiet = probe(server.base);
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const lines = ["| `GET /logga-in` | förfrågningar | p50 ms | p95 ms | max ms | importen tar |", "|---|---|---|---|---|---|", `${row("utan import", await quiet())} – |`];

  const resolver = new FrameResolver(root);
  /** Runs one confirmation while the probe runs and adds its line. */
  const during = async (label: string, confirm: () => Promise<void>, done: () => Promise<void>) => {
    if (profileDir) await profiler("start");
    const probing = probe(server.base);
    const start = performance.now();
    await confirm();
    await done();
    const took = performance.now() - start;
    lines.push(`${row(label, await probing())} ${(took / 1000).toFixed(1).replace(".", ",")} s |`);
    if (profileDir) {
      const profile = JSON.parse(await profiler("stop")) as CpuProfile;
      const file = path.join(profileDir, `${what}-${lines.length - 3}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      console.log(`${label} (${file}):\n${formatStretches(longStretches(profile, root, 50, resolver)).join("\n")}`);
    }
  };
  if (what === "results") {
    const file = Buffer.from(resultsFile(), "utf8");
    for (const label of ["under import, 10 000 nya värden", "under import, 10 000 ersatta värden"]) {
      await page.goto(`${server.base}/resultat/importera`);
      await page.locator('input[type="file"]').setInputFiles({ name: "matning.csv", mimeType: "text/csv", buffer: file });
      // The preview parses the file too: measured on its own line.
      await during(`${label}: förhandsgranskning`, () => page.getByRole("button", { name: "Förhandsgranska" }).click(), () => page.getByRole("button", { name: /^Importera [\d\s\u00a0]+ rader$/ }).waitFor());
      const confirm = page.getByRole("button", { name: /^Importera [\d\s\u00a0]+ rader$/ });
      await during(label, () => confirm.click(), () => page.getByRole("status").filter({ hasText: "Klart:" }).waitFor());
    }
  } else if (what === "review") {
    const areas = DEMO_ORGANISATION.areas.map((a) => a.name);
    const cases = Array.from({ length: CASES }, (_, i) => `ÄR-2030-${String(i + 1).padStart(5, "0")};${areas[i % areas.length]};nej;nej;nej;nej`);
    await page.goto(`${server.base}/kvalitetsgranskning/importera`);
    await page.getByLabel("Granskningsår").fill("2030");
    await page.locator('input[type="file"]').setInputFiles({ name: "arenden.csv", mimeType: "text/csv", buffer: Buffer.from(`arende;omrade;endast_trygghetslarm;nyligen_avslutat;demensdiagnos;anhoriganstallning\n${cases.join("\n")}\n`, "utf8") });
    await during(`under import av ${CASES} ärenden`, () => page.getByRole("button", { name: "Importera ärendelistan" }).click(), () => page.getByRole("status").filter({ hasText: "importerades" }).waitFor());
    await page.goto(`${server.base}/kvalitetsgranskning/2030`);
    page.once("dialog", (dialog) => void dialog.accept());
    // Drawn, the page shows the sample instead of the draw form (and with it the form's status message), as in review.spec.ts.
    await during(`under dragning bland ${CASES} ärenden`, () => page.getByRole("button", { name: "Dra urvalet" }).click(), () => page.getByRole("heading", { level: 2, name: "Urvalet" }).waitFor());
  } else {
    const users = Array.from({ length: USERS }, (_, i) => `person${i + 1}@exempel.example;Person ${i + 1};Koordinator;Lärkan`);
    await page.goto(`${server.base}/admin/organisation`);
    await page.locator('input[type="file"]').setInputFiles({ name: "anvandare.csv", mimeType: "text/csv", buffer: Buffer.from(`E-post;Namn;Roll;Gäller\n${users.join("\n")}\n`, "utf8") });
    await during(`under förhandsgranskning av ${USERS} användare`, () => page.getByRole("button", { name: "Förhandsgranska" }).click(), () => page.getByRole("button", { name: "Importera", exact: true }).waitFor());
    await during(`under import av ${USERS} användare`, () => page.getByRole("button", { name: "Importera", exact: true }).click(), () => page.getByText("Importen är klar").first().waitFor());
  }
  console.log(lines.join("\n"));
  console.log(`Efteråt: ${machine()}`);
} finally {
  await browser.close();
  server.process.kill("SIGTERM");
  await new Promise((resolve) => server.process.once("exit", resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
