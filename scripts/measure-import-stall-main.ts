/**
 * How long other database work waits while a 10 000-row results import is written (issue 30, H8): on a fresh embedded
 * database (PGlite, one connection, as a demo or small kommun runs it), writes 10 000 values, then the same 10 000
 * again (all replaced), while a loop runs a light query every 20 ms as a page request would, and prints the p50, p95
 * and max of that loop's waits during each write. A measurement, not a test: run it on one commit and another.
 *   PGLITE_DATA_DIR=/tmp/matning node --import tsx scripts/db.ts prepare
 *   PGLITE_DATA_DIR=/tmp/matning node --import tsx scripts/measure-import-stall.ts
 */
import { performance } from "node:perf_hooks";
import { createDb } from "../lib/db/index.ts";
import { writeResults } from "../lib/results/mutations.ts";
import type { ParsedResult } from "../lib/results/import.ts";

// A demo database prepared first: PGLITE_DATA_DIR=/tmp/x node --import tsx scripts/db.ts prepare
const dataDir = process.env.PGLITE_DATA_DIR;
if (!dataDir) throw new Error("Ange PGLITE_DATA_DIR för en förberedd demodatabas (scripts/db.ts prepare).");
const db = createDb({ kind: "pglite", dataDir });
const organisation = await db.organisation.findFirstOrThrow();
const indicators = await db.indicator.findMany({ where: { organisationId: organisation.id } });
const units = await db.unit.findMany({ where: { area: { organisationId: organisation.id } } });
const rows: ParsedResult[] = [];
outer: for (let year = 1950; year <= 2100; year++) {
  for (const indicator of indicators) {
    for (const unit of units) {
      rows.push({ line: rows.length + 2, indicatorId: indicator.id, indicatorName: indicator.name, year, level: "UNIT", unitId: unit.id, placeName: unit.name, levelKey: unit.id, value: 50 + (rows.length % 50), respondents: 30, responseRate: 0.5 });
      if (rows.length === 10_000) break outer;
    }
  }
}
await db.surveyResult.deleteMany({});

async function measure(label: string) {
  const waits: number[] = [];
  let running = true;
  const probe = (async () => {
    while (running) {
      const start = performance.now();
      await db.$queryRaw`SELECT 1`;
      waits.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const start = performance.now();
  const result = await writeResults(db, { organisationId: organisation.id, importedById: null, fileName: "matning.csv", format: "mall", source: "file", rows });
  const took = performance.now() - start;
  running = false;
  await probe;
  const sorted = waits.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  console.log(`${label}: ${result.ok ? `${result.created} nya, ${result.replaced} ersatta` : result.message}; skrivningen ${took.toFixed(0)} ms; väntan för en annan fråga p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${sorted.length} frågor)`);
}
await measure("10 000 nya värden");
await measure("10 000 ersatta värden");
await db.$disconnect();
