/**
 * npm run restore -- FILE: restores a backup made by npm run backup into the configured database, which must be
 * empty; a database with tables is refused (exit 1) and left as it was. See docs/drift.md "Säkerhetskopiering".
 */
import { getEnv } from "../lib/env.ts";
import { describeDbTarget, resolveDbTarget } from "../lib/db/index.ts";
import { BackupError, restoreDatabase } from "../lib/db/backup.ts";
import { runCommand } from "./run-command.ts";

async function main(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("Användning: npm run restore -- <fil>");
    return 2;
  }
  const target = resolveDbTarget(getEnv());
  console.log(`Databas: ${describeDbTarget(target)}`);
  await restoreDatabase(target, file);
  console.log(`Säkerhetskopian ${file} är återställd. Starta appen (npm start kör de migreringar som saknas).`);
  return 0;
}

runCommand(() => main(process.argv.slice(2)), {
  explain: (error) => (error instanceof BackupError ? error.message : null),
  unfinished: "Återställningen avbröts innan den var klar.",
});
