import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { buildWorkbook } from "@/lib/export/xlsx";
import { sheetCsv } from "@/lib/letters/csv";
import { getWorkbookContent, importOrganisationFile, type WorkbookState } from "@/lib/organisation/import";
import { organisationSheets, type WorkbookContent } from "@/lib/organisation/workbook";
import { actorFor } from "./helpers/actors";
import { createTestDatabase, type TestDatabase } from "./helpers/databases";
import { fingerprint } from "./helpers/fingerprint";
import { SEEDED_TODAY } from "../support/today";

const today = SEEDED_TODAY;
const xlsx = (content: WorkbookContent) => buildWorkbook(organisationSheets(content), new Date(0));
const empty: WorkbookContent = { areas: [], units: [], users: [] };

/** The workbook of issue 29's journey: 2 areas, 5 units and 10 users. */
const NEW_ORGANISATION: WorkbookContent = {
  areas: ["Område Syd", "Område Nord"],
  units: [
    { name: "Rosen", area: "Område Syd", koladaOuId: "V45E0001", closedOn: null },
    { name: "Liljan", area: "Område Syd", koladaOuId: null, closedOn: null },
    { name: "Eken", area: "Område Nord", koladaOuId: null, closedOn: null },
    { name: "Boken", area: "Område Nord", koladaOuId: null, closedOn: null },
    { name: "Lärkan", area: "Område Nord", koladaOuId: null, closedOn: null },
  ],
  users: [
    { email: "chef.rosen@kommun.test", name: "Chef Rosen", role: "Enhetschef", scope: "Rosen" },
    { email: "chef.liljan@kommun.test", name: "Chef Liljan", role: "Enhetschef", scope: "Liljan" },
    { email: "chef.nord@kommun.test", name: "Chef Nord", role: "Enhetschef", scope: "Område Nord" },
    { email: "koord.syd@kommun.test", name: "Koordinator Syd", role: "Koordinator", scope: "Rosen; Liljan" },
    { email: "koord.nord@kommun.test", name: "Koordinator Nord", role: "koordinator", scope: "Eken; Boken" },
    { email: "vc@kommun.test", name: "Verksamhetschefen", role: "Verksamhetschef", scope: "Hela verksamheten" },
    { email: "vu@kommun.test", name: "Utvecklaren", role: "Verksamhetsutvecklare", scope: "hela verksamheten" },
    { email: "kom@kommun.test", name: "Kommunikatören", role: "Kommunikationsenheten", scope: "Hela verksamheten" },
    { email: "admin2@kommun.test", name: "Andra administratören", role: "Administratör", scope: "Hela verksamheten" },
    { email: "ny@kommun.test", name: "Utan roll ännu", role: "", scope: "" },
  ],
};

