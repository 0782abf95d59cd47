import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadSessionUser } from "@/lib/auth/session-user";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { form } from "./helpers/form";

// The server actions run against the test database as a mocked signed-in user.
const session = vi.hoisted(() => ({ user: null as unknown, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));

const { importResultsAction } = await import("@/app/(app)/resultat/actions");
const { createImprovementActionAction } = await import("@/app/(app)/atgarder/actions");

function upload(text: string | Uint8Array<ArrayBuffer>, extra: Record<string, string> = {}) {
  const data = new FormData();
  data.set("file", new File([text], "resultat.csv", { type: "text/csv" }));
  for (const [k, v] of Object.entries(extra)) data.set(k, v);
  return data;
}

describe.each(DATABASE_KINDS)("results server actions on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "utvecklare@arshjulet.example" } });
    session.user = await loadSessionUser(t.db, user.id, user.sessionVersion);
    session.db = t.db;
  });
  afterAll(() => t?.close());

  it("previews, then imports only on confirm with the previewed file", async () => {
    const file = "indikator;enhet;år;värde\nhelhetssyn;Granen;2027;88,5\n";
    const count = () => t.db.surveyResult.count();
    const before = await count();
    const preview = await importResultsAction(null, upload(file, { step: "preview" }));
    expect(preview).toMatchObject({ ok: true, preview: { total: 1, rows: [{ line: 2, place: "Granen", value: 88.5 }] } });
    expect(await count()).toBe(before);
    const changed = await importResultsAction(null, upload(file.replace("88,5", "18,5"), { step: "confirm", digest: preview!.preview!.digest }));
    expect(changed).toMatchObject({ ok: false, message: expect.stringMatching(/Förhandsgranska den igen/) });
    expect(await count()).toBe(before);
    const done = await importResultsAction(null, upload(file, { step: "confirm", digest: preview!.preview!.digest }));
    expect(done).toMatchObject({ ok: true, imported: { years: [2027] } });
    expect(await count()).toBe(before + 1);
  });

  it("refuses a missing, empty or too large file before reading it", async () => {
    expect(await importResultsAction(null, new FormData())).toMatchObject({ ok: false, errors: { file: ["Välj en CSV-fil med resultat."] } });
    expect(await importResultsAction(null, upload("", { step: "preview" }))).toMatchObject({ ok: false, message: "Filen är tom." });
    expect(await importResultsAction(null, upload(new Uint8Array(2_000_001), { step: "preview" }))).toMatchObject({ ok: false, message: "Filen är för stor (2,01 MB). Högst 1 MB och 10\u00a0000 rader kan importeras. Inget har sparats." });
  });

  it("creates an improvement action from the form, or returns field errors", async () => {
    const cycle = await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } });
    const bad = await createImprovementActionAction(null, form({ cycleId: cycle.id, unitId: "", title: "", ownerName: "", dueOn: "" }));
    expect(bad).toMatchObject({ ok: false, errors: { title: ["Skriv en rubrik."], ownerName: ["Ange ansvarig."], dueOn: ["Ange när åtgärden ska vara klar."] } });
    const ok = await createImprovementActionAction(null, form({ cycleId: cycle.id, unitId: "", indicatorId: "", title: "Hela verksamheten", ownerName: "VU", dueOn: "2026-12-31", status: "PLANNED" }));
    expect(ok).toEqual({ ok: true, message: "Åtgärden är sparad." });
    expect(await t.db.improvementAction.count({ where: { title: "Hela verksamheten", unitId: null, cycleId: cycle.id } })).toBe(1);
  });
});
