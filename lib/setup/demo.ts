import type { Env } from "../env.ts";

/** What `npm start` (db.ts prepare) does after migrating: the demo on an empty embedded database, else nothing. */
export function prepareSeedsDemo(env: Pick<Env, "DATABASE_URL">): boolean {
  return !env.DATABASE_URL;
}

export const SETUP_HINT = "Databasen har ingen verksamhet ännu: kör `npm run setup` (se README, Kom igång för er kommun).";

/**
 * Why `npm run db:seed` must not put the demo organisation into this database, or null when it may. The embedded
 * database is the demo's home; a PostgreSQL database gets it only when asked for with --demo, and never in production.
 */
export function demoSeedRefusal(env: Pick<Env, "DATABASE_URL" | "NODE_ENV">, options: { demo: boolean }): string | null {
  if (env.NODE_ENV === "production") return "Demodata läggs aldrig in i drift (NODE_ENV=production); ingenting ändrades.";
  if (env.DATABASE_URL && !options.demo) {
    return "Med DATABASE_URL läggs demodata bara in på begäran: `npm run db:seed -- --demo`. För en riktig verksamhet, kör `npm run setup`.";
  }
  return null;
}
