import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import type { Actor } from "../auth/permissions.ts";
import { formatDateIso } from "../dates/cycle.ts";
import { activityColumns, type ActivityContent } from "./import.ts";
import type { RoutineDocument } from "./schemas.ts";
import { isDefaultOffsets } from "../reminders/rules.ts";
import { getManagedVersion } from "./versions.ts";

export type VersionForDocument = {
  title: string;
  decidedBy: string | null;
  decidedOn: Date | null;
  documentOwner: string | null;
  validUntil: Date | null;
  replacesText: string | null;
  purpose: string | null;
  routine: { key: string; colour: string; startMonth?: number };
  phases: { id: string; key: string; name: string; position: number }[];
  activities: (ActivityContent & { phaseId: string; key: string; position: number; reminderOffsets?: number[] })[];
};

const optional = <T>(value: T | null) => (value === null ? undefined : value);

/** A stored version as a routine document (format arshjulet-rutin/1): what export writes and import reads. */
export function toRoutineDocument(v: VersionForDocument): RoutineDocument {
  const phases = [...v.phases].sort((a, b) => a.position - b.position);
  const phaseKey = new Map(phases.map((p) => [p.id, p.key]));
  return {
    format: "arshjulet-rutin/1",
    key: v.routine.key,
    title: v.title,
    colour: v.routine.colour,
    // Written only when not January (the default), so a calendar-year routine's document round-trips unchanged.
    ...(v.routine.startMonth !== undefined && v.routine.startMonth !== 1 ? { startMonth: v.routine.startMonth } : {}),
    version: {
      decidedBy: v.decidedBy,
      decidedOn: v.decidedOn ? formatDateIso(v.decidedOn) : null,
      documentOwner: v.documentOwner,
      validUntil: v.validUntil ? formatDateIso(v.validUntil) : null,
      replacesText: v.replacesText,
      purpose: v.purpose,
    },
    phases: phases.map((p) => ({ key: p.key, name: p.name })),
    activities: [...v.activities]
      .sort((a, b) => a.position - b.position)
      .map((a) => ({
        key: a.key,
        phase: phaseKey.get(a.phaseId)!,
        // The stored columns in their order, but a document leaves out what is not stated.
        ...activityColumns(a),
        shortName: optional(a.shortName ?? null),
        description: optional(a.description),
        letterNumber: optional(a.letterNumber),
        templateRef: optional(a.templateRef),
        note: optional(a.note),
        // Written only when not the default, so a document round-trips unchanged.
        reminderOffsets: a.reminderOffsets && !isDefaultOffsets(a.reminderOffsets) ? a.reminderOffsets : undefined,
      })),
  };
}

/** The download of one version: a file name and pretty-printed JSON; null when not the actor's to manage. */
export async function getRoutineExport(actor: Actor, key: string, version: number, db: DbClient = getDb()) {
  const row = await getManagedVersion(actor, key, version, db);
  if (!row) return null;
  return { fileName: `${row.routine.key}-version-${row.version}.json`, json: `${JSON.stringify(toRoutineDocument(row), null, 2)}\n` };
}
