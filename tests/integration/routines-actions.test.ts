import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadSeedRoutine } from "@/prisma/seed/seed";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { activityForm, ENHETSCHEF, SEED_KEY, snapshot, UTVECKLARE, VERKSAMHETSCHEF } from "./helpers/routine-fixtures";
import { form } from "./helpers/form";

// The server actions run against the test database as a mocked signed-in user; redirects become errors we can read.
const session = vi.hoisted(() => ({ user: null as unknown, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => import("./helpers/next-navigation-mock"));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));

const routineActions = await import("@/app/(app)/rutiner/actions");
const editorActions = await import("@/app/(app)/rutiner/[key]/version/[version]/redigera/actions");
const { saveActivityAction } = await import("@/app/(app)/rutiner/[key]/version/[version]/aktivitet/actions");
const { publishAction } = await import("@/app/(app)/rutiner/[key]/version/[version]/publicera/actions");
const cycleActions = await import("@/app/(app)/cykler/actions");


async function redirectOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error && "url" in error) return String(error.url);
    throw error;
  }
  throw new Error("Ingen omdirigering");
}

describe.each(DATABASE_KINDS)("routine and cycle server actions on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    session.db = t.db;
  });
  afterAll(() => t?.close());

  it("refuses an enhetschef and a verksamhetschef in every action and leaves the database unchanged", async () => {
    const routine = await t.db.routine.findFirstOrThrow({ where: { key: SEED_KEY }, include: { versions: true } });
    const versionId = routine.versions[0]!.id;
    const cycle = await t.db.cycle.findFirstOrThrow({ where: { year: 2026 } });
    for (const email of [ENHETSCHEF, VERKSAMHETSCHEF]) {
      session.user = await actorFor(t.db, email);
      const before = await snapshot(t.db);
      const calls = [
        routineActions.createRoutineAction(null, form({ title: "Ny", key: "ny", colour: "#0f766e" })),
        routineActions.createDraftAction(null, form({ routineId: routine.id })),
        routineActions.deleteDraftAction(null, form({ versionId, routineKey: SEED_KEY })),
        routineActions.updateColourAction(null, form({ routineId: routine.id, colour: "#000000" })),
        routineActions.importRoutineAction(null, form({ json: JSON.stringify({ ...loadSeedRoutine(), key: "kopia" }) })),
        editorActions.updateMetadataAction(null, form({ versionId, routineKey: SEED_KEY, title: "X", purpose: "" })),
        editorActions.phaseAction(null, form({ versionId, routineKey: SEED_KEY, intent: "add", name: "Fas" })),
        editorActions.activityRowAction(null, form({ versionId, routineKey: SEED_KEY, activityId: "x", intent: "remove" })),
        saveActivityAction(null, form({ ...activityForm(), versionId, routineKey: SEED_KEY, version: "1", activityId: "" })),
        publishAction(null, form({ versionId, routineKey: SEED_KEY, version: "1", decidedBy: "VC", decidedOn: "2026-11-20", documentOwner: "VU", validity: "tills-vidare", followTasks: "ja" })),
      ];
      for (const result of await Promise.all(calls)) expect(result).toMatchObject({ ok: false, message: "Du har inte behörighet att hantera rutiner." });
      const cycleCalls = [
        cycleActions.startCycleAction(null, form({ year: "2027" })),
        cycleActions.planAgainAction(null, form({ cycleId: cycle.id })),
        cycleActions.timetableAction(null, form({ cycleId: cycle.id, surveyDispatchOn: "2026-03-02" })),
      ];
      for (const result of await Promise.all(cycleCalls)) expect(result).toMatchObject({ ok: false, message: "Du har inte behörighet att hantera årets cykler." });
      expect(await snapshot(t.db)).toEqual(before);
    }
  });

  it("lets a verksamhetsutvecklare edit, publish and start a cycle through the actions", async () => {
    session.user = await actorFor(t.db, UTVECKLARE);
    const routine = await t.db.routine.findFirstOrThrow({ where: { key: SEED_KEY } });
    expect(await redirectOf(routineActions.createDraftAction(null, form({ routineId: routine.id })))).toBe(`/rutiner/${SEED_KEY}/version/2/redigera?status=utkast-skapat`);
    const draft = await t.db.routineVersion.findFirstOrThrow({ where: { routineId: routine.id, version: 2 } });

    const invalid = await saveActivityAction(null, form({ ...activityForm({ startMonth: "0" }), versionId: draft.id, routineKey: SEED_KEY, version: "2", activityId: "" }));
    expect(invalid).toMatchObject({ ok: false, errors: { startMonth: ["Månaden måste vara 1–12."] } });
    const before = await snapshot(t.db);
    const tooLong = await saveActivityAction(null, form({ ...activityForm({ shortName: "Kvalitetsgenomgång med alla enhetschefer" }), versionId: draft.id, routineKey: SEED_KEY, version: "2", activityId: "" }));
    expect(tooLong).toMatchObject({ ok: false, errors: { shortName: ["Kortnamnet får vara högst 30 tecken."] } });
    expect(await snapshot(t.db)).toEqual(before);
    // The form's routineKey and version are not where the redirect goes: the saved draft is (issue 18, item 12).
    const crafted = { routineKey: "//evil.example/x", version: "1?status=x" };
    const saved = await redirectOf(saveActivityAction(null, form({ ...activityForm({ shortName: "Genomgång med enhetscheferna" }), versionId: draft.id, ...crafted, activityId: "" })));
    expect(saved).toMatch(new RegExp(`^/rutiner/${SEED_KEY}/version/2/redigera\\?status=aktivitet-sparad#aktivitet-`));

    const published = await redirectOf(publishAction(null, form({ versionId: draft.id, ...crafted, decidedBy: "VC", decidedOn: "2026-11-20", documentOwner: "VU", validity: "tills-vidare", followTasks: "nej" })));
    expect(published).toBe(`/rutiner/${SEED_KEY}/version/2?status=publicerad`);

    expect(await redirectOf(cycleActions.startCycleAction(null, form({ year: "2027" })))).toMatch(/^\/cykler\/2027\?startad=\d+$/);
    const afterStart = await snapshot(t.db);
    expect(await cycleActions.startCycleAction(null, form({ year: "2027" }))).toMatchObject({ ok: false, message: expect.stringMatching(/^Cykeln för 2027 finns redan/) });
    expect(await snapshot(t.db)).toEqual(afterStart);
    const newActivity = await t.db.activityTemplate.findFirstOrThrow({ where: { routineVersionId: draft.id, key: "kvalitetsgenomgang-med-enhetscheferna" } });
    expect(newActivity.shortName).toBe("Genomgång med enhetscheferna");
    expect(await t.db.task.count({ where: { cycle: { year: 2027 }, activityId: newActivity.id } })).toBe(await t.db.unit.count({ where: { active: true } }));
  });

  it("imports a pasted file and refuses malformed JSON without writing", async () => {
    session.user = await actorFor(t.db, UTVECKLARE);
    const before = await snapshot(t.db);
    expect(await routineActions.importRoutineAction(null, form({ json: "{ inte json" }))).toMatchObject({ ok: false, message: "Texten är inte giltig JSON: fel på rad 1, tecken 3." });
    expect(await snapshot(t.db)).toEqual(before);
    const file = new File([JSON.stringify({ ...loadSeedRoutine(), key: "kvalitetssakring", title: "Kvalitetssäkring" })], "rutin.json", { type: "application/json" });
    const data = form({ json: "" });
    data.set("file", file);
    expect(await redirectOf(routineActions.importRoutineAction(null, data))).toBe("/rutiner/kvalitetssakring/version/1?status=importerad");
  });
});
