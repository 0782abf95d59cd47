import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { previewResultsImport, removeAbandonedImports, writeResults, type ImportBatch } from "@/lib/results/mutations";
import { getRecentImports, getUnitComparison } from "@/lib/results/queries";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";

// Issue 30, H8: an import is staged in short batches under a pending ResultImport and applied in one short
// transaction, so that other requests keep their speed; it must still be all or nothing.

const enc = (text: string) => new TextEncoder().encode(text);

/** Everything an import may touch, including what is invisible to the pages (pending imports, staged rows). */
async function state(db: Db) {
  const [results, imports, staged, audit] = await Promise.all([
    db.surveyResult.findMany({ orderBy: { id: "asc" }, select: { id: true, value: true, respondents: true, importId: true } }),
    db.resultImport.findMany({ orderBy: { id: "asc" }, select: { id: true, pending: true } }),
    db.resultImportRow.count(),
    db.auditEntry.count(),
  ]);
  return { results, imports, staged, audit };
}

describe.each(DATABASE_KINDS)("a staged results import on %s", (kind) => {
  let t: TestDatabase;
  let utvecklare: Awaited<ReturnType<typeof actorFor>>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    utvecklare = await actorFor(t.db, "utvecklare@arshjulet.example");
  });
  afterAll(() => t?.close());

  /** The checked rows of a template file, as the confirm step hands them to writeResults. */
  async function batchOf(csv: string, fileName = "stor.csv"): Promise<ImportBatch> {
    const preview = await previewResultsImport(utvecklare, { fileName, bytes: enc(csv) }, t.db);
    if (!preview.ok) throw new Error(preview.message);
    const organisationId = (await t.db.organisation.findFirstOrThrow()).id;
    return { organisationId, importedById: utvecklare.id, fileName, format: preview.format, source: "file", rows: preview.rows };
  }
  const file = (year: number, places: string[], value = 80) => `indikator;enhet;år;värde\n${places.map((p, i) => `helhetssyn;${p};${year + Math.floor(i / 2)};${value}`).join("\n")}\n`;
  const SIX = ["Lärkan", "Tallbacken", "Hagen", "Ekdungen", "Lärkan", "Tallbacken"];

  it("writes in several batches, replaces and adds like one import, audits once and leaves no staged rows", async () => {
    const before = await state(t.db);
    const batch = await batchOf(`${file(2040, SIX)}helhetssyn;Kommunen;2040;70\n`);
    const first = await writeResults(t.db, batch, { batchSize: 2 });
    expect(first).toMatchObject({ ok: true, created: 7, replaced: 0, years: [2040, 2041, 2042] });
    const again = await writeResults(t.db, { ...batch, rows: batch.rows.map((r) => ({ ...r, value: 60 })) }, { batchSize: 3 });
    expect(again).toMatchObject({ ok: true, created: 0, replaced: 7 });
    const values = await t.db.surveyResult.findMany({ where: { year: { gte: 2040, lte: 2042 } } });
    expect(values).toHaveLength(7);
    expect(new Set(values.map((v) => [v.value, v.importId].join()))).toEqual(new Set([`60,${(again as { importId: string }).importId}`]));
    const imports = await t.db.resultImport.findMany({ where: { fileName: "stor.csv" } });
    expect(imports.map((i) => [i.pending, i.rowCount])).toEqual([[false, 7], [false, 7]]);
    expect(await t.db.resultImportRow.count()).toBe(0);
    const audits = await t.db.auditEntry.findMany({ where: { action: "results.import", entityId: { in: imports.map((i) => i.id) } } });
    expect(audits).toHaveLength(2);
    const replacing = audits.find((a) => a.entityId === (again as { importId: string }).importId)!;
    expect(replacing.after).toMatchObject({ rows: 7, created: 0, replaced: 7 });
    expect((replacing.before as { replaced: { value: number }[] }).replaced.map((r) => r.value)).toEqual([...Array(6).fill(80), 70]);
    expect((await state(t.db)).audit).toBe(before.audit + 2);
  });

  it("leaves no values, no import and no staged rows when a batch in the middle fails", async () => {
    const batch = await batchOf(file(2050, SIX));
    const before = await state(t.db);
    // The third of three batches is refused by the database: the first two are staged already.
    await t.db.$executeRawUnsafe(`ALTER TABLE "ResultImportRow" ADD CONSTRAINT no_2052 CHECK (year <> 2052)`);
    try {
      await expect(writeResults(t.db, batch, { batchSize: 2 })).rejects.toThrow();
    } finally {
      await t.db.$executeRawUnsafe(`ALTER TABLE "ResultImportRow" DROP CONSTRAINT no_2052`);
    }
    expect(await state(t.db)).toEqual(before);
    // And when the last, applying transaction fails after every batch was staged.
    await t.db.$executeRawUnsafe(`ALTER TABLE "SurveyResult" ADD CONSTRAINT no_2052 CHECK (year <> 2052)`);
    try {
      await expect(writeResults(t.db, batch, { batchSize: 2 })).rejects.toThrow();
    } finally {
      await t.db.$executeRawUnsafe(`ALTER TABLE "SurveyResult" DROP CONSTRAINT no_2052`);
    }
    expect(await state(t.db)).toEqual(before);
  });

  it("shows the pages nothing of a pending import, and the next import removes one a crash left", async () => {
    const organisationId = (await t.db.organisation.findFirstOrThrow()).id;
    const indicator = await t.db.indicator.findFirstOrThrow({ where: { key: "helhetssyn" } });
    const lark = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    const staged = (importId: string) => ({ importId, position: 0, indicatorId: indicator.id, year: 2060, level: "UNIT" as const, unitId: lark.id, levelKey: lark.id, value: 99, respondents: 30, responseRate: 60 });
    // What a server that stopped midway leaves: a pending import with staged rows, two hours ago, and one just started.
    // By the database's clock, which removeAbandonedImports reads (a test may run under faketime, a server not).
    const { now } = (await t.db.$queryRaw<{ now: Date }[]>`SELECT (now() AT TIME ZONE 'UTC') AS now`)[0]!;
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 60 * 60 * 1000);
    const crashed = await t.db.resultImport.create({ data: { organisationId, fileName: "kraschad.csv", format: "mall", rowCount: 1, pending: true, createdAt: hoursAgo(2) } });
    const running = await t.db.resultImport.create({ data: { organisationId, fileName: "pagaende.csv", format: "mall", rowCount: 1, pending: true, createdAt: hoursAgo(0) } });
    await t.db.resultImportRow.createMany({ data: [staged(crashed.id), staged(running.id)] });

    expect((await getRecentImports(utvecklare, t.db)).map((i) => i.fileName)).not.toEqual(expect.arrayContaining(["kraschad.csv"]));
    expect((await getRecentImports(utvecklare, t.db)).map((i) => i.fileName)).not.toEqual(expect.arrayContaining(["pagaende.csv"]));
    expect(await t.db.surveyResult.count({ where: { year: 2060 } })).toBe(0);
    const comparison = await getUnitComparison(utvecklare, lark.id, 2060, t.db);
    expect(comparison?.years).not.toContain(2060);

    const written = await writeResults(t.db, await batchOf(file(2061, ["Hagen"]), "efter.csv"));
    expect(written).toMatchObject({ ok: true, created: 1 });
    expect(await t.db.resultImport.findUnique({ where: { id: crashed.id } })).toBeNull();
    expect(await t.db.resultImportRow.findMany({ select: { importId: true } })).toEqual([{ importId: running.id }]);
    expect((await getRecentImports(utvecklare, t.db)).map((i) => i.fileName)).toContain("efter.csv");
    expect(await t.db.surveyResult.count({ where: { year: 2060 } })).toBe(0);
    // A running import is never taken for abandoned; once old it goes too.
    await t.db.resultImport.update({ where: { id: running.id }, data: { createdAt: hoursAgo(2) } });
    await removeAbandonedImports(t.db);
    expect(await t.db.resultImport.count({ where: { pending: true } })).toBe(0);
    expect(await t.db.resultImportRow.count()).toBe(0);
  });

  it("refuses an import whose new values someone else writes at the same moment, with the conflict message and nothing left", async () => {
    const batch = await batchOf(file(2070, ["Lärkan", "Tallbacken"]), "samtidig-stor.csv");
    const [row] = batch.rows;
    const before = await state(t.db);
    // Another import's transaction has written the first value and not yet committed when this one applies its own.
    let outcome: Awaited<ReturnType<typeof writeResults>> | undefined;
    await t.db.$transaction(async (tx) => {
      const other = await tx.resultImport.create({ data: { organisationId: batch.organisationId, fileName: "annan.csv", format: "mall", rowCount: 1 } });
      await tx.surveyResult.create({ data: { indicatorId: row!.indicatorId, year: row!.year, level: row!.level, unitId: row!.unitId, levelKey: row!.levelKey, value: 1, importId: other.id } });
      void writeResults(t.db, batch).then((r) => (outcome = r));
      if (kind === "postgres") {
        // Until this import's INSERT waits on the other's uncommitted row (asked on another connection of the pool).
        await expect.poll(async () => (await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)[0]!.n, { timeout: 20_000 }).toBeGreaterThan(0);
      } else {
        // PGlite's one connection: this import waits for the whole transaction (asking it anything here would too).
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }, { timeout: 30_000 });
    await expect.poll(() => outcome, { timeout: 20_000 }).toBeDefined();
    const after = await state(t.db);
    if (kind === "postgres") {
      // PostgreSQL: the two transactions overlap; the unique key refuses the second, which says so in Swedish.
      expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/samtidigt\. Inget har importerats/) });
      expect(after.results).toHaveLength(before.results.length + 1);
      expect(after.imports).toHaveLength(before.imports.length + 1);
      expect(after.staged).toBe(0);
      expect(await t.db.surveyResult.count({ where: { year: 2070 } })).toBe(1);
    } else {
      // PGlite has one connection: the transactions run one after the other, and the later import replaces.
      expect(outcome).toMatchObject({ ok: true, created: 1, replaced: 1 });
      expect(after.staged).toBe(0);
      expect(await t.db.surveyResult.count({ where: { year: 2070 } })).toBe(2);
    }
    expect(after.imports.filter((i) => i.pending)).toEqual([]);
  });
});
