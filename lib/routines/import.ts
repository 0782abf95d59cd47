import type { DbClient } from "../db/index.ts";
import type { RoutineStatus } from "../db/generated/enums.ts";
import { utcDate } from "../dates/cycle.ts";
import type { RoutineDocument } from "./schemas.ts";

function parseIsoDate(value: string | null): Date | null {
  if (!value) return null;
  const [y, m, d] = value.split("-").map(Number);
  return utcDate(y!, m!, d!);
}

/**
 * Writes a validated routine document as a new version of its routine (creating the routine if needed).
 * The caller validates with routineDocumentSchema first and runs this inside a transaction.
 */
export async function writeRoutineVersion(
  db: DbClient,
  organisationId: string,
  doc: RoutineDocument,
  options: { status: RoutineStatus; publishedAt?: Date | null },
) {
  const routine = await db.routine.upsert({
    where: { organisationId_key: { organisationId, key: doc.key } },
    create: { organisationId, key: doc.key, title: doc.title, colour: doc.colour },
    update: {},
  });
  const latest = await db.routineVersion.findFirst({ where: { routineId: routine.id }, orderBy: { version: "desc" } });
  const version = await db.routineVersion.create({
    data: {
      routineId: routine.id,
      version: (latest?.version ?? 0) + 1,
      status: options.status,
      title: doc.title,
      decidedBy: doc.version.decidedBy,
      decidedOn: parseIsoDate(doc.version.decidedOn),
      documentOwner: doc.version.documentOwner,
      validUntil: parseIsoDate(doc.version.validUntil),
      replacesText: doc.version.replacesText,
      replacesVersionId: latest?.id ?? null,
      purpose: doc.version.purpose,
      publishedAt: options.publishedAt ?? null,
    },
  });
  const phaseIds = new Map<string, string>();
  for (const [position, phase] of doc.phases.entries()) {
    const row = await db.phase.create({ data: { routineVersionId: version.id, key: phase.key, name: phase.name, position } });
    phaseIds.set(phase.key, row.id);
  }
  await db.activityTemplate.createMany({
    data: doc.activities.map((a, position) => ({
      routineVersionId: version.id,
      phaseId: phaseIds.get(a.phase)!,
      key: a.key,
      position,
      title: a.title,
      description: a.description ?? null,
      responsibleRole: a.responsibleRole,
      timing: a.timing,
      startMonth: a.startMonth,
      endMonth: a.endMonth,
      scope: a.scope,
      kind: a.kind,
      letterNumber: a.letterNumber ?? null,
      templateRef: a.templateRef ?? null,
      note: a.note ?? null,
    })),
  });
  return { routine, version };
}
