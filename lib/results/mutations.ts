import "server-only";
import { createHash } from "node:crypto";
import { getDb, type DbClient } from "../db/index.ts";
import { Prisma } from "../db/generated/client.ts";
import { fail, transact } from "../db/transaction.ts";
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
  return { ok: true, digest: digestOf(input.bytes), format: read.format, rows: read.rows, replaced: await countReplaced(db, read.rows), notes: read.notes };
}

export function digestOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The stored results the rows would replace (queried by their sets of ids, then matched exactly). */
async function existingFor(db: DbClient, rows: ParsedResult[]) {
  const keys = new Set(rows.map((r) => `${r.indicatorId}|${r.year}|${r.levelKey}`));
  const found = await db.surveyResult.findMany({
    where: {
      indicatorId: { in: [...new Set(rows.map((r) => r.indicatorId))] },
      year: { in: [...new Set(rows.map((r) => r.year))] },
      levelKey: { in: [...new Set(rows.map((r) => r.levelKey))] },
    },
    select: { id: true, indicatorId: true, year: true, levelKey: true, value: true, respondents: true },
  });
  return found.filter((e) => keys.has(`${e.indicatorId}|${e.year}|${e.levelKey}`));
}

/** The preview step of every import (file or Kolada): how many stored values the checked rows would replace. */
export async function countReplaced(db: DbClient, rows: ParsedResult[]): Promise<number> {
  return (await existingFor(db, rows)).length;
}

/** Where an import's values came from: an uploaded file, or Kolada's API ("Källa: Kolada"). */
export type ImportSource = "file" | "kolada";
export type ImportBatch = { organisationId: string; importedById: string | null; fileName: string; format: string; source: ImportSource; rows: ParsedResult[] };
export type ImportWritten = { importId: string; created: number; replaced: number; years: number[] };

/**
 * The write step of every import (file or Kolada): all checked rows in one transaction, replacing earlier values for
 * the same indicator, place and year, recorded as one import and one audit entry. All or nothing.
 */
export async function writeResults(db: DbClient, batchInput: ImportBatch): Promise<Result<ImportWritten>> {
  const { organisationId, rows } = batchInput;
  const years = [...new Set(rows.map((r) => r.year))].sort();
  return transact(db, async (tx) => {
    const cycle = years.length === 1 ? await tx.cycle.findFirst({ where: { organisationId, year: years[0] } }) : null;
    const batch = await tx.resultImport.create({
      data: { organisationId, cycleId: cycle?.id ?? null, fileName: batchInput.fileName.slice(0, 200), format: batchInput.format, source: batchInput.source, rowCount: rows.length, importedById: batchInput.importedById },
    });
    const existing = await existingFor(tx, rows);
    const byKey = new Map(existing.map((e) => [`${e.indicatorId}|${e.year}|${e.levelKey}`, e]));
    const fresh = rows.filter((r) => !byKey.has(`${r.indicatorId}|${r.year}|${r.levelKey}`));
    const data = (r: ParsedResult) => ({ value: r.value, respondents: r.respondents, responseRate: r.responseRate, importId: batch.id });
    // In statements of WRITE_BATCH rows: 10 000 replaced values, one UPDATE each, held the database for seconds and
    // stalled every other request meanwhile (issue 30, H8). Still one transaction: an import is all or nothing.
    for (const part of chunks(fresh, WRITE_BATCH)) {
      await tx.surveyResult.createMany({
        data: part.map((r) => ({ indicatorId: r.indicatorId, year: r.year, level: r.level, unitId: r.unitId, levelKey: r.levelKey, ...data(r) })),
      });
    }
    const replacements = rows.flatMap((r) => {
      const old = byKey.get(`${r.indicatorId}|${r.year}|${r.levelKey}`);
      return old ? [{ id: old.id, ...data(r) }] : [];
    });
    for (const part of chunks(replacements, WRITE_BATCH)) {
      const values = Prisma.join(part.map((r) => Prisma.sql`(${r.id}::text, ${r.value}::double precision, ${r.respondents}::int, ${r.responseRate}::double precision)`));
      await tx.$executeRaw`UPDATE "SurveyResult" AS s SET "value" = v.value, "respondents" = v.respondents, "responseRate" = v.rate, "importId" = ${batch.id}
        FROM (VALUES ${values}) AS v(id, value, respondents, rate) WHERE s."id" = v.id`;
    }
    await writeAudit(tx, {
      actorId: batchInput.importedById,
      action: "results.import",
      entityType: "ResultImport",
      entityId: batch.id,
      before: existing.length > 0 ? { replaced: existing.map(({ indicatorId, year, levelKey, value, respondents }) => ({ indicatorId, year, levelKey, value, respondents })) } : undefined,
      after: { fileName: batch.fileName, format: batchInput.format, source: batchInput.source, rows: rows.length, created: fresh.length, replaced: existing.length, years },
    });
    return { ok: true as const, importId: batch.id, created: fresh.length, replaced: existing.length, years };
  }, { conflict: "Någon annan importerade resultat för samma indikator, enhet och år samtidigt. Inget har importerats; förhandsgranska igen." });
}

/** Rows per statement of an import's writes. */
const WRITE_BATCH = 1000;
const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Writes every row of a previewed file in one transaction, replacing earlier values for the same indicator, place and year. */
export async function importResults(actor: Actor, input: ImportInput, db: DbClient = getDb()): Promise<Result<ImportWritten>> {
  const ctx = await importContext(actor, db);
  if (!ctx) return { ok: false, message: NOT_ALLOWED_IMPORT };
  if (input.digest !== digestOf(input.bytes)) {
    return { ok: false, message: "Filen är inte densamma som förhandsgranskades. Förhandsgranska den igen innan du importerar." };
  }
  const read = readResultsFile(input.bytes, ctx);
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
