import "server-only";
import { randomBytes } from "node:crypto";
import { writeAudit } from "../audit/index.ts";
import { can, grantsFor, type Actor } from "../auth/permissions.ts";
import { homeOrganisationFor } from "../auth/scope.ts";
import { hashFeedToken } from "../calendar/feeds.ts";
import { getDb, type DbClient } from "../db/index.ts";
import { inTransaction } from "../db/transaction.ts";
import { activeUnitWhere } from "../active-units.ts";
import { dateFromIso } from "../dates/cycle.ts";
import { fieldErrorsOf, INVALID_FORM, type MutationResult } from "../forms.ts";
import * as clock from "../clock.ts";
import { ACTIONS_LAYER, SURVEY_LAYER } from "../wheel/views.ts";
import { createShareLinkSchema, revokeShareLinkSchema } from "./schemas.ts";

/**
 * Read-only share links of the årshjul (issue 33, docs/decisions/027-share-links.md). The secret token is shown once
 * and only its SHA-256 hash is kept (the calendar feeds' hashFeedToken). A link shows the verksamhet or one unit;
 * the verksamhetschef and utvecklare share the whole verksamhet or any unit, an enhetschef only their own unit.
 */
export const hashShareToken = hashFeedToken;

export type ShareLayer = { key: string; label: string };
export type ShareOptions = { organisationId: string; verksamhet: boolean; units: { id: string; name: string }[]; layers: ShareLayer[] } | null;

/** What the actor may share: the verksamhet (with share:manage across it), the units they may share, and the layers. */
export async function getShareOptions(actor: Actor, db: DbClient = getDb()): Promise<ShareOptions> {
  const organisationId = homeOrganisationFor(actor, "share:manage");
  if (!organisationId) return null;
  const [units, routines] = await Promise.all([
    db.unit.findMany({ where: activeUnitWhere(organisationId), orderBy: [{ area: { position: "asc" } }, { name: "asc" }], select: { id: true, name: true } }),
    db.routine.findMany({ where: { organisationId, versions: { some: { status: { in: ["ACTIVE", "ARCHIVED"] } } } }, orderBy: { title: "asc" }, select: { key: true, title: true } }),
  ]);
  return {
    organisationId,
    verksamhet: can(actor, "share:manage", { organisationId, unitId: null }),
    units: units.filter((u) => can(actor, "share:manage", { organisationId, unitId: u.id })),
    layers: [
      ...routines.map((r) => ({ key: r.key, label: r.title })),
      { key: ACTIONS_LAYER, label: "Förbättringsåtgärder" },
      { key: SURVEY_LAYER, label: "Socialstyrelsens enkätperiod" },
    ],
  };
}

/** The links the actor may see and revoke: the verksamhet's all for its managers, an enhetschef's own units' links. */
export async function listShareLinks(actor: Actor, db: DbClient = getDb()) {
  const organisationIds = [...new Set(grantsFor(actor, "share:manage").map((g) => g.assignment.organisationId))];
  const rows = await db.shareLink.findMany({ where: { organisationId: { in: organisationIds } }, orderBy: { createdAt: "desc" } });
  const visible = rows.filter((r) => can(actor, "share:manage", { organisationId: r.organisationId, unitId: r.unitId }));
  const units = await db.unit.findMany({ where: { id: { in: visible.flatMap((r) => (r.unitId ? [r.unitId] : [])) } }, select: { id: true, name: true } });
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return visible.map((r) => ({
    id: r.id,
    name: r.name,
    scope: r.unitId ? (unitName.get(r.unitId) ?? "Enhet som inte längre finns") : "Hela verksamheten",
    layers: r.layers,
    endsOn: r.endsOn,
    createdAt: r.createdAt,
    revokedAt: r.revokedAt,
    own: r.createdById === actor.id,
  }));
}
export type ShareLinkRow = Awaited<ReturnType<typeof listShareLinks>>[number];

/** Creates a link for a scope and layers the actor may share; returns the secret token, which is never stored. */
export async function createShareLink(actor: Actor, input: unknown, db: DbClient = getDb(), today: Date = clock.today()): Promise<MutationResult<{ token?: string }>> {
  const parsed = createShareLinkSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: INVALID_FORM, errors: fieldErrorsOf(parsed.error) };
  const { name, scope, layers, endsOn } = parsed.data;
  const endsOnDate = endsOn ? dateFromIso(endsOn) : null;
  if (endsOnDate && endsOnDate.getTime() < today.getTime()) return { ok: false, message: INVALID_FORM, errors: { endsOn: ["Slutdatumet har redan passerat. Välj i dag eller ett senare datum."] } };
  const options = await getShareOptions(actor, db);
  const allowed = options !== null && (scope.unitId === null ? options.verksamhet : options.units.some((u) => u.id === scope.unitId));
  if (!options || !allowed) return { ok: false, message: "Du kan inte dela årshjulet för den enheten eller verksamheten.", errors: { scope: ["Välj verksamheten eller en enhet som du ansvarar för."] } };
  const known = new Set(options.layers.map((l) => l.key));
  if (layers.some((l) => !known.has(l))) return { ok: false, message: INVALID_FORM, errors: { layers: ["Ett av lagren finns inte. Ladda om sidan och försök igen."] } };
  const token = randomBytes(32).toString("base64url");
  await inTransaction(db, async (tx) => {
    const link = await tx.shareLink.create({ data: { organisationId: options.organisationId, unitId: scope.unitId, name, layers: [...new Set(layers)], endsOn: endsOnDate, tokenHash: hashShareToken(token), createdById: actor.id } });
    // Never the token or its hash: the audit trail is readable by more people than the link's creator.
    await writeAudit(tx, { actorId: actor.id, action: "shareLink.create", entityType: "ShareLink", entityId: link.id, unitId: scope.unitId, after: { name, unitId: scope.unitId, layers: link.layers, endsOn: endsOnDate } });
  });
  return { ok: true, message: "Länken är skapad. Kopiera den nu: den visas bara en gång.", token };
}

/** Revokes a link in the actor's scope; its address answers 404 at once. */
export async function revokeShareLink(actor: Actor, input: unknown, db: DbClient = getDb()): Promise<MutationResult> {
  const parsed = revokeShareLinkSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const organisationIds = [...new Set(grantsFor(actor, "share:manage").map((g) => g.assignment.organisationId))];
  return inTransaction(db, async (tx): Promise<MutationResult> => {
    const link = await tx.shareLink.findFirst({ where: { id: parsed.data.linkId, organisationId: { in: organisationIds }, revokedAt: null } });
    if (!link || !can(actor, "share:manage", { organisationId: link.organisationId, unitId: link.unitId })) return { ok: false, message: "Länken finns inte eller är redan avslutad." };
    const revokedAt = clock.now();
    await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt } });
    await writeAudit(tx, { actorId: actor.id, action: "shareLink.revoke", entityType: "ShareLink", entityId: link.id, unitId: link.unitId, before: { revokedAt: null }, after: { revokedAt } });
    return { ok: true, message: `Länken ”${link.name}” är avslutad. Adressen fungerar inte längre.` };
  });
}
