import "server-only";
import type { DbClient } from "../db/index.ts";

/**
 * Failed attempts allowed inside the window (docs/decisions/019-sign-in-throttling.md): an address that fails on one
 * account maxFailuresPerAccount times may not try that account again for the window; an address with
 * maxFailuresPerAddress failures on any accounts may not try any; and an account with maxFailuresPerAccount failures
 * from anywhere is slowed, not locked: one attempt per slowSeconds, from any address, so that its owner with the
 * right password from a new address gets in while guessing stays at two a minute.
 */
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
  slowSeconds: 30,
} as const;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * True while this address may not try this account (as typed, whether it exists or not): too many recent failures
 * of this address on the account or on any accounts, or the account is slowed and was tried moments ago.
 */
export async function isThrottled(db: DbClient, email: string, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const account = normaliseEmail(email);
  const [fromHere, byAddress, byAccount, latest] = await Promise.all([
    db.loginAttempt.count({ where: { email: account, ip, success: false, at: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, at: { gte: since } } }),
    db.loginAttempt.count({ where: { email: account, success: false, at: { gte: since } } }),
    db.loginAttempt.findFirst({ where: { email: account, at: { gte: since } }, orderBy: { at: "desc" }, select: { at: true } }),
  ]);
  if (fromHere >= THROTTLE.maxFailuresPerAccount || byAddress >= THROTTLE.maxFailuresPerAddress) return true;
  // Guessed at from many addresses: slowed to one attempt per slowSeconds, never locked for its owner.
  return byAccount >= THROTTLE.maxFailuresPerAccount && latest !== null && now.getTime() - latest.at.getTime() < THROTTLE.slowSeconds * 1000;
}

export async function recordAttempt(db: DbClient, email: string, ip: string, success: boolean, now = new Date()) {
  await db.loginAttempt.create({ data: { email: normaliseEmail(email), ip, success, at: now } });
}
