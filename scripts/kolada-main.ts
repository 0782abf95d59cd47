/**
 * `npm run kolada -- --year 2025`: fetches the year's values of the mapped indicators from Kolada (KOLADA_BASE_URL) for
 * every verksamhet with a Kolada municipality id, and writes them directly, all or nothing per verksamhet, as the
 * import page's confirm does. Meant for cron or a systemd timer. Exit 0: every verksamhet was written; 1: something
 * failed (and for that verksamhet nothing was written).
 */
import { parseArgs } from "node:util";
import { getDb } from "../lib/db/index.ts";
import { plural } from "../lib/plural.ts";
import { KOLADA_SOURCE_LABEL, runKoladaJob } from "../lib/results/kolada-import.ts";

const USAGE = "Ange året: npm run kolada -- --year 2025";

async function main(): Promise<number> {
  let year: number;
  try {
    const { values } = parseArgs({ options: { year: { type: "string" } }, strict: true });
    if (!values.year || !/^\d{4}$/.test(values.year)) {
      console.error(values.year ? `”${values.year}” är inget år. ${USAGE}` : USAGE);
      return 2;
    }
    year = Number(values.year);
  } catch {
    console.error(`Okänt argument. ${USAGE}`);
    return 2;
  }
  try {
    const results = await runKoladaJob(year);
    if (!Array.isArray(results)) {
      console.error(`Inget hämtades från Kolada: ${results.message}`);
      return 1;
    }
    let failed = 0;
    for (const { organisationName, outcome } of results) {
      if (!outcome.ok) {
        failed++;
        console.error(`Kolada ${year}, ${organisationName}: ${outcome.message}`);
        for (const d of outcome.details ?? []) console.error(`  – ${d}`);
        continue;
      }
      const total = outcome.created + outcome.replaced;
      console.log(`Kolada ${year}, ${organisationName}: ${plural(total, "värde", "värden")} sparades (${outcome.created} ${outcome.created === 1 ? "nytt" : "nya"}, ${outcome.replaced} ersatte tidigare värden). ${KOLADA_SOURCE_LABEL}.`);
      for (const n of outcome.notes) console.log(`  ${n}`);
    }
    return failed > 0 ? 1 : 0;
  } finally {
    await getDb().$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // The error's kind only: never its message (it could carry data).
    console.error(`Koladajobbet avbröts (${error instanceof Error ? error.name : typeof error}).`);
    process.exit(1);
  },
);
