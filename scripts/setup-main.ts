/**
 * `npm run setup`: the first set-up of an empty database (issue 29). Migrates, creates the verksamhet, loads the
 * standard routines as published version 1, creates the first administrator and prints once a link for setting the
 * password (single-use, 24 hours). Flags for scripts; the missing ones are asked for in a terminal. On a database that
 * already has a verksamhet: one Swedish line, exit 1, nothing changed.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createAdapterFactory, createDb, describeDbTarget, resolveDbTarget } from "../lib/db/index.ts";
import { applyMigrations } from "../lib/db/migrations.ts";
import { getEnv } from "../lib/env.ts";
import { alreadySetUp, existingOrganisationName, runSetup } from "../lib/setup/setup.ts";
import { loadSeedRoutine } from "../prisma/seed/seed.ts";
import { loadQualityReviewRoutine } from "../prisma/seed/quality-review.ts";
import { serverStartConfig } from "./env-files.ts";
import { runCommand } from "./run-command.ts";

const HELP = `Användning: npm run setup -- --organisation "Hemtjänsten i …" --admin-email namn@kommun.se --admin-name "För- och efternamn"

Installerar Årshjulet i en tom databas (DATABASE_URL, eller den inbyggda utan den):
  1. kör migreringarna,
  2. skapar verksamheten,
  3. lägger in standardrutinerna Brukarundersökning hemtjänst och Kvalitetssäkring som publicerad version 1,
  4. skapar den första administratören och skriver ut en länk för att välja lösenord
     (gäller en gång och i 24 timmar; bara en hash av den sparas).
Saknas en uppgift frågar kommandot efter den när det körs i en terminal. En databas som redan har en verksamhet
ändras inte. Länkarna pekar på NEXTAUTH_URL (annars http://localhost:PORT).`;

const FLAGS = { organisation: "--organisation", adminEmail: "--admin-email", adminName: "--admin-name" } as const;
const QUESTIONS = { organisation: "Verksamhetens namn (t.ex. Hemtjänsten i Exempelstad): ", adminName: "Administratörens namn: ", adminEmail: "Administratörens e-postadress: " } as const;

async function main(): Promise<number> {
  let values: { organisation?: string; "admin-email"?: string; "admin-name"?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { organisation: { type: "string" }, "admin-email": { type: "string" }, "admin-name": { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true }));
  } catch {
    console.error(`Okänt argument. Se npm run setup -- --help`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const input: Record<keyof typeof FLAGS, string | undefined> = { organisation: values.organisation, adminEmail: values["admin-email"], adminName: values["admin-name"] };
  const missing = (Object.keys(FLAGS) as (keyof typeof FLAGS)[]).filter((k) => !input[k]?.trim());
  if (missing.length > 0) {
    if (!process.stdin.isTTY) {
      console.error(`Ange ${missing.map((k) => FLAGS[k]).join(", ")}. Se npm run setup -- --help`);
      return 2;
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      for (const key of missing) input[key] = await rl.question(QUESTIONS[key]);
    } finally {
      rl.close();
    }
  }

  const env = getEnv();
  const target = resolveDbTarget(env);
  const factory = createAdapterFactory(target);
  const db = createDb(target, factory);
  try {
    // Refused before the migrations too: a set-up database is left exactly as it is.
    const existing = await existingOrganisationName(db);
    if (existing) {
      console.error(alreadySetUp(existing));
      return 1;
    }
    console.log(`Databas: ${describeDbTarget(target)}`);
    const applied = await applyMigrations(factory);
    if (applied.length) console.log(`Migreringar körda: ${applied.length}.`);
    const baseUrl = serverStartConfig(process.env).env.NEXTAUTH_URL!;
    const outcome = await runSetup(db, input, { routines: [loadSeedRoutine(), loadQualityReviewRoutine()], baseUrl });
    if (!outcome.ok) {
      console.error(outcome.message);
      return 1;
    }
    console.log(`Årshjulet är installerat: verksamheten ${outcome.organisationName}, rutinerna ${outcome.routines.join(" och ")} (publicerad version 1) och administratören ${outcome.adminEmail}.`);
    console.log("Öppna länken och välj lösenord. Den gäller en gång, i 24 timmar, och visas bara nu:");
    console.log(outcome.link);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

runCommand(main);
