import "server-only";
import { writeAudit } from "../audit/index.ts";
import type { Db } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import { containsIdentityNumber, IDENTITY_NUMBER_MESSAGE } from "../personal-data.ts";
import { writeRoutineVersion } from "../routines/import.ts";
import type { RoutineDocument } from "../routines/schemas.ts";
import { slugify } from "../slug.ts";
import { issuePasswordToken, passwordLink, TOKEN_LIFETIME_MINUTES } from "../users/password-tokens.ts";
import { setupSchema } from "./schemas.ts";

export const alreadySetUp = (name: string) => `Årshjulet är redan installerat (verksamheten ${name}); ingenting ändrades.`;

/** The name of the database's verksamhet, or null when it has none (or has no tables yet): asked before migrating. */
export async function existingOrganisationName(db: Db): Promise<string | null> {
  const [row] = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('"Organisation"') IS NOT NULL AS present`;
  if (!row?.present) return null;
  return (await db.organisation.findFirst({ orderBy: { createdAt: "asc" }, select: { name: true } }))?.name ?? null;
}

export type SetupOutcome = { ok: true; organisationName: string; routines: string[]; adminEmail: string; link: string } | { ok: false; message: string };

/**
 * The first set-up of a database without a verksamhet (`npm run setup`, after the migrations): the verksamhet, the
 * standard routines as published version 1, and the first administrator with a single-use link for setting the
 * password. All in one transaction; on a database that already has a verksamhet it refuses and changes nothing.
 */
export async function runSetup(db: Db, raw: unknown, options: { routines: RoutineDocument[]; baseUrl: string; now?: Date }): Promise<SetupOutcome> {
  const now = options.now ?? new Date();
  const input = setupSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: input.error.issues[0]!.message };
  const { organisation, adminName, adminEmail } = input.data;
  if ([organisation, adminName, adminEmail].some((text) => containsIdentityNumber(text))) return { ok: false, message: IDENTITY_NUMBER_MESSAGE };
  return inTransaction(db, async (tx) => {
    const existing = await tx.organisation.findFirst({ orderBy: { createdAt: "asc" } });
    if (existing) return { ok: false, message: alreadySetUp(existing.name) };
    // Checked once more inside the transaction's snapshot: two set-ups at once both see no verksamhet, and the slug's
    // unique key then lets only one commit.
    const org = await tx.organisation.create({ data: { name: organisation, slug: slugify(organisation) } });
    for (const doc of options.routines) await writeRoutineVersion(tx, org.id, doc, { status: "ACTIVE", publishedAt: now });
    const admin = await tx.user.create({ data: { organisationId: org.id, name: adminName, email: adminEmail, passwordHash: null } });
    await tx.roleAssignment.create({ data: { userId: admin.id, role: "ADMIN", organisationId: org.id, unitId: null } });
    const token = await issuePasswordToken(tx, admin.id, "SETUP", now);
    await writeAudit(tx, {
      actorId: null,
      action: "organisation.setup",
      entityType: "Organisation",
      entityId: org.id,
      after: { verksamhet: org.name, rutiner: options.routines.map((r) => r.title), administratör: admin.email, länkGiltigTimmar: TOKEN_LIFETIME_MINUTES.SETUP / 60 },
    });
    return { ok: true, organisationName: org.name, routines: options.routines.map((r) => r.title), adminEmail: admin.email, link: passwordLink(options.baseUrl, token) };
  });
}
