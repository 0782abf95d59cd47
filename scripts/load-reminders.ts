/**
 * The reminder job run from two processes at once on the same PostgreSQL database, as two app servers' cron
 * entries would: both `npm run reminders` against one test SMTP server. Each reminder planned for today must
 * arrive exactly once and be recorded as SENT once. Prints the figures; returns the number of faults.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createDb } from "../lib/db/index.ts";
import { planReminders } from "../lib/reminders/job.ts";
import * as clock from "../lib/clock.ts";
import { startSmtp } from "../tests/support/smtp.ts";
import { root } from "./bench-support.ts";

function reminders(dbUrl: string, smtpPort: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/reminders.ts")], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: dbUrl, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, NEXTAUTH_URL: "http://localhost:3000" },
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

export async function checkReminders(dbUrl: string, organisationId: string): Promise<number> {
  const db = createDb({ kind: "postgres", url: dbUrl });
  const smtp = await startSmtp();
  try {
    const planned = await planReminders(clock.today(), "http://localhost:3000", db);
    const codes = await Promise.all([reminders(dbUrl, smtp.port), reminders(dbUrl, smtp.port)]);
    const keys = smtp.received.map((m) => `${m.to}|${m.subject}`);
    const doubled = keys.length - new Set(keys).size;
    const sent = await db.reminderDelivery.count({ where: { status: "SENT", userId: { in: (await db.user.findMany({ where: { organisationId }, select: { id: true } })).map((u) => u.id) } } });
    console.log(`REMINDERS planned=${planned.length} received=${smtp.received.length} doubled=${doubled} recorded_sent=${sent} exit_codes=${codes.join(",")}`);
    return planned.length === 0 || smtp.received.length !== planned.length || doubled > 0 || sent !== planned.length || codes.some((c) => c !== 0) ? 1 : 0;
  } finally {
    await smtp.close();
    await db.$disconnect();
  }
}
