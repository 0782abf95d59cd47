/**
 * `node scripts/daily.mjs 06:30 scripts/reminders.mjs` (compose.yaml's reminder service): runs a command of the
 * standalone install once a day at a time of day in Sweden, for a container platform without cron or systemd timers.
 * Each run is a process of its own; a failed run is logged and retried the next day (as with a timer). Stops on
 * SIGTERM/SIGINT. Where there is cron or systemd, schedule the command itself instead (deploy/, docs/drift.md).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TIME_ZONE = "Europe/Stockholm";
const MINUTE = 60_000;

/** "HH:MM" (24 hours) or null. */
export function parseTimeOfDay(text: string): { hour: number; minute: number } | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

const clockIn = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/**
 * The next instant after now when the clock in Sweden shows the time of day (on the minute). A time that a
 * change to summer time skips (02:30 on the last Sunday of March) comes the next day; one that the change back
 * repeats comes at its first occurrence.
 */
export function nextRun(now: Date, at: { hour: number; minute: number }): Date {
  const wanted = `${String(at.hour).padStart(2, "0")}:${String(at.minute).padStart(2, "0")}`;
  let candidate = Math.floor(now.getTime() / MINUTE) * MINUTE + MINUTE;
  // At most two days of minutes: every time of day occurs within them.
  for (let i = 0; i < 2 * 24 * 60; i++, candidate += MINUTE) {
    if (clockIn.format(new Date(candidate)) === wanted) return new Date(candidate);
  }
  throw new Error(`${wanted} förekommer inte i ${TIME_ZONE}.`);
}

async function main(args: string[]): Promise<never> {
  const [time, script, ...scriptArgs] = args;
  const at = time ? parseTimeOfDay(time) : null;
  if (!at || !script) {
    console.error("Användning: node scripts/daily.mjs HH:MM scripts/<kommando>.mjs [argument …]");
    process.exit(2);
  }
  // As the container's main process Node has no default handlers for these: stop between runs.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => process.exit(0));
  const command = path.resolve(script);
  for (;;) {
    const next = nextRun(new Date(), at);
    console.log(`Nästa körning av ${script}: ${next.toISOString()} (${time} svensk tid).`);
    await new Promise((resolve) => setTimeout(resolve, next.getTime() - Date.now()));
    const result = spawnSync(process.execPath, [command, ...scriptArgs], { stdio: "inherit" });
    console.log(`${script} avslutades med kod ${result.status ?? result.signal}.`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
