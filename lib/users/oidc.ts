import "server-only";
import { writeAudit } from "../audit/index.ts";
import type { OidcClaims, OidcResult } from "../auth/credentials.ts";
import { normaliseEmail } from "../auth/throttle.ts";
import type { DbClient } from "../db/index.ts";
import { inTransaction, isUniqueViolation } from "../db/transaction.ts";
import { getEnv } from "../env.ts";
import { createHash } from "node:crypto";
import { containsIdentityNumber } from "../personal-data.ts";
import { claimValues, organisationForNewUser, syncDirectoryRoles } from "./directory-roles.ts";

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
  /** OIDC_ROLES_CLAIM: the claim whose values give roles (lib/users/directory-roles.ts); unset, roles are given by hand only. */
  rolesClaim?: string;
};

export const oidcOptionsFromEnv = (): OidcOptions => ({ allowedDomains: getEnv().OIDC_ALLOWED_EMAIL_DOMAINS, rolesClaim: getEnv().OIDC_ROLES_CLAIM });

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
 * Maps an account of the municipality's identity provider to a user.
 * A subject (`sub`) linked before decides alone. Otherwise the trusted e-mail decides (trustedEmail): an existing active
 * user with that address is linked (the subject is stored, so that the next sign-in is matched by it). A user already
 * linked to another subject is never taken over by e-mail (the administrator unlinks it first, lib/users/mutations.ts).
 * With OIDC_ROLES_CLAIM set, every sign-in sets the user's roles from the directory (syncDirectoryRoles), and an
 * allowed-domain address that no user has is created just in time when the claim gives it a role in one verksamhet;
 * otherwise it is refused and nothing is created.
 */
export async function resolveOidcUser(db: DbClient, claims: OidcClaims, options: OidcOptions = oidcOptionsFromEnv()): Promise<OidcResult> {
  const given = typeof claims.sub === "string" && claims.sub.length > 0 && claims.sub.length <= 255 ? claims.sub : null;
  if (!given) return unknown;
  const sub = storedSubject(given);
  // null: no roles from the directory (the setting is off, or the claim did not fit in the token).
  const values = options.rolesClaim ? claimValues(claims, options.rolesClaim) : null;
  const linked = await db.user.findUnique({ where: { oidcSubject: sub } });
  if (linked) {
    if (!linked.active) return unknown;
    if (values) await inTransaction(db, (tx) => syncDirectoryRoles(tx, linked, values));
    return accepted(linked);
  }
  const trusted = trustedEmail(claims, options);
  if ("refusal" in trusted) return { ok: false, reason: trusted.refusal };
  const user = trusted.email ? await db.user.findUnique({ where: { email: trusted.email } }) : null;
  if (!user) return values && options.allowedDomains.length > 0 && trusted.email ? createJustInTime(db, claims, trusted.email, sub, values) : unknown;
  if (!user.active || user.oidcSubject !== null) return unknown;
  return inTransaction(db, async (tx) => {
    // Only while still unlinked: of two first sign-ins at once, one subject wins.
    const { count } = await tx.user.updateMany({ where: { id: user.id, oidcSubject: null }, data: { oidcSubject: sub } });
    if (count === 0) return unknown;
    await writeAudit(tx, { actorId: user.id, action: "user.oidc-link", entityType: "User", entityId: user.id, after: { kopplad: "kommunens inloggning" } });
    if (values) await syncDirectoryRoles(tx, user, values);
    return accepted(user);
  });
}

/** The name of a user created at sign-in: the directory's `name`, else the address's local part; never a personnummer. */
function nameFromClaims(claims: OidcClaims, email: string): string {
  const clean = (text(claims.name) ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, 120);
  if (clean.length >= 2 && !containsIdentityNumber(clean)) return clean;
  const local = email.slice(0, email.lastIndexOf("@"));
  return local.length >= 2 ? local.slice(0, 120) : email.slice(0, 120);
}

/**
 * Just-in-time: a new user for an allowed-domain address whose claim values give a role in exactly one verksamhet,
 * linked to the subject, without a password, with those roles from the directory. Audited (user.created.jit, then
 * roles.synced). A value without a row in the admin's table gives nothing, so such an account is refused as unknown.
 */
async function createJustInTime(db: DbClient, claims: OidcClaims, email: string, sub: string, values: readonly string[]): Promise<OidcResult> {
  try {
    return await inTransaction(db, async (tx) => {
      const organisationId = await organisationForNewUser(tx, values);
      if (!organisationId) return unknown;
      const created = await tx.user.create({ data: { organisationId, email, name: nameFromClaims(claims, email), passwordHash: null, oidcSubject: sub } });
      await writeAudit(tx, { actorId: created.id, action: "user.created.jit", entityType: "User", entityId: created.id, after: { name: created.name, email: created.email, active: true, kopplad: "kommunens inloggning" } });
      await syncDirectoryRoles(tx, created, values);
      return accepted(created);
    });
  } catch (error) {
    // The same person's two first sign-ins at once: one creates the user, the other is refused (and may sign in again).
    if (isUniqueViolation(error)) return unknown;
    throw error;
  }
}
