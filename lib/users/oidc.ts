import "server-only";
import { writeAudit } from "../audit/index.ts";
import type { OidcClaims, OidcResult } from "../auth/credentials.ts";
import { normaliseEmail } from "../auth/throttle.ts";
import type { DbClient } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import { getEnv } from "../env.ts";
import { createHash } from "node:crypto";
import { containsIdentityNumber } from "../personal-data.ts";

const unknown: OidcResult = { ok: false, reason: "OidcUnknown" };
const accepted = (user: { id: string; sessionVersion: number }): OidcResult => ({ ok: true, userId: user.id, sessionVersion: user.sessionVersion });

/**
 * The subject as stored: some Swedish providers use the personnummer as subject, and the app stores none
 * (lib/personal-data.ts), so such a subject is kept as its SHA-256 digest (the same each time, so it still matches).
 */
export function storedSubject(sub: string): string {
  return containsIdentityNumber(sub) ? `sha256:${createHash("sha256").update(sub).digest("hex")}` : sub;
}

export type OidcOptions = {
  /** OIDC_ALLOWED_EMAIL_DOMAINS: the e-mail of an account in one of these domains is trusted (Entra ID sends no email_verified). */
  allowedDomains: readonly string[];
};

export const oidcOptionsFromEnv = (): OidcOptions => ({ allowedDomains: getEnv().OIDC_ALLOWED_EMAIL_DOMAINS });

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : null);

/**
 * The e-mail address the mapping may trust, or why none. With allowed domains: `email`, or `preferred_username`/`upn`
 * where `email` is missing (Entra ID), and only inside those domains. Without them: `email`, only when the provider
 * says it has verified it (`email_verified`; some providers send the string "true").
 */
export function trustedEmail(claims: OidcClaims, options: OidcOptions): { email: string } | { refusal: "OidcUnverified" | "OidcDomain" } {
  if (options.allowedDomains.length === 0) {
    if (claims.email_verified !== true && claims.email_verified !== "true") return { refusal: "OidcUnverified" };
    return { email: normaliseEmail(text(claims.email) ?? "") };
  }
  const email = normaliseEmail(text(claims.email) ?? text(claims.preferred_username) ?? text(claims.upn) ?? "");
  const at = email.lastIndexOf("@");
  const domain = at > 0 ? email.slice(at + 1) : "";
  return options.allowedDomains.includes(domain) ? { email } : { refusal: "OidcDomain" };
}

/**
 * Maps an account of the municipality's identity provider to an existing, active user; creates nothing.
 * A subject (`sub`) linked before decides alone. Otherwise the trusted e-mail decides (trustedEmail): then the
 * subject is stored, so that the next sign-in is matched by it. A user already linked to another subject is never
 * taken over by e-mail (the administrator unlinks it first, lib/users/mutations.ts).
 */
export async function resolveOidcUser(db: DbClient, claims: OidcClaims, options: OidcOptions = oidcOptionsFromEnv()): Promise<OidcResult> {
  const given = typeof claims.sub === "string" && claims.sub.length > 0 && claims.sub.length <= 255 ? claims.sub : null;
  if (!given) return unknown;
  const sub = storedSubject(given);
  const linked = await db.user.findUnique({ where: { oidcSubject: sub } });
  if (linked) return linked.active ? accepted(linked) : unknown;
  const trusted = trustedEmail(claims, options);
  if ("refusal" in trusted) return { ok: false, reason: trusted.refusal };
  const user = trusted.email ? await db.user.findUnique({ where: { email: trusted.email } }) : null;
  if (!user?.active || user.oidcSubject !== null) return unknown;
  return inTransaction(db, async (tx) => {
    // Only while still unlinked: of two first sign-ins at once, one subject wins.
    const { count } = await tx.user.updateMany({ where: { id: user.id, oidcSubject: null }, data: { oidcSubject: sub } });
    if (count === 0) return unknown;
    await writeAudit(tx, { actorId: user.id, action: "user.oidc-link", entityType: "User", entityId: user.id, after: { kopplad: "kommunens inloggning" } });
    return accepted(user);
  });
}
