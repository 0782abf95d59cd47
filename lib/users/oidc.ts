import "server-only";
import { writeAudit } from "../audit/index.ts";
import type { OidcClaims, OidcResult } from "../auth/credentials.ts";
import { normaliseEmail } from "../auth/throttle.ts";
import type { DbClient } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import { createHash } from "node:crypto";
import { containsIdentityNumber } from "../personal-data.ts";

const unknown: OidcResult = { ok: false, reason: "OidcUnknown" };
const accepted = (user: { id: string; sessionVersion: number }): OidcResult => ({ ok: true, userId: user.id, sessionVersion: user.sessionVersion });

/**
 * Maps an account of the municipality's identity provider to an existing, active user; creates nothing.
 * A subject (`sub`) linked before decides alone. Otherwise the e-mail decides, and only if the provider says it has
 * verified it (`email_verified`; some providers send the string "true"): then the subject is stored, so that the
 * next sign-in is matched by it. A user already linked to another subject is never taken over by e-mail.
 */
/**
 * The subject as stored: some Swedish providers use the personnummer as subject, and the app stores none
 * (lib/personal-data.ts), so such a subject is kept as its SHA-256 digest (the same each time, so it still matches).
 */
export function storedSubject(sub: string): string {
  return containsIdentityNumber(sub) ? `sha256:${createHash("sha256").update(sub).digest("hex")}` : sub;
}

export async function resolveOidcUser(db: DbClient, claims: OidcClaims): Promise<OidcResult> {
  const given = typeof claims.sub === "string" && claims.sub.length > 0 && claims.sub.length <= 255 ? claims.sub : null;
  if (!given) return unknown;
  const sub = storedSubject(given);
  const linked = await db.user.findUnique({ where: { oidcSubject: sub } });
  if (linked) return linked.active ? accepted(linked) : unknown;
  if (claims.email_verified !== true && claims.email_verified !== "true") return { ok: false, reason: "OidcUnverified" };
  const email = typeof claims.email === "string" ? normaliseEmail(claims.email) : "";
  const user = email ? await db.user.findUnique({ where: { email } }) : null;
  if (!user?.active || user.oidcSubject !== null) return unknown;
  return inTransaction(db, async (tx) => {
    // Only while still unlinked: of two first sign-ins at once, one subject wins.
    const { count } = await tx.user.updateMany({ where: { id: user.id, oidcSubject: null }, data: { oidcSubject: sub } });
    if (count === 0) return unknown;
    await writeAudit(tx, { actorId: user.id, action: "user.oidc-link", entityType: "User", entityId: user.id, after: { kopplad: "kommunens inloggning" } });
    return accepted(user);
  });
}
