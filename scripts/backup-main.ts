/**
 * npm run backup -- --out FILE: a backup of the configured database (DATABASE_URL, else the embedded one in
 * PGLITE_DATA_DIR). PostgreSQL gives a pg_dump custom-format file, the embedded database a gzipped tar of its data
 * directory (stop the app first: one process at a time may open it). See docs/drift.md "Säkerhetskopiering".
 */
import { getEnv } from "../lib/env.ts";
import { describeDbTarget, resolveDbTarget } from "../lib/db/index.ts";
import { backupDatabase, BackupError } from "../lib/db/backup.ts";
import { runCommand } from "./run-command.ts";

async function main(args: string[]): Promise<number> {
  const at = args.indexOf("--out");
  const out = at >= 0 ? args[at + 1] : undefined;
  if (!out || out.startsWith("--")) {
    console.error("Användning: npm run backup -- --out <fil>");
    return 2;
  }
  const target = resolveDbTarget(getEnv());
  console.log(`Databas: ${describeDbTarget(target)}`);
  const kind = await backupDatabase(target, out);
  console.log(`Säkerhetskopian är skriven till ${out} (${kind === "postgres" ? "pg_dump, eget format" : "den inbyggda databasens datakatalog"}).`);
  return 0;
}

runCommand(() => main(process.argv.slice(2)), {
  explain: (error) => (error instanceof BackupError ? error.message : null),
  unfinished: "Säkerhetskopieringen avbröts innan den var klar; lita inte på filen.",
});
