import "server-only";
import type { DbClient } from "../db/index.ts";

/** Failed attempts allowed inside the window before sign-in is refused for a while. */
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
} as const;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** True while the account (as typed, whether it exists or not) or the address has too many recent failures. */
export async function isThrottled(db: DbClient, email: string, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    db.loginAttempt.count({ where: { email: normaliseEmail(email), success: false, at: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, at: { gte: since } } }),
  ]);
  return byAccount >= THROTTLE.maxFailuresPerAccount || byAddress >= THROTTLE.maxFailuresPerAddress;
}

export async function recordAttempt(db: DbClient, email: string, ip: string, success: boolean, now = new Date()) {
  await db.loginAttempt.create({ data: { email: normaliseEmail(email), ip, success, at: now } });
}