describe("the organisation workbook on pglite (issue 29)", () => {
  let t: TestDatabase;
  let admin: SessionUser;
  let organisationId: string;
  const run = async (bytes: Uint8Array, intent: "preview" | "import", previewed = "") => (await importOrganisationFile(admin, { bytes, intent, previewed }, today, t.db))!;
  const previewAndImport = async (bytes: Uint8Array): Promise<{ preview: WorkbookState; result: WorkbookState }> => {
    const preview = await run(bytes, "preview");
    return { preview, result: await run(bytes, "import", preview?.fingerprint ?? "") };
  };

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    admin = await actorFor(t.db, "admin@arshjulet.example");
    organisationId = admin.assignments[0]!.organisationId;
  }, 120_000);
  afterAll(() => t?.close());

  it("an export imported back changes nothing", async () => {
    const before = await fingerprint(t.db);
    const exported = await xlsx(await getWorkbookContent(organisationId, t.db));
    const preview = await run(exported, "preview");
    expect(preview).toMatchObject({ ok: true, message: "Inget att ändra: organisationen är redan som i filen.", preview: { created: [], changed: [], closed: [] } });
    expect(preview.fingerprint).toBeUndefined();
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it("previews, then writes a new organisation; the same workbook twice changes nothing", async () => {
    const bytes = await xlsx(NEW_ORGANISATION);
    const before = await fingerprint(t.db);
    const { preview, result } = await previewAndImport(bytes);
    expect(preview).toMatchObject({ ok: true });
    expect(preview!.preview!.created).toContain("Område: Område Syd");
    expect(preview!.preview!.created).toContain("Enhet: Rosen (Område Syd), Kolada-id V45E0001");
    expect(preview!.preview!.created).toContain("Användare: Chef Rosen (chef.rosen@kommun.test), utan lösenord");
    expect(result).toMatchObject({ ok: true, done: true });
    expect(await fingerprint(t.db)).not.toEqual(before);

    expect(await t.db.unit.count({ where: { area: { name: { in: ["Område Syd", "Område Nord"] } } } })).toBe(5);
    const chiefNord = await t.db.user.findUniqueOrThrow({ where: { email: "chef.nord@kommun.test" }, include: { roleAssignments: { include: { unit: true } } } });
    expect(chiefNord.passwordHash).toBeNull();
    expect(chiefNord.roleAssignments.map((a) => a.unit?.name).sort()).toEqual(["Boken", "Eken", "Lärkan"]);
    // A new unit in a cycle under way gets its tasks from this month on.
    expect(await t.db.task.count({ where: { unit: { name: "Rosen" } } })).toBeGreaterThan(0);
    expect(await t.db.auditEntry.count({ where: { action: "organisation.import" } })).toBe(1);

    const again = await fingerprint(t.db);
    const second = await run(bytes, "preview");
    expect(second.message).toMatch(/^Inget att ändra/);
    expect(await run(bytes, "import", second.fingerprint ?? "")).toMatchObject({ ok: true, message: "Inget att ändra." });
    expect(await fingerprint(t.db)).toEqual(again);
    // Two units named Lärkan now: the export names them by area, and imports back unchanged.
    const exported = await xlsx(await getWorkbookContent(organisationId, t.db));
    expect((await run(exported, "preview")).message).toMatch(/^Inget att ändra/);
    expect(await fingerprint(t.db)).toEqual(again);
  });

  it("closes a unit only where the file says so, and a unit left out is left alone", async () => {
    const file: WorkbookContent = { ...empty, units: [{ name: "Liljan", area: "Område Syd", koladaOuId: null, closedOn: new Date(Date.UTC(2026, 10, 20)) }] };
    const { preview, result } = await previewAndImport(await xlsx(file));
    expect(preview!.preview).toEqual({ created: [], changed: [], closed: ["Enhet: Liljan (Område Syd) från 20 november 2026"] });
    expect(result).toMatchObject({ ok: true });
    expect(await t.db.unit.findFirstOrThrow({ where: { name: "Liljan" } })).toMatchObject({ active: false });
    expect(await t.db.unit.findFirstOrThrow({ where: { name: "Rosen" } })).toMatchObject({ active: true });
  });

  it("refuses each bad row with its row number, in Swedish, and writes nothing", async () => {
    const before = await fingerprint(t.db);
    const bad: WorkbookContent = {
      areas: ["Område Syd", "x".repeat(121)],
      units: [
        { name: "Nyenheten", area: "Område Finns Inte", koladaOuId: null, closedOn: null },
        { name: "Rosen", area: "Område Syd", koladaOuId: "0000", closedOn: null },
        { name: "Ok enhet", area: "Område Syd", koladaOuId: null, closedOn: null },
      ],
      users: [
        { email: "inte-en-adress", name: "Någon", role: "Enhetschef", scope: "Rosen" },
        { email: "a@kommun.test", name: "Anna", role: "Chef för allt", scope: "Rosen" },
        { email: "b@kommun.test", name: "Bertil", role: "Enhetschef", scope: "Enheten Som Inte Finns" },
        { email: "c@kommun.test", name: "Cecilia", role: "Koordinator", scope: "Liljan" },
        { email: "d@kommun.test", name: "David", role: "Koordinator", scope: "Lärkan" },
        { email: "e@kommun.test", name: "Erik", role: "Enhetschef", scope: "" },
      ],
    };
    const preview = await run(await xlsx(bad), "preview");
    expect(preview.ok).toBe(false);
    expect(preview.message).toBe("Filen har 9 fel. Rätta raderna och försök igen. Inget har sparats.");
    expect(preview.details).toEqual([
      "Områden, rad 3: Namnet får vara högst 120 tecken.",
      "Enheter, rad 2: området ”Område Finns Inte” finns inte, varken i verksamheten eller på bladet Områden.",
      expect.stringMatching(/^Enheter, rad 3: .*Kolada/),
      "Användare, rad 2: e-postadressen ”inte-en-adress” är inte giltig.",
      expect.stringMatching(/^Användare, rad 3: rollen ”Chef för allt” finns inte\. Välj en av: Enhetschef, /),
      "Användare, rad 4: enheten eller området ”Enheten Som Inte Finns” finns inte.",
      "Användare, rad 5: enheten ”Liljan” är stängd.",
      "Användare, rad 6: det finns flera enheter som heter ”Lärkan”: skriv område och enhet, t.ex. Område Norr / Lärkan.",
      "Användare, rad 7: ange vad rollen gäller: Hela verksamheten, ett område eller enheter.",
    ]);
    // Importing it anyway (a crafted post) is refused the same way.
    expect(await run(await xlsx(bad), "import", "x")).toMatchObject({ ok: false, message: preview.message });
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it("refuses a personnummer, a file changed since the preview, and reads one sheet as CSV", async () => {
    const before = await fingerprint(t.db);
    const withIdentity: WorkbookContent = { ...empty, users: [{ email: "f@kommun.test", name: "Fia 19121212-1212", role: "Enhetschef", scope: "Rosen" }] };
    const refused = await run(await xlsx(withIdentity), "preview");
    expect(refused).toMatchObject({ ok: false });
    expect(refused.message).toMatch(/^Bladet Användare: Filen innehåller något som ser ut som ett personnummer eller samordningsnummer \(rad 2\)/);
    expect(refused.message).not.toContain("1212");

    const one: WorkbookContent = { ...empty, areas: ["Område Väst"] };
    const stale = await run(await xlsx(one), "import", "förhandsgranskat-något-annat");
    expect(stale).toMatchObject({ ok: false, message: expect.stringMatching(/har ändrats sedan förhandsgranskningen/) });
    expect(await fingerprint(t.db)).toEqual(before);

    const csv = new TextEncoder().encode(sheetCsv(organisationSheets({ ...empty, units: [{ name: "Ny i CSV", area: "Område Syd", koladaOuId: null, closedOn: null }] })[1]!));
    const { preview, result } = await previewAndImport(csv);
    expect(preview!.preview!.created).toEqual(["Enhet: Ny i CSV (Område Syd)"]);
    expect(result).toMatchObject({ ok: true });
    expect(await t.db.unit.count({ where: { name: "Ny i CSV" } })).toBe(1);
  });
});
