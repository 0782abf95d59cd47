import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { loadSessionUser } from "@/lib/auth/session-user";
import { importFromKolada, previewKoladaImport, runKoladaJob, type KoladaRunOptions } from "@/lib/results/kolada-import";
import { getKoladaSettings, ouField, saveKoladaSettings } from "@/lib/results/kolada-settings";
import { getRecentImports, getUnitComparison } from "@/lib/results/queries";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { startFakeKolada, totals, type Behaviour, type FakeKolada, type FakeRow } from "../support/fake-kolada";
import { form } from "./helpers/form";

// The fake Kolada is up before any module reads the environment, so the action finds it through KOLADA_BASE_URL.
const fake: FakeKolada = await startFakeKolada({ pageSize: 2 });
vi.stubEnv("KOLADA_BASE_URL", fake.baseUrl);

const session = vi.hoisted(() => ({ user: null as unknown, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));
const { importFromKoladaAction, saveKoladaSettingsAction } = await import("@/app/(app)/resultat/actions");

const KOMMUN = "1480";
const GRANEN = "V21E148000101";
const LARKAN = "V21E148000102";
const YEAR = 2027;
const baseRows = (): FakeRow[] => [
  { kpi: "U21468", municipality: KOMMUN, period: YEAR, values: totals(84.5, [{ gender: "K", value: 86 }]) },
  { kpi: "U21468", municipality: "0000", period: String(YEAR), values: totals(86) },
  { kpi: "U21468", ou: GRANEN, period: YEAR, isdeleted: true, values: totals(5) },
  { kpi: "U21468", ou: GRANEN, period: YEAR, values: totals(91) },
  { kpi: "U21468", ou: LARKAN, period: YEAR, values: totals(null) },
];
const baseOus = () => [
  { id: GRANEN, title: "Granen", municipality: KOMMUN },
  { id: LARKAN, title: "Lärkan", municipality: KOMMUN },
];
const options: KoladaRunOptions = { baseUrl: fake.baseUrl, timeoutMs: 2_000, maxPages: 6 };

/** What a refused fetch or save must leave exactly as it was. */
async function state(db: Db) {
  const [results, imports, audit, organisations, units] = await Promise.all([
    db.surveyResult.findMany({ orderBy: { id: "asc" }, select: { id: true, value: true, importId: true } }),
    db.resultImport.count(),
    db.auditEntry.count(),
    db.organisation.findMany({ select: { koladaMunicipalityId: true } }),
    db.unit.findMany({ orderBy: { id: "asc" }, select: { id: true, koladaOuId: true } }),
  ]);
  return { results, imports, audit, organisations, units };
}


afterAll(() => fake.close());

describe.each(DATABASE_KINDS)("results from Kolada on %s", (kind) => {
  let t: TestDatabase;
  let utvecklare: Awaited<ReturnType<typeof actorFor>>;
  let enhetschef: Awaited<ReturnType<typeof actorFor>>;
  let unit: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    utvecklare = await actorFor(t.db, "utvecklare@arshjulet.example");
    enhetschef = await actorFor(t.db, "enhetschef@arshjulet.example");
    unit = Object.fromEntries((await t.db.unit.findMany()).map((u) => [u.name, u.id]));
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "utvecklare@arshjulet.example" } });
    session.user = await loadSessionUser(t.db, user.id, user.sessionVersion);
    session.db = t.db;
  });
  beforeEach(() => {
    fake.behaviour = "normal";
    fake.rows = baseRows();
    fake.ous = baseOus();
    fake.requests.length = 0;
  });
  afterAll(() => t?.close());

  it("refuses bad Kolada settings and other roles, changing nothing, then saves good ones with an audit entry", async () => {
    const before = await state(t.db);
    const bad = await saveKoladaSettings(utvecklare, { municipalityId: "148", units: [{ unitId: unit.Granen!, ouId: "ä-1" }] }, t.db);
    expect(bad).toMatchObject({ ok: false, errors: { municipalityId: ["Kommunens id i Kolada är fyra siffror, t.ex. 1480."], [ouField(unit.Granen!)]: [expect.stringMatching(/bokstäver och siffror/)] } });
    expect(await saveKoladaSettings(utvecklare, { municipalityId: "0000", units: [] }, t.db)).toMatchObject({ ok: false, errors: { municipalityId: ["0000 är riket i Kolada, inte en kommun."] } });
    const twice = await saveKoladaSettings(utvecklare, { municipalityId: KOMMUN, units: [{ unitId: unit.Granen!, ouId: GRANEN }, { unitId: unit.Lärkan!, ouId: GRANEN.toLowerCase() }] }, t.db);
    expect(twice).toMatchObject({ ok: false, errors: { [ouField(unit.Lärkan!)]: [`Id:t ${GRANEN} är redan angivet för Granen.`] } });
    expect(await saveKoladaSettings(enhetschef, { municipalityId: KOMMUN, units: [] }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/behörighet/) });
    expect(await saveKoladaSettings(utvecklare, { municipalityId: KOMMUN, units: [{ unitId: "ingen-sadan", ouId: "" }] }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/finns inte längre/) });
    expect(await state(t.db)).toEqual(before);

    const saved = await saveKoladaSettingsAction(null, form({ municipalityId: KOMMUN, [ouField(unit.Granen!)]: GRANEN.toLowerCase(), [ouField(unit.Lärkan!)]: LARKAN, [ouField(unit.Hagen!)]: "" }));
    expect(saved).toEqual({ ok: true, message: "Inställningarna för Kolada är sparade." });
    const settings = (await getKoladaSettings(utvecklare, t.db))!;
    expect(settings.municipalityId).toBe(KOMMUN);
    expect(settings.units.filter((u) => u.ouId).map((u) => [u.name, u.ouId])).toEqual(expect.arrayContaining([["Granen", GRANEN], ["Lärkan", LARKAN]]));
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: "kolada.settings" } });
    expect(audit).toMatchObject({ actorId: utvecklare.id, after: { municipalityId: KOMMUN, ouIds: { Granen: GRANEN, Lärkan: LARKAN } } });
  });

  it("previews without writing, then writes on confirm with Källa: Kolada, the same way as a file", async () => {
    const before = await state(t.db);
    const preview = await previewKoladaImport(utvecklare, YEAR, t.db, options);
    expect(preview).toMatchObject({ ok: true, replaced: 0, year: YEAR });
    if (!preview.ok) return;
    expect(preview.rows.map((r) => [r.placeName, r.value])).toEqual([[`Kommunen (${KOMMUN})`, 84.5], ["Riket", 86], ["Granen", 91]]);
    expect(preview.notes).toEqual(["1 värde saknas i Kolada och hoppas över: Helhetssyn för Lärkan.", "1 rad som Kolada har markerat som borttagen hoppas över."]);
    expect(fake.requests.some((r) => r.includes("page=2"))).toBe(true);
    expect(await state(t.db)).toEqual(before);

    fake.rows[3]!.values = totals(92);
    expect(await importFromKolada(utvecklare, { year: YEAR, digest: preview.digest }, t.db, options)).toMatchObject({ ok: false, message: expect.stringMatching(/har ändrats sedan förhandsgranskningen/) });
    expect(await state(t.db)).toEqual(before);
    fake.rows[3]!.values = totals(91);

    const written = await importFromKolada(utvecklare, { year: YEAR, digest: preview.digest }, t.db, options);
    expect(written).toMatchObject({ ok: true, created: 3, replaced: 0, years: [YEAR] });
    const stored = await t.db.surveyResult.findMany({ where: { year: YEAR, indicator: { key: "helhetssyn" } }, include: { import: true } });
    expect(stored.map((r) => [r.levelKey, r.value]).sort()).toEqual([["KOMMUN", 84.5], ["RIKET", 86], [unit.Granen!, 91]].sort());
    expect(stored.every((r) => r.import?.source === "kolada" && r.import.format === "kolada-api" && r.import.importedById === utvecklare.id)).toBe(true);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: "results.import", entityId: stored[0]!.importId! } });
    expect(audit.after).toMatchObject({ source: "kolada", rows: 3, created: 3 });
    expect((await getRecentImports(utvecklare, t.db))[0]).toMatchObject({ source: "kolada", fileName: `Kolada ${YEAR}` });
    // The unit's comparison says "Källa: Kolada" for a year with values from Kolada, not for the seeded file values.
    expect(await getUnitComparison(utvecklare, unit.Granen!, YEAR, t.db)).toMatchObject({ year: YEAR, fromKolada: true });
    expect(await getUnitComparison(utvecklare, unit.Granen!, 2025, t.db)).toMatchObject({ year: 2025, fromKolada: false });
  });

  const failures: [string, Behaviour | ((rows: FakeRow[]) => void) | "unknown-ou", RegExp][] = [
    ["HTTP 429", "status-429", /HTTP 429/],
    ["HTTP 500", "status-500", /serverfel \(HTTP 500\)/],
    ["an answer that is not JSON", "not-json", /inte JSON/],
    ["paging that never ends", "endless", /tog aldrig slut/],
    ["a partial answer (the second page fails)", "fail-second-page", /HTTP 500/],
    ["a row for an OU not asked for", "stray-ou", /inte kopplat till någon enhet/],
    ["a mapped OU that Kolada does not know", "unknown-ou", /känner inte till enhets-id/],
    ["an unknown KPI", "stray-kpi", /nyckeltalet ”U00001” är inte kopplat/],
    ["a value outside 0–100", (rows) => (rows[3]!.values = totals(101.5)), /101,5 .* utanför 0–100/],
    ["a duplicate", (rows) => rows.push({ ...rows[3]! }), /dubblett/],
    ["an empty answer", (rows) => rows.splice(0, rows.length), /Kolada har inga värden för 2027/],
  ];
  it.each(failures)("writes nothing on %s, and says so in Swedish", async (_name, failure, message) => {
    if (typeof failure === "function") failure(fake.rows);
    else if (failure === "unknown-ou") fake.ous = fake.ous.slice(1);
    else fake.behaviour = failure;
    const before = await state(t.db);
    const preview = await previewKoladaImport(utvecklare, YEAR, t.db, options);
    expect(preview.ok).toBe(false);
    expect(`${(preview as { message: string }).message} ${((preview as { details?: string[] }).details ?? []).join(" ")}`).toMatch(message);
    expect(await importFromKolada(utvecklare, { year: YEAR, digest: "x" }, t.db, options)).toMatchObject({ ok: false });
    expect(await runKoladaJob(YEAR, t.db, options)).toEqual([expect.objectContaining({ outcome: expect.objectContaining({ ok: false }) })]);
    expect(await state(t.db)).toEqual(before);
  });

  it("writes nothing when Kolada does not answer in time or cannot be reached", async () => {
    const before = await state(t.db);
    fake.behaviour = "hang";
    expect(await previewKoladaImport(utvecklare, YEAR, t.db, { ...options, timeoutMs: 300 })).toMatchObject({ ok: false, message: expect.stringMatching(/svarade inte inom 1 sekund/) });
    const gone = await startFakeKolada();
    await gone.close();
    expect(await runKoladaJob(YEAR, t.db, { baseUrl: gone.baseUrl })).toEqual([expect.objectContaining({ outcome: { ok: false, message: expect.stringMatching(/^Kolada kunde inte nås/) } })]);
    expect(await state(t.db)).toEqual(before);
  });

  it("refuses a role without the right to import, and a bad year, before asking Kolada", async () => {
    expect(await previewKoladaImport(enhetschef, YEAR, t.db, options)).toMatchObject({ ok: false, message: expect.stringMatching(/behörighet/) });
    expect(await previewKoladaImport(utvecklare, 1999, t.db, options)).toMatchObject({ ok: false, errors: { year: [expect.any(String)] } });
    expect(fake.requests).toEqual([]);
  });

  it("runs the action: Hämta från Kolada shows the preview, the confirm writes it", async () => {
    fake.rows = fake.rows.map((r) => ({ ...r, period: YEAR + 1 }));
    const count = () => t.db.surveyResult.count({ where: { year: YEAR + 1 } });
    const preview = await importFromKoladaAction(null, form({ year: String(YEAR + 1), step: "preview" }));
    expect(preview).toMatchObject({ ok: true, preview: { format: "Koladas öppna API (v3)", source: "Källa: Kolada", year: YEAR + 1, total: 3, rows: [{ line: 1, place: `Kommunen (${KOMMUN})`, value: 84.5 }, {}, { place: "Granen" }] } });
    expect(await count()).toBe(0);
    const done = await importFromKoladaAction(null, form({ year: String(YEAR + 1), step: "confirm", digest: preview!.preview!.digest }));
    expect(done).toMatchObject({ ok: true, message: expect.stringMatching(/^Klart: 3 värden importerades för 2028 .* Källa: Kolada\.$/), imported: { years: [YEAR + 1] } });
    expect(await count()).toBe(3);
    expect(await importFromKoladaAction(null, form({ year: "tjugo", step: "preview" }))).toMatchObject({ ok: false, errors: { year: [expect.any(String)] } });
  });

  it("runs the scheduled job: writes directly, all or nothing, with no user behind it", async () => {
    fake.rows = fake.rows.map((r) => ({ ...r, period: YEAR + 2 }));
    const result = await runKoladaJob(YEAR + 2, t.db, options);
    expect(result).toEqual([{ organisationName: expect.any(String), outcome: expect.objectContaining({ ok: true, created: 3, replaced: 0, years: [YEAR + 2] }) }]);
    const batch = await t.db.resultImport.findFirstOrThrow({ where: { fileName: `Kolada ${YEAR + 2}` } });
    expect(batch).toMatchObject({ source: "kolada", importedById: null, rowCount: 3 });
    fake.rows[3]!.values = totals(95);
    expect(await runKoladaJob(YEAR + 2, t.db, options)).toEqual([expect.objectContaining({ outcome: expect.objectContaining({ ok: true, created: 0, replaced: 3 }) })]);
    expect((await t.db.surveyResult.findFirstOrThrow({ where: { year: YEAR + 2, unitId: unit.Granen! } })).value).toBe(95);
  });
});
