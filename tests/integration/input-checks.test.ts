import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { IDENTITY_NUMBER_MESSAGE } from "@/lib/personal-data";
import { loadSeedRoutine } from "@/prisma/seed/seed";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ENHETSCHEF, UTVECKLARE } from "./helpers/routine-fixtures";
import { form } from "./helpers/form";

// Personnummer, control characters and upload limits through the real server actions (issue 18, items 1, 5, 6),
// as a mocked signed-in user on the test database: every refusal is Swedish and leaves the database as it was.
const session = vi.hoisted(() => ({ user: null as unknown, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ requireUser: async () => session.user, requirePermission: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }) }));
vi.mock("next/navigation", () => import("./helpers/next-navigation-mock"));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));

const { saveInterviewAction, importCasesAction, declineCaseAction } = await import("@/app/(app)/kvalitetsgranskning/actions");
const { saveTaskAction } = await import("@/app/(app)/checklista/actions");
const { importRoutineAction } = await import("@/app/(app)/rutiner/actions");
const { importResultsAction } = await import("@/app/(app)/resultat/actions");

const KVALITET = "kvalitetshandlaggare@arshjulet.example";
const HANDLAGGARE = "handlaggare@arshjulet.example";
const HEADER = "arende;omrade;endast_trygghetslarm;nyligen_avslutat;demensdiagnos;anhoriganstallning";
/** The variants, each with a correct check digit; 450161-1232 is a samordningsnummer. */
const VARIANTS = ["19450101/1235", "19450101_1235", "450101.1235", "450101-1235", "4501011235", "450101 1235", "450161-1232"];

const file = (content: string | Uint8Array<ArrayBuffer>, name = "lista.csv") => new File([content], name);

/** Everything these calls could change. */
async function state(db: Db) {
  const [interviews, cases, tasks, events, routines, versions, results, audit] = await Promise.all([
    db.reviewInterview.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, otherComments: true } }),
    db.reviewCase.count(),
    db.task.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, comment: true } }),
    db.taskEvent.count(),
    db.routine.count(),
    db.routineVersion.count(),
    db.surveyResult.count(),
    db.auditEntry.count(),
  ]);
  return { interviews, cases, tasks, events, routines, versions, results, audit };
}

