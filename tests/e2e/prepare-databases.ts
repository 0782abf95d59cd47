/**
 * Prepares the browser tests' embedded databases in one process (run by global-setup.ts with tsx):
 *   prepare-databases.ts <dataDir>=<ÅÅÅÅ-MM-DD> ...
 * migrates one in-memory database, seeds a copy of it once per distinct day, and writes each data directory,
 * then a stamp (servers.ts, PREPARED_STAMP) saying which.
 * In memory and in one process this takes a fraction of migrating and seeding every directory on disk.
 */
import { rmSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { parseIsoDate } from "../../lib/dates/cycle.ts";
import { createDb } from "../../lib/db/index.ts";
import { applyMigrations } from "../../lib/db/migrations.ts";
import { seed } from "../../prisma/seed/seed.ts";
import { dataDirOf, PREPARED_STAMP, SERVERS } from "./servers.ts";
import { addPasswordLinkUser } from "./password-link.ts";

const passwordLinkDataDir = dataDirOf(SERVERS.find((s) => (s.specs as readonly string[]).includes("password-links"))!);

async function main(args: string[]) {
  rmSync(PREPARED_STAMP, { force: true });
  const byDay = new Map<string, string[]>();
  for (const arg of args) {
    const [dataDir, day] = arg.split("=");
    if (!dataDir || !day || !parseIsoDate(day)) throw new Error(`Användning: prepare-databases.ts <katalog>=<ÅÅÅÅ-MM-DD> … (fick "${arg}")`);
    byDay.set(day, [...(byDay.get(day) ?? []), dataDir]);
  }
  const template = new PGlite("memory://");
  await applyMigrations(new PrismaPGlite(template));
  const migrated = await template.dumpDataDir("none");
  await template.close();

  for (const [day, dataDirs] of byDay) {
    const instance = new PGlite("memory://", { loadDataDir: migrated });
    const db = createDb({ kind: "pglite", dataDir: "memory://" }, new PrismaPGlite(instance));
    console.log(`${day}: ${await seed(db, { today: parseIsoDate(day)! })}`);
    await db.$disconnect();
    const seeded = await instance.dumpDataDir("none");
    await instance.close();
    for (const dataDir of dataDirs) {
      rmSync(dataDir, { recursive: true, force: true });
      const onDisk = new PGlite(dataDir, { loadDataDir: seeded });
      await onDisk.waitReady;
      // Only the server of password-links.spec.ts: another server's spec counts the demo users.
      if (dataDir === passwordLinkDataDir) {
        const linkDb = createDb({ kind: "pglite", dataDir }, new PrismaPGlite(onDisk));
        await addPasswordLinkUser(linkDb);
        await linkDb.$disconnect();
      }
      await onDisk.close();
    }
  }
  writeFileSync(PREPARED_STAMP, JSON.stringify(args));
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
