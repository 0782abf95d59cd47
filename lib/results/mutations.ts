import "server-only";
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { getDb, type DbClient } from "../db/index.ts";
import { Prisma } from "../db/generated/client.ts";
import { chunks, fail, transact, yieldToEventLoop } from "../db/transaction.ts";
import { writeAudit } from "../audit/index.ts";
import { can, type Actor } from "../auth/permissions.ts";
import { dateFromIso } from "../dates/cycle.ts";
import { readResultsFile, type ParsedResult, type ResultsFormat } from "./import.ts";
import { resultScopeFor, actionWhere } from "./scope.ts";
import { improvementActionSchema, improvementNoteSchema, updateImprovementActionSchema } from "./schemas.ts";
import { fieldErrorsOf, type Failure, type Result } from "../forms.ts";

const CONFLICT = "Någon annan ändrade samma uppgifter samtidigt. Ladda om sidan och försök igen.";

const NOT_ALLOWED_IMPORT = "Du har inte behörighet att importera resultat.";

/** The organisation whose results an actor may import (a whole verksamhet), or null. */
export function importOrganisationOf(actor: Actor): string | null {
  return resultScopeFor(actor, "results:import").wholeOrganisationIds[0] ?? null;
}

async function importContext(actor: Actor, db: DbClient) {
  const organisationId = importOrganisationOf(actor);
  if (!organisationId) return null;
  const [indicators, units] = await Promise.all([
    db.indicator.findMany({ where: { organisationId }, orderBy: { position: "asc" } }),
    db.unit.findMany({ where: { area: { organisationId } }, select: { id: true, name: true, active: true } }),
  ]);
  return { organisationId, indicators, units };
}

export type ImportInput = { fileName: string; bytes: Uint8Array; digest?: string };
export type ImportPreview = { ok: true; digest: string; format: ResultsFormat; rows: ParsedResult[]; replaced: number; notes: string[] };

/** Parses and checks a results file and says what an import would do; writes nothing. */
export async function previewResultsImport(actor: Actor, input: ImportInput, db: DbClient = getDb()): Promise<ImportPreview | Failure> {
  const ctx = await importContext(actor, db);
  if (!ctx) return { ok: false, message: NOT_ALLOWED_IMPORT };
  const read = readResultsFile(input.bytes, ctx);
  if (!read.ok) return { ok: false, message: read.message, details: read.details };
  const digest = digestOf(input.bytes);
  remember(previewKey(digest, ctx), read);
  return { ok: true, digest, format: read.format, rows: read.rows, replaced: await countReplaced(db, read.rows), notes: read.notes };
}

type CheckedFile = Extract<ReturnType<typeof readResultsFile>, { ok: true }>;
/**
 * The checked rows of this process's latest previews, by the file's digest and everything the check read (the
 * organisation's indicators and units): the confirm of the same file, unchanged and checked against the same
 * indicators and units, takes them instead of reading 10 000 rows again on the request's thread (issue 30, H8).
 * Another instance, or a preview older than PREVIEW_KEPT_MS, reads the file again.
 */
const previews = new Map<string, { file: CheckedFile; at: number }>();
const PREVIEWS_KEPT = 4;
const PREVIEW_KEPT_MS = 30 * 60 * 1000;
const previewKey = (digest: string, ctx: NonNullable<Awaited<ReturnType<typeof importContext>>>) =>
  createHash("sha256")
    .update(JSON.stringify([digest, ctx.organisationId, ctx.indicators.map((i) => [i.id, i.key, i.name, i.koladaKpi]), ctx.units.map((u) => [u.id, u.name, u.active])]))
    .digest("hex");
function remember(key: string, file: CheckedFile) {
  previews.delete(key);
  previews.set(key, { file, at: performance.now() });
  for (const oldest of previews.keys()) if (previews.size > PREVIEWS_KEPT) previews.delete(oldest);
}
function recall(key: string): CheckedFile | undefined {
  const kept = previews.get(key);
  previews.delete(key);
  return kept && performance.now() - kept.at < PREVIEW_KEPT_MS ? kept.file : undefined;
}