describe.each(DATABASE_KINDS)("free text and uploads through the actions on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    session.db = t.db;
  });
  afterAll(() => t?.close());

  it("refuses a personnummer in an interview's övriga synpunkter, in every variant, and saves the same form without it", async () => {
    session.user = await actorFor(t.db, HANDLAGGARE);
    const saved = await t.db.reviewInterview.findFirstOrThrow({ where: { case: { review: { year: 2025 } } }, include: { case: true } });
    const values = (otherComments: string) =>
      form({ caseId: saved.caseId, interviewedOn: "2025-04-02", receivesGranted: "YES", plannedTogether: "YES", arrivesOnTime: "YES", deviation: "nej", documentedInJournal: "on", version: String(saved.version), otherComments });
    const before = await state(t.db);
    for (const pnr of VARIANTS) {
      const result = await saveInterviewAction(null, values(`Brukaren (${pnr}) är nöjd.`));
      expect(result).toEqual({ ok: false, message: IDENTITY_NUMBER_MESSAGE, errors: { otherComments: [IDENTITY_NUMBER_MESSAGE] } });
      expect(JSON.stringify(result)).not.toContain(pnr.slice(-4));
    }
    // …also in the other free-text fields of the review.
    expect(await declineCaseAction(null, form({ caseId: saved.caseId, reason: "Anhörig 19450101/1235 svarade" }))).toMatchObject({ ok: false, errors: { reason: [IDENTITY_NUMBER_MESSAGE] } });
    expect(await state(t.db)).toEqual(before);
    // A number that is no personnummer (wrong check digit) is ordinary text.
    expect(await saveInterviewAction(null, values("Ring 19450101/1234 efter kl. 10."))).toMatchObject({ ok: true });
  });

  it("refuses a personnummer in a hemtjänst task's comment and leaves the task as it was", async () => {
    session.user = await actorFor(t.db, ENHETSCHEF);
    const task = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, unit: { name: "Tallbacken" }, activity: { key: "lg-genomgang-enhet" } } });
    const before = await state(t.db);
    for (const pnr of VARIANTS) {
      const result = await saveTaskAction(null, form({ intent: "comment", taskId: task.id, version: String(task.version), comment: `Gäller ${pnr}` }));
      expect(result).toMatchObject({ ok: false, message: IDENTITY_NUMBER_MESSAGE, errors: { comment: [IDENTITY_NUMBER_MESSAGE] } });
    }
    expect(await state(t.db)).toEqual(before);
    expect(await saveTaskAction(null, form({ intent: "comment", taskId: task.id, version: String(task.version), comment: "Ring 070-123 45 67, LG 2026-12-01." }))).toMatchObject({ ok: true });
  });

  it("refuses a case list with a personnummer in any variant, a control character, or over its limits, naming only the line", async () => {
    session.user = await actorFor(t.db, KVALITET);
    const before = await state(t.db);
    for (const pnr of VARIANTS) {
      const result = await importCasesAction(null, form({ year: "2031", file: file(`${HEADER}\nÄR-1;Område Norr;nej;nej;nej;nej\n${pnr};Område Norr;nej;nej;nej;nej\n`) }));
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/personnummer eller samordningsnummer \(rad 3\)/) });
      expect(JSON.stringify(result)).not.toContain(pnr.slice(-4));
    }
    expect(await importCasesAction(null, form({ year: "2031", file: file(`${HEADER}\nÄR-1;Område\u0000Norr;nej;nej;nej;nej\n`) }))).toMatchObject({ ok: false, message: expect.stringMatching(/^Filen innehåller otillåtna tecken \(styrtecken\) på rad 2\./) });
    const tooLarge = await importCasesAction(null, form({ year: "2031", file: file(new Uint8Array(500_001)) }));
    expect(tooLarge).toMatchObject({ ok: false, message: "Filen är för stor (501 kB). Högst 500 kB och 5\u00a0000 rader kan importeras. Inget har sparats.", errors: { file: [expect.any(String)] } });
    expect(await state(t.db)).toEqual(before);
  });

  it("refuses a routine file with a personnummer, a control character (also escaped) or too many activities", async () => {
    session.user = await actorFor(t.db, UTVECKLARE);
    const doc = loadSeedRoutine();
    const routine = (over: object) => JSON.stringify({ ...doc, key: "kopia", ...over }, null, 2);
    const before = await state(t.db);
    const withPnr = routine({ activities: [{ ...doc.activities[0], description: "Kontakt: 19450101_1235" }, ...doc.activities.slice(1)] });
    expect(await importRoutineAction(null, form({ file: file(withPnr, "rutin.json") }))).toMatchObject({ ok: false, message: expect.stringMatching(/personnummer eller samordningsnummer \(rad \d+\)/) });
    const escaped = routine({ title: "Rutin\u0000" });
    expect(escaped).toContain("\\u0000");
    const escapedLine = escaped.split("\n").findIndex((line) => line.includes("\\u0000")) + 1;
    expect(await importRoutineAction(null, form({ file: file(escaped, "rutin.json") }))).toMatchObject({ ok: false, message: expect.stringContaining(`styrtecken) på rad ${escapedLine}.`) });
    const many = routine({ activities: Array.from({ length: 201 }, (_, i) => ({ ...doc.activities[0], key: `a-${i}` })) });
    expect(await importRoutineAction(null, form({ file: file(many, "rutin.json") }))).toMatchObject({ ok: false, message: expect.stringMatching(/^Filen har 201 aktiviteter\. Högst 500 kB och 200 aktiviteter/) });
    expect(await importRoutineAction(null, form({ file: file(new Uint8Array(500_001), "rutin.json") }))).toMatchObject({ ok: false, errors: { file: [expect.stringMatching(/^Filen är för stor/)] } });
    // Pasted text: the action wrapper refuses a personnummer in the field, the import an escaped control character.
    expect(await importRoutineAction(null, form({ json: withPnr }))).toMatchObject({ ok: false, errors: { json: [IDENTITY_NUMBER_MESSAGE] } });
    expect(await importRoutineAction(null, form({ json: escaped }))).toMatchObject({ ok: false, message: expect.stringMatching(/styrtecken/) });
    expect(await state(t.db)).toEqual(before);
  });

  it("refuses a results file with a control character or a personnummer by line", async () => {
    session.user = await actorFor(t.db, UTVECKLARE);
    const before = await state(t.db);
    const results = (row: string) => file(`indikator;enhet;år;värde\n${row}\n`, "resultat.csv");
    expect(await importResultsAction(null, form({ step: "preview", file: results("Helhetsbedömning;Tallbacken\u0007;2025;80") }))).toMatchObject({ ok: false, message: expect.stringMatching(/styrtecken\) på rad 2/) });
    expect(await importResultsAction(null, form({ step: "preview", file: results("Helhetsbedömning;450101-1235;2025;80") }))).toMatchObject({ ok: false, message: expect.stringMatching(/personnummer eller samordningsnummer \(rad 2\)/) });
    expect(await state(t.db)).toEqual(before);
  });
});
