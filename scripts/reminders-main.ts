/**
 * `npm run reminders`: deletes what is kept only for a while (lib/retention.ts), sends today's reminder e-mails once and exits. Meant for cron or a systemd timer (see docs/drift.md).
 * Exit 0: everything due was sent (or had been). Exit 1: the e-mail server is missing or refused something;
 * what failed is retried on the next run.
 */
import { formatDateLong } from "../lib/dates/cycle.ts";
import { getDb } from "../lib/db/index.ts";
import { getEnv } from "../lib/env.ts";
import { createSmtpMailer } from "../lib/reminders/mail.ts";
import { MailServerUnavailable, runReminderJob, summarise } from "../lib/reminders/job.ts";
import { plural } from "../lib/plural.ts";
import { purgeExpired, summariseRetention } from "../lib/retention.ts";
import * as clock from "../lib/clock.ts";

async function main(): Promise<number> {
  const env = getEnv();
  // Retention first, whether or not e-mail is configured: the daily job is the one that always runs.
  console.log(summariseRetention(await purgeExpired(getDb(), new Date(), env.AUDIT_RETENTION_DAYS)));
  if (!env.SMTP_URL) {
    console.error("Inga påminnelser skickades: SMTP_URL är inte satt (se .env.example).");
    return 1;
  }
  const today = clock.today();
  const mailer = createSmtpMailer(env.SMTP_URL, env.MAIL_FROM);
  // The links in the e-mail point at NEXTAUTH_URL, the app's public address (as `npm start` defaults it).
  const baseUrl = env.NEXTAUTH_URL ?? "http://localhost:3000";
  try {
    const result = await runReminderJob({ today, mailer, baseUrl });
    console.log(summarise(result, formatDateLong(today)));
    if (result.failed > 0) {
      console.error(`E-postservern tog inte emot ${plural(result.failed, "meddelande", "meddelanden")} (${result.firstError}); ${result.failed === 1 ? "det" : "de"} skickas igen vid nästa körning.`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof MailServerUnavailable) {
      console.error(`Inga påminnelser skickades: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    mailer.close();
    await getDb().$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Påminnelsejobbet avbröts: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    process.exit(1);
  },
);
