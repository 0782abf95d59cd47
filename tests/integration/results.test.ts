import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { addImprovementNote, createImprovementAction, digestOf, importResults, previewResultsImport, updateImprovementAction } from "@/lib/results/mutations";
import { saveIndicator } from "@/lib/results/indicators";
import { getResultsOverview, getUnitComparison, listImprovementActions } from "@/lib/results/queries";
import { seed } from "@/prisma/seed/seed";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { SEEDED_TODAY } from "../support/today";

const enc = (text: string) => new TextEncoder().encode(text);

/** What a refused import or edit must leave exactly as it was. */
async function state(db: Db) {
  const [results, imports, actions, notes, audit] = await Promise.all([
    db.surveyResult.findMany({ orderBy: { id: "asc" }, select: { id: true, value: true, respondents: true, importId: true } }),
    db.resultImport.count(),
    db.improvementAction.findMany({ orderBy: { id: "asc" } }),
    db.improvementNote.count(),
    db.auditEntry.count(),
  ]);
  return { results, imports, actions, notes, audit };
}

describe.each(DATABASE_KINDS)("results on %s", (kind) => {
  let t: TestDatabase;
  let utvecklare: Awaited<ReturnType<typeof actorFor>>;
  let enhetschef: Awaited<ReturnType<typeof actorFor>>;
  const unitId = (name: string) => t.db.unit.findFirstOrThrow({ where: { name } }).then((u) => u.id);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    utvecklare = await actorFor(t.db, "utvecklare@arshjulet.example");
    enhetschef = await actorFor(t.db, "enhetschef@arshjulet.example");
  });
  afterAll(() => t?.close());

  it("seeds indicators, two years of results with suppressed small units, and shows common weak points", async () => {
    expect(await t.db.indicator.count()).toBe(10);
    expect(await t.db.surveyResult.count({ where: { year: 2024 } })).toBe(10 * 16);
    expect(await t.db.surveyResult.count({ where: { year: 2025, value: null } })).toBe(10);
    const overview = await getResultsOverview(utvecklare, undefined, t.db);
    expect(overview.year).toBe(2025);
    expect(overview.weakPoints.filter((w) => w.common).map((w) => w.indicator.key)).toEqual(expect.arrayContaining(["tid", "information"]));
    const before = await t.db.surveyResult.count();
    await seed(t.db, { today: SEEDED_TODAY });
    expect(await t.db.surveyResult.count()).toBe(before);
  });

  it("previews without writing, then imports every row in one audited transaction", async () => {
    const file = enc("\uFEFFindikator;enhet;år;värde;antal_svar;svarsfrekvens\nhelhetssyn;Lärkan;2026;91,5;30;60\ntrygghet;Lärkan;2026;88;30;60\nhelhetssyn;Kommunen;2026;86;1400;57\nhelhetssyn;Lärkan;2025;70;30;60\n");
    const before = await state(t.db);
    const preview = await previewResultsImport(utvecklare, { fileName: "r.csv", bytes: file }, t.db);
    expect(preview).toMatchObject({ ok: true, format: "mall", replaced: 1 });
    expect(await state(t.db)).toEqual(before);

    const result = await importResults(utvecklare, { fileName: "r.csv", bytes: file, digest: digestOf(file) }, t.db);
    expect(result).toMatchObject({ ok: true, created: 3, replaced: 1, years: [2025, 2026] });
    const lark = await unitId("Lärkan");
    const comparison = (await getUnitComparison(utvecklare, lark, 2026, t.db))!;
    const hel = comparison.rows.find((r) => r.indicator.key === "helhetssyn")!;
    expect(hel).toMatchObject({ unit: { kind: "value", value: 91.5 }, previous: { kind: "value", value: 70 }, vsPrevious: 21.5, vsKommun: 5.5 });
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: "results.import", actorId: utvecklare.id } });
    expect(audit.after).toMatchObject({ rows: 4, created: 3, replaced: 1 });
    expect((audit.before as { replaced: unknown[] }).replaced).toHaveLength(1);
  });

  it("imports nothing when one row is bad, when the file changed after the preview, or for a role without the right", async () => {
    const before = await state(t.db);
    const bad = enc("indikator;enhet;år;värde\nhelhetssyn;Tallbacken;2026;80\ntrygghet;Tallbacken;2026;180\n");
    const refused = await importResults(utvecklare, { fileName: "bad.csv", bytes: bad, digest: digestOf(bad) }, t.db);
    expect(refused).toMatchObject({ ok: false, details: ["Rad 3, kolumn D (värde): värdet 180 ligger utanför 0–100."] });
    const good = enc("indikator;enhet;år;värde\nhelhetssyn;Tallbacken;2026;80\n");
    expect(await importResults(utvecklare, { fileName: "g.csv", bytes: good, digest: digestOf(bad) }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/inte densamma/) });
    expect(await importResults(enhetschef, { fileName: "g.csv", bytes: good, digest: digestOf(good) }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/behörighet/) });
    const latin1 = new Uint8Array([...enc("indikator;enhet;år;värde\nhelhetssyn;L"), 0xe4, ...enc("rkan;2026;80\n")]);
    expect(await importResults(utvecklare, { fileName: "l.csv", bytes: latin1, digest: digestOf(latin1) }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/UTF-8/) });
    expect(await state(t.db)).toEqual(before);
  });

  it("rolls the whole import back when the database refuses a row midway", async () => {
    const before = await state(t.db);
    await t.db.$executeRawUnsafe(`ALTER TABLE "SurveyResult" ADD CONSTRAINT no_2030 CHECK (year <> 2030)`);
    try {
      const file = enc("indikator;enhet;år;värde\nhelhetssyn;Hagen;2029;80\nhelhetssyn;Hagen;2030;80\n");
      await expect(importResults(utvecklare, { fileName: "x.csv", bytes: file, digest: digestOf(file) }, t.db)).rejects.toThrow();
    } finally {
      await t.db.$executeRawUnsafe(`ALTER TABLE "SurveyResult" DROP CONSTRAINT no_2030`);
    }
    expect(await state(t.db)).toEqual(before);
  });

  it("answers two imports of the same new values at once with one import and a Swedish message, never a raw error", async () => {
    const file = enc("indikator;enhet;år;värde\nhelhetssyn;Ekdungen;2031;80\ntrygghet;Ekdungen;2031;81\n");
    const input = { fileName: "samtidig.csv", bytes: file, digest: digestOf(file) };
    const both = await Promise.all([importResults(utvecklare, input, t.db), importResults(utvecklare, input, t.db)]);
    expect(both.some((r) => r.ok)).toBe(true);
    for (const r of both.filter((r) => !r.ok)) expect(r).toEqual({ ok: false, message: expect.stringMatching(/samtidigt\. Inget har importerats/) });
    expect(await t.db.surveyResult.count({ where: { year: 2031 } })).toBe(2);
    expect(await t.db.resultImport.count({ where: { fileName: "samtidig.csv" } })).toBe(both.filter((r) => r.ok).length);
  });

  it("imports a unit name to the active unit when an inactive unit elsewhere has the same name, and refuses a name two active units share", async () => {
    const lark = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    const otherArea = await t.db.area.findFirstOrThrow({ where: { id: { not: lark.areaId } } });
    const closed = await t.db.unit.create({ data: { areaId: otherArea.id, name: "Lärkan", active: false } });
    try {
      const file = enc("indikator;enhet;år;värde\nhelhetssyn;Lärkan;2032;80\n");
      const preview = await previewResultsImport(utvecklare, { fileName: "l.csv", bytes: file }, t.db);
      expect(preview.ok && preview.rows[0]!.unitId).toBe(lark.id);
      await t.db.unit.update({ where: { id: closed.id }, data: { active: true } });
      const before = await state(t.db);
      const twice = await importResults(utvecklare, { fileName: "l.csv", bytes: file, digest: digestOf(file) }, t.db);
      expect(twice).toMatchObject({ ok: false, details: [expect.stringMatching(/flera enheter heter ”Lärkan”; använd kolumnen enhet_id/)] });
      expect(await state(t.db)).toEqual(before);
    } finally {
      await t.db.unit.delete({ where: { id: closed.id } });
    }
  });

  it("scopes comparisons to the units a role may read", async () => {
    expect(await getUnitComparison(enhetschef, await unitId("Hagen"), undefined, t.db)).toBeNull();
    expect((await getUnitComparison(enhetschef, await unitId("Tallbacken"), undefined, t.db))?.unit.name).toBe("Tallbacken");
    const overview = await getResultsOverview(enhetschef, 2025, t.db);
    expect(overview.units.map((u) => u.name).sort()).toEqual(["Lärkan", "Tallbacken"]);
    expect(overview.showsCommon).toBe(true);
    // The koordinator reads one unit: no "gemensamma nämnare" (not "1 av 1 enheter").
    const single = await getResultsOverview(await actorFor(t.db, "koordinator@arshjulet.example"), 2025, t.db);
    expect(single.units.map((u) => u.name)).toEqual(["Lärkan"]);
    expect(single.showsCommon).toBe(false);
    expect(single.weakPoints.length).toBeGreaterThan(0);
    expect(single.weakPoints.some((w) => w.common)).toBe(false);
  });

  it("creates, edits and notes an improvement action, audited, and measures its effect the next year", async () => {
    const cycle2025 = await t.db.cycle.findFirstOrThrow({ where: { year: 2025 } });
    const indicator = await t.db.indicator.findFirstOrThrow({ where: { key: "helhetssyn" } });
    const lark = await unitId("Lärkan");
    const created = await createImprovementAction(enhetschef, { cycleId: cycle2025.id, unitId: lark, indicatorId: indicator.id, title: "Fler samtal om nöjdhet", ownerName: "Enhetschef", dueOn: "2026-06-30" }, t.db);
    expect(created).toMatchObject({ ok: true });
    const id = (created as { id: string }).id;
    expect(await updateImprovementAction(enhetschef, { actionId: id, version: 1, title: "Fler samtal om nöjdhet", ownerName: "Enhetschef", dueOn: "2026-06-30", status: "DONE", indicatorId: indicator.id }, t.db)).toMatchObject({ ok: true });
    expect(await addImprovementNote(enhetschef, { actionId: id, text: "Klart på APT i juni." }, t.db)).toMatchObject({ ok: true });
    const row = (await listImprovementActions(enhetschef, {}, t.db)).actions.find((a) => a.id === id)!;
    expect(row).toMatchObject({ status: "DONE", version: 2, cycleYear: 2025, unitName: "Lärkan", effect: { kind: "measured", before: 70, after: 91.5, verdict: "better" } });
    expect(row.notes.map((n) => n.text)).toEqual(["Klart på APT i juni."]);
    expect(await t.db.auditEntry.count({ where: { entityId: id } })).toBe(3);
  });

  it("refuses bad or out-of-scope action input and stale edits, changing nothing", async () => {
    const cycle = await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } });
    const before = await state(t.db);
    const base = { cycleId: cycle.id, title: "Åtgärd", ownerName: "X", dueOn: "2026-12-01" };
    expect(await createImprovementAction(enhetschef, { ...base, title: "", dueOn: "2026-02-30" }, t.db)).toMatchObject({ ok: false, errors: { title: ["Skriv en rubrik."], dueOn: ["Datumet finns inte i kalendern."] } });
    expect(await createImprovementAction(enhetschef, { ...base, unitId: await unitId("Hagen") }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/egna enheter/) });
    expect(await createImprovementAction(enhetschef, base, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/inte för hela verksamheten/) });
    expect(await createImprovementAction(enhetschef, { ...base, unitId: "x".repeat(101), indicatorId: "y".repeat(101) }, t.db)).toMatchObject({
      ok: false, errors: { unitId: ["Okänt val. Ladda om sidan."], indicatorId: ["Okänt val. Ladda om sidan."] },
    });
    const koordinator = await actorFor(t.db, "koordinator@arshjulet.example");
    expect(await createImprovementAction(koordinator, base, t.db)).toEqual({ ok: false, message: "Du har inte behörighet att hantera förbättringsåtgärder." });
    const hagenAction = await t.db.improvementAction.findFirstOrThrow({ where: { unitId: null } });
    expect(await addImprovementNote(enhetschef, { actionId: hagenAction.id, text: "x" }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/finns inte/) });
    const own = await t.db.improvementAction.findFirstOrThrow({ where: { title: "Fler samtal om nöjdhet" } });
    expect(await updateImprovementAction(enhetschef, { actionId: own.id, version: 1, title: "Ny", ownerName: "X", dueOn: "2026-06-30", status: "DONE" }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/någon annan/i) });
    expect(await state(t.db)).toEqual(before);
  });

  it("keeps the indicator list: adds one with a Kolada KPI, refuses a taken key or KPI, and imports Kolada rows through it", async () => {
    const created = await saveIndicator(utvecklare, { name: "Bemötande av nattpatrullen", koladaKpi: "u99999", higherIsBetter: "ja" }, t.db);
    expect(created).toMatchObject({ ok: true });
    const row = await t.db.indicator.findUniqueOrThrow({ where: { id: (created as { id: string }).id } });
    expect(row).toMatchObject({ key: "bemotande-av-nattpatrullen", koladaKpi: "U99999", position: 11 });
    const before = await state(t.db);
    expect(await saveIndicator(utvecklare, { name: "Dubblett", key: "helhetssyn", higherIsBetter: "ja" }, t.db)).toMatchObject({ ok: false, errors: { key: [expect.stringMatching(/redan/)] } });
    expect(await saveIndicator(utvecklare, { name: "Annan", koladaKpi: "U21468", higherIsBetter: "ja" }, t.db)).toMatchObject({ ok: false, errors: { koladaKpi: [expect.stringMatching(/redan kopplat/)] } });
    expect(await saveIndicator(utvecklare, { name: "Fel", koladaKpi: "21468", higherIsBetter: "ja" }, t.db)).toMatchObject({ ok: false, errors: { koladaKpi: [expect.any(String)] } });
    expect(await saveIndicator(enhetschef, { name: "Ny", higherIsBetter: "ja" }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/behörighet/) });
    expect(await state(t.db)).toEqual(before);

    const kolada = enc("kpi,municipality,period,gender,value\nU99999,1480,2026,T,71.5\nU99999,1480,2026,K,70\nU99999,0000,2026,T,74\n");
    expect(await importResults(utvecklare, { fileName: "kolada.csv", bytes: kolada, digest: digestOf(kolada) }, t.db)).toMatchObject({ ok: true, created: 2 });
    const values = await t.db.surveyResult.findMany({ where: { indicatorId: row.id }, orderBy: { levelKey: "asc" } });
    expect(values.map((v) => [v.level, v.value])).toEqual([["KOMMUN", 71.5], ["RIKET", 74]]);
  });

  it("answers two saves of the same new indicator at once with one indicator and a Swedish message", async () => {
    const indicators = await Promise.all([
      saveIndicator(utvecklare, { name: "Samtidig indikator", higherIsBetter: "ja" }, t.db),
      saveIndicator(utvecklare, { name: "Samtidig indikator", higherIsBetter: "ja" }, t.db),
    ]);
    expect(indicators.filter((r) => r.ok)).toHaveLength(1);
    expect(indicators.find((r) => !r.ok)).toMatchObject({ ok: false, message: expect.any(String) });
    expect(await t.db.indicator.count({ where: { key: "samtidig-indikator" } })).toBe(1);
  });
});
