/**
 * Database commands: migrate | migration <name> | check | seed [--demo] | prepare.
 * prepare (npm start): migrations, then the demo only on an empty embedded database; seed refuses in production.
 * Run through npm scripts (npm run db:migrate, …); see README.
 */
import { getEnv } from "../lib/env.ts";
import { createAdapterFactory, createDb, describeDbTarget, resolveDbTarget } from "../lib/db/index.ts";
import { applyMigrations, diffMigrationsToSchema, isEmptyMigration, writeMigration } from "../lib/db/migrations.ts";
import { seed } from "../prisma/seed/seed.ts";
import { demoSeedRefusal, prepareSeedsDemo, SETUP_HINT } from "../lib/setup/demo.ts";
import { runCommand } from "./run-command.ts";

async function main(command: string | undefined, args: string[]): Promise<number> {
  switch (command) {
    case "migration": {
      const name = args[0];
      if (!name) {
        console.error("Ange ett namn: npm run db:migration -- <namn>");
        return 2;
      }
      const folder = await writeMigration(name);
      console.log(folder ? `Ny migrering: ${folder}` : "Schemat och migreringarna stämmer redan överens; ingen migrering skrevs.");
      return 0;
    }
    case "check": {
      const sql = await diffMigrationsToSchema();
      if (isEmptyMigration(sql)) {
        console.log("db:check: schema.prisma och prisma/migrations stämmer överens.");
        return 0;
      }
      console.error("db:check: schema.prisma skiljer sig från migreringarna. Kör `npm run db:migration -- <namn>`. Skillnad:\n" + sql);
      return 1;
    }
    case "migrate":
    case "seed":
    case "prepare": {
      const env = getEnv();
      if (command === "seed") {
        const refusal = demoSeedRefusal(env, { demo: args.includes("--demo") });
        if (refusal) {
          console.error(refusal);
          return 2;
        }
      }
      const target = resolveDbTarget(env);
      console.log(`Databas: ${describeDbTarget(target)}`);
      if (command !== "seed") {
        const applied = await applyMigrations(createAdapterFactory(target));
        console.log(applied.length ? `Migreringar körda: ${applied.join(", ")}` : "Databasen är redan uppdaterad.");
      }
      if (command === "migrate") return 0;
      const db = createDb(target);
      try {
        if (command === "prepare" && !prepareSeedsDemo(env)) {
          // A real database never gets the demo by itself (issue 29): it is set up with npm run setup.
          if ((await db.organisation.count()) === 0) console.log(SETUP_HINT);
          return 0;
        }
        console.log(await seed(db, { onlyIfEmpty: command === "prepare" }));
      } finally {
        await db.$disconnect();
      }
      return 0;
    }
    default:
      console.error("Användning: scripts/db.ts migrate | migration <namn> | check | seed [--demo] | prepare");
      return 2;
  }
}

runCommand(() => main(process.argv[2], process.argv.slice(3)));
