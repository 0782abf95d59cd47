import { createHash } from "node:crypto";
import type { Db } from "../../lib/db/index.ts";

/** A user of the browser tests' own with a password link from set-up (prepare-databases.ts writes both). */
export const E2E_LINK_USER = { email: "ny.administrator@arshjulet.example", name: "Ny Administratör" } as const;
/** The link's secret; only its hash is in the database, as for a real link. */
export const E2E_LINK_TOKEN = "e2e-lank-for-att-valja-losenord-0123456789abcdef";

export async function addPasswordLinkUser(db: Db) {
  const org = await db.organisation.findFirstOrThrow();
  const user = await db.user.create({ data: { organisationId: org.id, ...E2E_LINK_USER } });
  await db.passwordToken.create({
    data: { userId: user.id, purpose: "SETUP", tokenHash: createHash("sha256").update(E2E_LINK_TOKEN).digest("base64url"), expiresAt: new Date(Date.now() + 7 * 24 * 3600_000) },
  });
}
