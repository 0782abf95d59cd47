import "server-only";
import { z } from "zod";
import { getDb, type DbClient, type Prisma } from "../db/index.ts";
import { grantsFor, type Actor } from "../auth/permissions.ts";
import { dateFromIso as dateOf, stockholmDayStart } from "../dates/cycle.ts";
import { isoDateText } from "../dates/schemas.ts";

export const AUDIT_PAGE_SIZE = 50;

const isoDate = isoDateText("Datum skrivs ÅÅÅÅ-MM-DD.");
const optional = <T extends z.ZodType>(schema: T) => z.union([z.literal(""), schema]).optional().transform((v) => (v ? v : undefined));

export const auditFilterSchema = z.object({
  enhet: optional(z.string().max(64)),
  anvandare: optional(z.string().max(64)),
  fran: optional(isoDate),
  till: optional(isoDate),
  sida: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The rows of the audit log in a workbook at the most; a larger log is narrowed with the filter first. */
export const AUDIT_EXPORT_LIMIT = 20_000;

/**
 * The verksamhet's units and actors and the where clause of the filtered log. An entry belongs to the verksamhet
 * when it is about one of its units, or was made by someone holding a role in it, or is about the organisation itself.
 */
async function auditScope(actor: Actor, filter: AuditFilter, db: DbClient) {
  const organisationId = grantsFor(actor, "audit:read")[0]?.assignment.organisationId;
  if (!organisationId) return null;
  const [units, actors] = await Promise.all([
    db.unit.findMany({ where: { area: { organisationId } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({ where: { roleAssignments: { some: { organisationId } } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const where: Prisma.AuditEntryWhereInput = {
    AND: [
      { OR: [{ unitId: { in: units.map((u) => u.id) } }, { actorId: { in: actors.map((a) => a.id) } }, { entityType: "Organisation", entityId: organisationId }] },
      filter.enhet ? { unitId: filter.enhet } : {},
      filter.anvandare ? { actorId: filter.anvandare } : {},
      // Swedish days, as the log shows its times: från from its midnight, "till" inclusive (before the next midnight).
      filter.fran ? { at: { gte: stockholmDayStart(dateOf(filter.fran)) } } : {},
      filter.till ? { at: { lt: stockholmDayStart(new Date(dateOf(filter.till).getTime() + 86_400_000)) } } : {},
    ],
  };
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const withUnitName = <E extends { unitId: string | null }>(e: E) => ({ ...e, unitName: e.unitId ? (unitNames.get(e.unitId) ?? null) : null });
  return { units, actors, where, withUnitName };
}

const AUDIT_ORDER: Prisma.AuditEntryOrderByWithRelationInput[] = [{ at: "desc" }, { id: "desc" }];

/** The audit entries of the actor's verksamhet, newest first, a page at a time. */
export async function listAuditEntries(actor: Actor, filter: AuditFilter, db: DbClient = getDb()) {
  const scope = await auditScope(actor, filter, db);
  if (!scope) return null;
  const { units, actors, where, withUnitName } = scope;
  const [total, entries] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findMany({
      where,
      orderBy: AUDIT_ORDER,
      skip: (filter.sida - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { name: true } } },
    }),
  ]);
  return {
    units,
    actors,
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    entries: entries.map(withUnitName),
  };
}

/** Every entry of the filtered log (all pages, newest first, at most AUDIT_EXPORT_LIMIT), for the workbook. */
export async function listAuditEntriesForExport(actor: Actor, filter: AuditFilter, db: DbClient = getDb()) {
  const scope = await auditScope(actor, filter, db);
  if (!scope) return null;
  const entries = await db.auditEntry.findMany({ where: scope.where, orderBy: AUDIT_ORDER, take: AUDIT_EXPORT_LIMIT, include: { actor: { select: { name: true } } } });
  return entries.map(scope.withUnitName);
}
