import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import type { RoutineStatus } from "../db/generated/enums.ts";
import type { Actor } from "../auth/permissions.ts";
import { organisationFilter } from "../auth/scope.ts";
import { ROUTINE_ACTIVITY } from "../tasks/local.ts";

type VersionRef = { id: string; version: number; status: RoutineStatus };

/** The number a new version of a routine gets: one more than the highest so far. */
export function nextVersionNumber(versions: { version: number }[]): number {
  return versions.reduce((max, v) => Math.max(max, v.version), 0) + 1;
}

/** The routine's open draft, if any: a routine has at most one. */
export function currentDraft<T extends VersionRef>(versions: T[]): T | undefined {
  return versions.find((v) => v.status === "DRAFT");
}

/** What "Redigera" copies: the active version, else the newest published one; null when nothing is published. */
export function editSource<T extends VersionRef>(versions: T[]): T | null {
  const active = versions.find((v) => v.status === "ACTIVE");
  if (active) return active;
  const archived = versions.filter((v) => v.status === "ARCHIVED").sort((a, b) => b.version - a.version);
  return archived[0] ?? null;
}

const versionSummary = {
  id: true,
  version: true,
  status: true,
  title: true,
  decidedBy: true,
  decidedOn: true,
  validUntil: true,
  publishedAt: true,
  createdAt: true,
  replacesVersionId: true,
  _count: { select: { activities: { where: ROUTINE_ACTIVITY } } },
} as const;

/** Every routine the actor manages, with all its versions, newest first. */
export async function getManagedRoutines(actor: Actor, db: DbClient = getDb()) {
  return db.routine.findMany({
    where: { organisationId: organisationFilter(actor, "routine:manage") },
    orderBy: { title: "asc" },
    include: { versions: { orderBy: { version: "desc" }, select: versionSummary } },
  });
}
export type ManagedRoutine = Awaited<ReturnType<typeof getManagedRoutines>>[number];

/** One managed routine by key, with all its versions; null when it is not the actor's to manage. */
export async function getManagedRoutine(actor: Actor, key: string, db: DbClient = getDb()) {
  return db.routine.findFirst({
    where: { key, organisationId: organisationFilter(actor, "routine:manage") },
    include: { versions: { orderBy: { version: "desc" }, select: versionSummary } },
  });
}

/** One version in full (phases and activities in document order); null when not the actor's to manage. */
export async function getManagedVersion(actor: Actor, key: string, version: number, db: DbClient = getDb()) {
  if (!Number.isInteger(version)) return null;
  return db.routineVersion.findFirst({
    where: { version, routine: { key, organisationId: organisationFilter(actor, "routine:manage") } },
    include: {
      routine: { select: { id: true, key: true, title: true, colour: true, startMonth: true, organisationId: true } },
      replacesVersion: { select: { version: true } },
      phases: { orderBy: { position: "asc" } },
      activities: { where: ROUTINE_ACTIVITY, orderBy: { position: "asc" } },
    },
  });
}
export type FullVersion = NonNullable<Awaited<ReturnType<typeof getManagedVersion>>>;

export type PublishRecord = {
  at: Date;
  /** "delvis": some open cycles followed and some kept the earlier version (issue 32: chosen per cycle). */
  followTasks: "ja" | "nej" | "delvis" | null;
  followed: { year: number; repointed: number; created: number; removed: number; kept: { title: string; unitName: string | null; reason: string }[]; untouched: number }[];
};

/** How a version was published, from the audit trail: whether and how the open cycles' tasks followed it. */
export async function getPublishRecord(actor: Actor, versionId: string, db: DbClient = getDb()): Promise<PublishRecord | null> {
  const version = await db.routineVersion.findFirst({ where: { id: versionId, routine: { organisationId: organisationFilter(actor, "routine:manage") } }, select: { id: true } });
  if (!version) return null;
  const entry = await db.auditEntry.findFirst({ where: { action: "routine-version.publish", entityType: "RoutineVersion", entityId: version.id }, orderBy: { at: "desc" } });
  if (!entry) return null;
  const after = (entry.after ?? {}) as { followTasks?: PublishRecord["followTasks"]; followed?: PublishRecord["followed"] };
  return { at: entry.at, followTasks: after.followTasks ?? null, followed: Array.isArray(after.followed) ? after.followed : [] };
}
