import type { DbClient, Prisma } from "../db/index.ts";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
};

// Dates become ISO strings and undefined disappears, so what is stored is exactly what JSON can hold.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/** Appends one entry to the audit trail. Call it inside the transaction of the mutation it records. */
export async function writeAudit(db: DbClient, entry: AuditInput): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      unitId: entry.unitId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