export function digestOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The preview step of every import (file or Kolada): how many stored values the checked rows would replace. Counted
 * by the database over WRITE_BATCH rows at a time with a yield between (10 000 values read back in one statement
 * held the embedded database's thread for over a second: issue 30, H8).
 */
export async function countReplaced(db: DbClient, rows: ParsedResult[]): Promise<number> {
  let replaced = 0;
  for (const part of chunks(rows, WRITE_BATCH)) {
    await yieldToEventLoop();
    const column = <K extends keyof ParsedResult>(key: K) => part.map((r) => r[key]);
    const [{ count }] = await db.$queryRaw<[{ count: number }]>`
      SELECT count(*)::int AS count FROM "SurveyResult" AS s
      JOIN unnest(${column("indicatorId")}::text[], ${column("year")}::int[], ${column("levelKey")}::text[]) AS r("indicatorId", "year", "levelKey")
        ON s."indicatorId" = r."indicatorId" AND s."year" = r."year" AND s."levelKey" = r."levelKey"`;
    replaced += count;
  }
  return replaced;
}

/** Where an import's values came from: an uploaded file, or Kolada's API ("Källa: Kolada"). */
export type ImportSource = "file" | "kolada";
export type ImportBatch = { organisationId: string; importedById: string | null; fileName: string; format: string; source: ImportSource; rows: ParsedResult[] };
export type ImportWritten = { importId: string; created: number; replaced: number; years: number[] };

/**
 * The write step of every import (file or Kolada), all or nothing, replacing earlier values for the same indicator,
 * place and year, recorded as one import and one audit entry.
 *
 * On the embedded database (one connection, queries run on the app's own thread) one long transaction stopped every
 * other request until it ended: 10 000 rows held the server for 5–11 s (issue 30, H8). So the rows are staged in
 * short statements of WRITE_BATCH rows under an import marked pending, yielding to the event loop between them; one
 * transaction then applies them set-based and clears the mark. Until then nothing of the import is visible: the
 * pages read SurveyResult and finished imports only. A failure removes the pending import and its staged rows; a
 * crash leaves them to removeAbandonedImports.
 */
export async function writeResults(db: DbClient, batchInput: ImportBatch, options: { batchSize?: number } = {}): Promise<Result<ImportWritten>> {
  const { organisationId, rows } = batchInput;
  const years = [...new Set(rows.map((r) => r.year))].sort();
  await removeAbandonedImports(db);
  const cycle = years.length === 1 ? await db.cycle.findFirst({ where: { organisationId, year: years[0] } }) : null;
  const batch = await db.resultImport.create({
    data: { organisationId, cycleId: cycle?.id ?? null, fileName: batchInput.fileName.slice(0, 200), format: batchInput.format, source: batchInput.source, rowCount: rows.length, importedById: batchInput.importedById, pending: true },
  });
  let written: Result<ImportWritten> | undefined;
  try {
    // One statement per batch, its values as ten arrays: Prisma's createMany of 1 000 rows (10 000 parameters) took
    // longer than the rows' own writing. Ids shaped like the app's cuids (lib/forms.ts isAppMade).
    const size = options.batchSize ?? WRITE_BATCH;
    for (const [n, part] of chunks(rows, size).entries()) {
      await yieldToEventLoop();
      const column = <K extends keyof ParsedResult>(key: K) => part.map((r) => r[key]);
      await db.$executeRaw`
        INSERT INTO "ResultImportRow" ("id", "importId", "position", "indicatorId", "year", "level", "unitId", "levelKey", "value", "respondents", "responseRate")
        SELECT 'c' || substr(md5(random()::text || clock_timestamp()::text || r.position::text), 1, 24), ${batch.id}, ${n * size} + r.position - 1,
          r."indicatorId", r."year", r."level", r."unitId", r."levelKey", r."value", r."respondents", r."responseRate"
        FROM unnest(${column("indicatorId")}::text[], ${column("year")}::int[], ${column("level")}::text[]::"ResultLevel"[], ${column("unitId")}::text[],
          ${column("levelKey")}::text[], ${column("value")}::float8[], ${column("respondents")}::int[], ${column("responseRate")}::float8[])
          WITH ORDINALITY AS r("indicatorId", "year", "level", "unitId", "levelKey", "value", "respondents", "responseRate", position)`;
    }
    await yieldToEventLoop();
    // Someone else's import of the same new values in the same moment: a unique-key clash, answered as a conflict.
    written = await transact(db, (tx) => applyStaged(tx, batch.id, batchInput, years, size), { conflict: IMPORT_CONFLICT });
    return written;
  } finally {
    await yieldToEventLoop();
    // Done: only the staged rows go. Refused or failed: the pending import too (its rows with it, ON DELETE CASCADE).
    // A cleanup that fails (a caller's transaction already aborted) must not hide why: what it leaves is invisible and
    // removed later.
    await (written?.ok ? db.resultImportRow.deleteMany({ where: { importId: batch.id } }) : db.resultImport.deleteMany({ where: { id: batch.id, pending: true } })).catch(() => undefined);
  }
}

const IMPORT_CONFLICT = "Någon annan importerade resultat för samma indikator, enhet och år samtidigt. Inget har importerats; förhandsgranska igen.";

type Replaced = { indicatorId: string; year: number; levelKey: string; value: number | null; respondents: number | null };

/**
 * The one transaction of an import: replaces and adds the staged values set-based, audits, and clears the mark. In
 * ranges of `size` staged rows with a yield between them, so that requests that need no database (the sign-in page)
 * are answered meanwhile; those that do wait for this transaction only, not for the staging before it.
 */
async function applyStaged(tx: Prisma.TransactionClient, importId: string, batchInput: ImportBatch, years: number[], size: number): Promise<Result<ImportWritten>> {
  const matches = Prisma.sql`s."indicatorId" = r."indicatorId" AND s."year" = r."year" AND s."levelKey" = r."levelKey"`;
  const existing: Replaced[] = [];
  let replaced = 0;
  let created = 0;
  for (let from = 0; from < batchInput.rows.length; from += size) {
    const range = Prisma.sql`r."importId" = ${importId} AND r."position" >= ${from} AND r."position" < ${from + size}`;
    await yieldToEventLoop();
    existing.push(...(await tx.$queryRaw<Replaced[]>`
      SELECT s."indicatorId", s."year", s."levelKey", s."value", s."respondents" FROM "SurveyResult" AS s
      JOIN "ResultImportRow" AS r ON ${matches} WHERE ${range} ORDER BY r."position"`));
    replaced += await tx.$executeRaw`
      UPDATE "SurveyResult" AS s SET "value" = r."value", "respondents" = r."respondents", "responseRate" = r."responseRate", "importId" = r."importId"
      FROM "ResultImportRow" AS r WHERE ${range} AND ${matches}`;
    await yieldToEventLoop();
    created += await tx.$executeRaw`
      INSERT INTO "SurveyResult" ("id", "indicatorId", "year", "level", "unitId", "levelKey", "value", "respondents", "responseRate", "importId")
      SELECT r."id", r."indicatorId", r."year", r."level", r."unitId", r."levelKey", r."value", r."respondents", r."responseRate", r."importId"
      FROM "ResultImportRow" AS r WHERE ${range} AND NOT EXISTS (SELECT 1 FROM "SurveyResult" AS s WHERE ${matches})`;
  }
  // Marked done only if still pending: a pending import that vanished (removed as abandoned) is refused, not revived.
  const done = await tx.resultImport.updateMany({ where: { id: importId, pending: true }, data: { pending: false } });
  if (done.count === 0) fail(IMPORT_CONFLICT);
  await yieldToEventLoop();
  await writeAudit(tx, {
    actorId: batchInput.importedById,
    action: "results.import",
    entityType: "ResultImport",
    entityId: importId,
    before: existing.length > 0 ? { replaced: existing } : undefined,
    after: { fileName: batchInput.fileName.slice(0, 200), format: batchInput.format, source: batchInput.source, rows: batchInput.rows.length, created, replaced, years },
  });
  return { ok: true as const, importId, created, replaced, years };
}

/**
 * Removes what a crashed import left: pending imports started over an hour ago, by the database's own clock as
 * createdAt is (a fixed ARSHJULET_TODAY must not make a running import look abandoned), their staged rows with them;
 * and staged rows of finished imports.
 */
export async function removeAbandonedImports(db: DbClient): Promise<void> {
  await db.$executeRaw`DELETE FROM "ResultImport" WHERE "pending" AND "createdAt" < (now() AT TIME ZONE 'UTC') - interval '1 hour'`;
  await db.resultImportRow.deleteMany({ where: { import: { pending: false } } });
}

/**
 * Rows per statement of an import's writes: short enough that other requests get in between. On the embedded
 * database a statement over 1 000 rows ran for 250–700 ms on the app's one thread (issue 30, H8); 250 keeps each
 * well under 100 ms on an idle machine.
 */
const WRITE_BATCH = 250;

/** Writes every row of a previewed file, all or nothing (writeResults), replacing earlier values for the same indicator, place and year. */
export async function importResults(actor: Actor, input: ImportInput, db: DbClient = getDb()): Promise<Result<ImportWritten>> {
  const ctx = await importContext(actor, db);
  if (!ctx) return { ok: false, message: NOT_ALLOWED_IMPORT };
  if (input.digest !== digestOf(input.bytes)) {
    return { ok: false, message: "Filen är inte densamma som förhandsgranskades. Förhandsgranska den igen innan du importerar." };
  }
  const read = recall(previewKey(input.digest, ctx)) ?? readResultsFile(input.bytes, ctx);
  if (!read.ok) return { ok: false, message: read.message, details: read.details };
  return writeResults(db, { organisationId: ctx.organisationId, importedById: actor.id, fileName: input.fileName, format: read.format, source: "file", rows: read.rows });
}

const NOT_FOUND = "Åtgärden finns inte eller tillhör inte din enhet.";
const NOT_ALLOWED_ACTIONS = "Du har inte behörighet att hantera förbättringsåtgärder.";
const snapshot = (a: { title: string; description: string | null; ownerName: string; dueOn: Date | null; status: string; indicatorId: string | null; unitId: string | null; cycleId: string }) => ({
  title: a.title, description: a.description, ownerName: a.ownerName, dueOn: a.dueOn, status: a.status, indicatorId: a.indicatorId, unitId: a.unitId, cycleId: a.cycleId,
});

/** Creates a förbättringsåtgärd for a unit the actor manages, or for the whole verksamhet. */
export async function createImprovementAction(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<Result<{ id: string }>> {
  const parsed = improvementActionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: "Kontrollera fälten.", errors: fieldErrorsOf(parsed.error) };
  const input = parsed.data;
  const scope = resultScopeFor(actor, "improvement:manage");
  if (scope.organisationIds.length === 0) return { ok: false, message: NOT_ALLOWED_ACTIONS };
  return transact(db, async (tx) => {
    const cycle = await tx.cycle.findFirst({ where: { id: input.cycleId, organisationId: { in: scope.organisationIds } } });
    if (!cycle) fail("Året finns inte. Ladda om sidan.");
    const organisationId = cycle!.organisationId;
    if (!can(actor, "improvement:manage", { organisationId, unitId: input.unitId })) {
      fail(input.unitId ? "Du kan bara lägga till åtgärder för dina egna enheter." : "Du kan bara lägga till åtgärder för dina egna enheter, inte för hela verksamheten.");
    }
    if (input.unitId && !(await tx.unit.findFirst({ where: { id: input.unitId, area: { organisationId } } }))) fail("Enheten finns inte.");
    if (input.indicatorId && !(await tx.indicator.findFirst({ where: { id: input.indicatorId, organisationId } }))) fail("Indikatorn finns inte.");
    const action = await tx.improvementAction.create({
      data: { organisationId, cycleId: cycle!.id, unitId: input.unitId, indicatorId: input.indicatorId, title: input.title, description: input.description, ownerName: input.ownerName, dueOn: dateFromIso(input.dueOn), status: input.status, createdById: actor.id },
    });
    await writeAudit(tx, { actorId: actor.id, action: "improvement.create", entityType: "ImprovementAction", entityId: action.id, unitId: action.unitId, after: snapshot(action) });
    return { ok: true as const, id: action.id };
  }, { conflict: CONFLICT });
}

/** Edits an action; the version read must still be current. */
export async function updateImprovementAction(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<Result<{ id: string }>> {
  const parsed = updateImprovementActionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: "Kontrollera fälten.", errors: fieldErrorsOf(parsed.error) };
  const input = parsed.data;
  return transact(db, async (tx) => {
    const before = await tx.improvementAction.findFirst({ where: { id: input.actionId, ...actionWhere(resultScopeFor(actor, "improvement:manage")) } });
    if (!before) fail(NOT_FOUND);
    if (input.indicatorId && !(await tx.indicator.findFirst({ where: { id: input.indicatorId, organisationId: before!.organisationId } }))) fail("Indikatorn finns inte.");
    const data = { title: input.title, description: input.description, ownerName: input.ownerName, dueOn: dateFromIso(input.dueOn), status: input.status, indicatorId: input.indicatorId };
    const updated = await tx.improvementAction.updateMany({ where: { id: before!.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count === 0) fail("Någon annan har ändrat åtgärden sedan du öppnade sidan. Ladda om sidan och gör ändringen igen.");
    await writeAudit(tx, { actorId: actor.id, action: "improvement.update", entityType: "ImprovementAction", entityId: before!.id, unitId: before!.unitId, before: snapshot(before!), after: snapshot({ ...before!, ...data }) });
    return { ok: true as const, id: before!.id };
  }, { conflict: CONFLICT });
}

/** Adds a follow-up note to an action. */
export async function addImprovementNote(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<Result<{ id: string }>> {
  const parsed = improvementNoteSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: "Kontrollera fälten.", errors: fieldErrorsOf(parsed.error) };
  return transact(db, async (tx) => {
    const action = await tx.improvementAction.findFirst({ where: { id: parsed.data.actionId, ...actionWhere(resultScopeFor(actor, "improvement:manage")) } });
    if (!action) fail(NOT_FOUND);
    const note = await tx.improvementNote.create({ data: { actionId: action!.id, authorId: actor.id, text: parsed.data.text } });
    await writeAudit(tx, { actorId: actor.id, action: "improvement.note", entityType: "ImprovementAction", entityId: action!.id, unitId: action!.unitId, after: { noteId: note.id, text: note.text } });
    return { ok: true as const, id: note.id };
  }, { conflict: CONFLICT });
}
