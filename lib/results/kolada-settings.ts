import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import { fail, transact } from "../db/transaction.ts";
import { writeAudit } from "../audit/index.ts";
import type { Actor } from "../auth/permissions.ts";
import { INVALID_FORM, type Result } from "../forms.ts";
import { importOrganisationOf } from "./mutations.ts";
import { koladaSettingsSchema } from "./schemas.ts";

/** The form field of a unit's OU id, so an error is shown beside it. */
export const ouField = (unitId: string) => `ou-${unitId}`;

/** The verksamhet's Kolada settings as the settings form shows them: the kommun's id and every active unit's OU id. */
export async function getKoladaSettings(actor: Actor, db: DbClient = getDb()) {
  const organisationId = importOrganisationOf(actor);
  if (!organisationId) return null;
  const [organisation, units] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { koladaMunicipalityId: true } }),
    db.unit.findMany({
      where: { area: { organisationId }, OR: [{ active: true }, { koladaOuId: { not: null } }] },
      orderBy: [{ area: { position: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, active: true, koladaOuId: true, area: { select: { name: true } } },
    }),
  ]);
  return { municipalityId: organisation.koladaMunicipalityId, units: units.map((u) => ({ id: u.id, name: u.name, active: u.active, areaName: u.area.name, ouId: u.koladaOuId })) };
}

/** Saves the kommun's Kolada id and the units' OU ids (only the units sent are changed), audited. */
export async function saveKoladaSettings(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<Result> {
  const organisationId = importOrganisationOf(actor);
  if (!organisationId) return { ok: false, message: "Du har inte behörighet att ändra inställningarna för Kolada." };
  const parsed = koladaSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const units = (raw as { units?: { unitId?: unknown }[] } | null)?.units;
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const unitId = issue.path[0] === "units" && typeof issue.path[1] === "number" ? units?.[issue.path[1]]?.unitId : undefined;
      (errors[typeof unitId === "string" ? ouField(unitId) : String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    }
    return { ok: false, message: INVALID_FORM, errors };
  }
  const input = parsed.data;
  return transact(db, async (tx) => {
    const taken = new Map<string, string>();
    const errors: Record<string, string[]> = {};
    const units = await tx.unit.findMany({ where: { id: { in: input.units.map((u) => u.unitId) }, area: { organisationId } }, select: { id: true, name: true, koladaOuId: true } });
    const byId = new Map(units.map((u) => [u.id, u]));
    if (units.length !== new Set(input.units.map((u) => u.unitId)).size) fail("En av enheterna finns inte längre. Ladda om sidan.");
    // An OU id names one unit: the same id on two units (sent now, or kept on a unit not sent) is refused.
    const others = await tx.unit.findMany({ where: { area: { organisationId }, koladaOuId: { not: null }, id: { notIn: units.map((u) => u.id) } }, select: { name: true, koladaOuId: true } });
    for (const o of others) taken.set(o.koladaOuId!, o.name);
    for (const u of input.units) {
      if (!u.ouId) continue;
      const holder = taken.get(u.ouId);
      if (holder) errors[ouField(u.unitId)] = [`Id:t ${u.ouId} är redan angivet för ${holder}.`];
      else taken.set(u.ouId, byId.get(u.unitId)!.name);
    }
    if (Object.keys(errors).length > 0) fail(INVALID_FORM, errors);
    const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { koladaMunicipalityId: true } });
    const changed = input.units.filter((u) => byId.get(u.unitId)!.koladaOuId !== u.ouId);
    if (organisation.koladaMunicipalityId === input.municipalityId && changed.length === 0) return { ok: true as const };
    await tx.organisation.update({ where: { id: organisationId }, data: { koladaMunicipalityId: input.municipalityId } });
    for (const u of changed) await tx.unit.update({ where: { id: u.unitId }, data: { koladaOuId: u.ouId } });
    const named = (pick: (u: (typeof changed)[number]) => string | null) => Object.fromEntries(changed.map((u) => [byId.get(u.unitId)!.name, pick(u)]));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "kolada.settings",
      entityType: "Organisation",
      entityId: organisationId,
      before: { municipalityId: organisation.koladaMunicipalityId, ouIds: named((u) => byId.get(u.unitId)!.koladaOuId) },
      after: { municipalityId: input.municipalityId, ouIds: named((u) => u.ouId) },
    });
    return { ok: true as const };
  }, { conflict: "Någon annan ändrade inställningarna för Kolada samtidigt. Ladda om sidan och försök igen." });
}
