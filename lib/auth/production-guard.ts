import "server-only";
import { isDatabaseUnavailable } from "../db/availability.ts";
import { explainDbError } from "../db/errors.ts";
import type { DbClient } from "../db/index.ts";
import type { Env } from "../env.ts";
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from "./demo-accounts.ts";
import { verifyPassword } from "./password.ts";

const KNOWN_WEAK_SECRETS = new Set(["secret", "changeme", "development-only-secret-not-for-production-use", "byt-mig"]);
export const MIN_SECRET_LENGTH = 32;

/**
 * Why a production deployment on PostgreSQL must not start, or null when it may.
 * Embedded (PGlite) installations are demos and may use the demo accounts.
 */
export async function findProductionProblem(env: Env, db: DbClient): Promise<string | null> {
  if (env.NODE_ENV !== "production" || !env.DATABASE_URL) return null;
  const secret = env.NEXTAUTH_SECRET ?? "";
  if (!secret) return "NEXTAUTH_SECRET saknas: sätt en slumpmässig hemlighet på minst 32 tecken (t.ex. openssl rand -base64 48).";
  if (secret.length < MIN_SECRET_LENGTH || KNOWN_WEAK_SECRETS.has(secret.toLowerCase()) || new Set(secret).size < 8) {
    return `NEXTAUTH_SECRET är för svag: använd en slumpmässig hemlighet på minst ${MIN_SECRET_LENGTH} tecken.`;
  }
  const demoUsers = await db.user.findMany({
    where: { active: true, passwordHash: { not: null }, email: { endsWith: DEMO_EMAIL_DOMAIN } },
    select: { email: true, passwordHash: true },
  });
  for (const user of demoUsers) {
    if (await verifyPassword(DEMO_PASSWORD, user.passwordHash!)) {
      return `Demokontot ${user.email} har fortfarande demolösenordet: inaktivera det eller byt lösenord innan appen körs i drift.`;
    }
  }
  return null;
}

/**
 * Values left from .env.example that do not stop a production start but should be changed: each a Swedish line.
 * Only in production on PostgreSQL, as findProductionProblem.
 */
export function findProductionWarnings(env: Env): string[] {
  if (env.NODE_ENV !== "production" || !env.DATABASE_URL) return [];
  const warnings: string[] = [];
  if (/@arshjulet\.example$/i.test(env.ACCESSIBILITY_CONTACT_EMAIL)) {
    warnings.push(`ACCESSIBILITY_CONTACT_EMAIL är exemplets ${env.ACCESSIBILITY_CONTACT_EMAIL}: sätt kommunens adress för rapporter om tillgänglighetsbrister.`);
  }
  if (/@localhost>?\s*$/i.test(env.MAIL_FROM)) {
    warnings.push(`MAIL_FROM är exemplets ${env.MAIL_FROM}: sätt en avsändare på kommunens domän, annars kan e-postservrar avvisa påminnelserna.`);
  }
  return warnings;
}

/** How long the start waits for an unreachable database: STARTUP_DB_ATTEMPTS tries, STARTUP_DB_DELAY_MS apart. */
export const STARTUP_DB_ATTEMPTS = 10;
export const STARTUP_DB_DELAY_MS = 3000;

type StartOptions = { attempts?: number; delayMs?: number; exit?: (code: number) => void };

/**
 * At server start: prints the problem in one line and stops the process when production is unsafe; warns about
 * example values. The check reads the database: while it cannot be reached the start waits and tries again, one
 * log line per try, and then exits non-zero so that a supervisor (systemd's Restart=on-failure, a container
 * runtime) starts it again. It never leaves a server up that answers 500 on every route (issue 34).
 */
export async function enforceProductionSafety(env: Env, db: DbClient, options: StartOptions = {}): Promise<void> {
  const { attempts = STARTUP_DB_ATTEMPTS, delayMs = STARTUP_DB_DELAY_MS, exit = (code: number) => process.exit(code) } = options;
  for (const warning of findProductionWarnings(env)) console.warn(`Årshjulet varning: ${warning}`);
  let problem: string | null = null;
  for (let attempt = 1; ; attempt++) {
    try {
      problem = await findProductionProblem(env, db);
      break;
    } catch (error) {
      if (isDatabaseUnavailable(error) && attempt < attempts) {
        console.error(`Årshjulet väntar på databasen (försök ${attempt} av ${attempts}, nytt försök om ${Math.round(delayMs / 1000)} s): databasen kan inte nås.`);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        continue;
      }
      problem = isDatabaseUnavailable(error) ? `databasen kan inte nås efter ${attempts} försök.` : explainDbError(error);
      break;
    }
  }
  if (problem) {
    console.error(`Årshjulet startar inte: ${problem}`);
    exit(1);
  }
}
