import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPhase, moveActivity, movePhase, removeActivity, removePhase, renamePhase, saveActivity } from "@/lib/routines/draft-mutations";
import { getRoutineExport } from "@/lib/routines/export";
import { parseRoutineJson } from "@/lib/routines/import";
import { createDraft, createRoutine, deleteDraft, importRoutine, updateDraftMetadata, updateRoutineColour } from "@/lib/routines/mutations";
import { publishDraft } from "@/lib/routines/publish";
import { getManagedVersion } from "@/lib/routines/versions";
import { loadSeedRoutine } from "@/prisma/seed/seed";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { activityForm, ENHETSCHEF, SEED_KEY, snapshot, UTVECKLARE, VERKSAMHETSCHEF } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";


describe.each(DATABASE_KINDS)("routine versions on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  const seededRoutine = () => t.db.routine.findFirstOrThrow({ where: { key: SEED_KEY } });

  it("refuses every routine mutation to an enhetschef and a verksamhetschef and changes nothing", async () => {
    const routine = await seededRoutine();
    const v1 = await t.db.routineVersion.findFirstOrThrow({ where: { routineId: routine.id } });
    for (const email of [ENHETSCHEF, VERKSAMHETSCHEF]) {
      const actor = await actorFor(t.db, email);
      const before = await snapshot(t.db);
      const results = [
        await createRoutine(actor, { title: "Ny", key: "ny", colour: "#0f766e" }, t.db),
        await createDraft(actor, { routineId: routine.id }, t.db),
        await deleteDraft(actor, { versionId: v1.id }, t.db),
        await updateDraftMetadata(actor, { versionId: v1.id, title: "X", purpose: "" }, t.db),
        await updateRoutineColour(actor, { routineId: routine.id, colour: "#000000" }, t.db),
        await saveActivity(actor, { versionId: v1.id, values: activityForm() }, t.db),
        await removeActivity(actor, { versionId: v1.id, activityId: "x" }, t.db),
        await addPhase(actor, { versionId: v1.id, name: "Fas" }, t.db),
        await publishDraft(actor, { versionId: v1.id, decidedBy: "X", decidedOn: "2026-11-01", documentOwner: "Y", validity: "tills-vidare", followTasks: "ja" }, t.db, SEEDED_TODAY),
        await importRoutine(actor, { text: JSON.stringify(loadSeedRoutine()) }, t.db),
      ];
      for (const result of results) expect(result).toMatchObject({ ok: false, message: "Du har inte behörighet att hantera rutiner." });
      expect(await snapshot(t.db)).toEqual(before);
    }
  });

  it("exports the seeded version as exactly the seed document", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const file = await getRoutineExport(actor, SEED_KEY, 1, t.db);
    expect(file?.fileName).toBe(`${SEED_KEY}-version-1.json`);
    const parsed = parseRoutineJson(file!.json);
    expect(parsed).toEqual({ ok: true, document: loadSeedRoutine() });
    expect(await getRoutineExport(await actorFor(t.db, ENHETSCHEF), SEED_KEY, 1, t.db)).toBeNull();
  });

  it("'Redigera' copies the active version into draft version 2, and a second click opens the same draft", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const routine = await seededRoutine();
    const first = await createDraft(actor, { routineId: routine.id }, t.db);
    expect(first).toMatchObject({ ok: true, version: 2, created: true });
    const again = await createDraft(actor, { routineId: routine.id }, t.db);
    expect(again).toMatchObject({ ok: true, version: 2, created: false });
    const [v1, v2] = await Promise.all([getManagedVersion(actor, SEED_KEY, 1, t.db), getManagedVersion(actor, SEED_KEY, 2, t.db)]);
    expect(v2!.status).toBe("DRAFT");
    expect(v2!.replacesVersionId).toBe(v1!.id);
    expect(v2!.activities.map((a) => a.key)).toEqual(v1!.activities.map((a) => a.key));
    expect(v2!.phases.map((p) => p.name)).toEqual(v1!.phases.map((p) => p.name));
    expect(v1!.status).toBe("ACTIVE");
  });

  it("refuses bad activity input with Swedish field errors and writes nothing", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const v2 = (await getManagedVersion(actor, SEED_KEY, 2, t.db))!;
    const cases: [Record<string, string>, string, string][] = [
      [{ startMonth: "13" }, "startMonth", "Månaden måste vara 1–12."],
      [{ timing: "SPAN", startMonth: "5", endMonth: "3" }, "endMonth", "Perioden slutar före den börjar."],
      [{ responsibleRole: "BRANDCHEF" }, "responsibleRole", "Okänd ansvarig roll."],
      [{ phase: "sommar" }, "phase", "Fasen finns inte i utkastet."],
      [{ title: "  " }, "title", "Aktiviteten behöver en rubrik."],
      [{ kind: "LETTER" }, "letterNumber", "Brukarbrev (och bara de) har ett nummer 1–4."],
      [{ key: "brukarbrev-1" }, "key", "Nyckeln används redan av en annan aktivitet i utkastet."],
    ];
    const before = await snapshot(t.db);
    for (const [over, field, message] of cases) {
      const result = await saveActivity(actor, { versionId: v2.id, values: activityForm(over) }, t.db);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors?.[field]).toContain(message);
    }
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("edits a draft: adds, changes, moves and removes activities and phases, with an audit entry each", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const v2 = (await getManagedVersion(actor, SEED_KEY, 2, t.db))!;
    const auditBefore = await t.db.auditEntry.count();
    const added = await saveActivity(actor, { versionId: v2.id, values: activityForm() }, t.db);
    expect(added).toMatchObject({ ok: true });
    const row = await t.db.activityTemplate.findUniqueOrThrow({ where: { id: added.ok ? added.activityId : "" } });
    expect(row).toMatchObject({ key: "kvalitetsgenomgang-med-enhetscheferna", startMonth: 3, endMonth: 3, scope: "UNIT", responsibleRole: "ENHETSCHEF" });

    // A second activity with the same title gets a distinct key.
    const twin = await saveActivity(actor, { versionId: v2.id, values: activityForm() }, t.db);
    expect(await t.db.activityTemplate.findUniqueOrThrow({ where: { id: twin.ok ? twin.activityId : "" } })).toMatchObject({ key: "kvalitetsgenomgang-med-enhetscheferna-2" });
    expect(await removeActivity(actor, { versionId: v2.id, activityId: twin.ok ? twin.activityId : "" }, t.db)).toMatchObject({ ok: true });

    // Change a December activity to November (the follow test below relies on it).
    const planning = v2.activities.find((a) => a.key === "planera-i-planeringsverktyget")!;
    const edited = await saveActivity(actor, { versionId: v2.id, activityId: planning.id, values: activityForm({ title: planning.title, phase: "infor", startMonth: "11", key: "annan-nyckel" }) }, t.db);
    expect(edited).toMatchObject({ ok: true });
    expect(await t.db.activityTemplate.findUniqueOrThrow({ where: { id: planning.id } })).toMatchObject({ key: "planera-i-planeringsverktyget", startMonth: 11 });

    expect(await moveActivity(actor, { versionId: v2.id, activityId: row.id, direction: "down" }, t.db)).toMatchObject({ ok: false, message: "Aktiviteten står redan sist i fasen." });
    expect(await moveActivity(actor, { versionId: v2.id, activityId: row.id, direction: "up" }, t.db)).toMatchObject({ ok: true });

    expect(await addPhase(actor, { versionId: v2.id, name: "" }, t.db)).toMatchObject({ ok: false, errors: { name: ["Fasen behöver ett namn."] } });
    expect(await addPhase(actor, { versionId: v2.id, name: "Extra fas" }, t.db)).toMatchObject({ ok: true });
    const extra = await t.db.phase.findFirstOrThrow({ where: { routineVersionId: v2.id, key: "extra-fas" } });
    expect(extra.position).toBe(5);
    expect(await renamePhase(actor, { versionId: v2.id, phaseId: extra.id, name: "Extrafas" }, t.db)).toMatchObject({ ok: true });
    expect(await movePhase(actor, { versionId: v2.id, phaseId: extra.id, direction: "up" }, t.db)).toMatchObject({ ok: true });
    const uppfoljning = await t.db.phase.findFirstOrThrow({ where: { routineVersionId: v2.id, key: "uppfoljning" } });
    expect(uppfoljning.position).toBe(5);
    expect(await removePhase(actor, { versionId: v2.id, phaseId: uppfoljning.id }, t.db)).toMatchObject({ ok: false });
    expect(await removePhase(actor, { versionId: v2.id, phaseId: extra.id }, t.db)).toMatchObject({ ok: true });
    const phases = await t.db.phase.findMany({ where: { routineVersionId: v2.id }, orderBy: { position: "asc" } });
    expect(phases.map((p) => p.position)).toEqual([0, 1, 2, 3, 4]);
    expect(phases.at(-1)!.key).toBe("uppfoljning");

    expect(await updateDraftMetadata(actor, { versionId: v2.id, title: "", purpose: "" }, t.db)).toMatchObject({ ok: false, errors: { title: ["Versionen behöver en titel."] } });
    expect(await updateDraftMetadata(actor, { versionId: v2.id, title: "Brukarundersökning hemtjänst", purpose: "Nytt syfte." }, t.db)).toMatchObject({ ok: true });
    expect(await t.db.auditEntry.count()).toBeGreaterThanOrEqual(auditBefore + 10);

    // A published version can never be edited through the draft functions.
    const v1 = (await getManagedVersion(actor, SEED_KEY, 1, t.db))!;
    const before = await snapshot(t.db);
    expect(await saveActivity(actor, { versionId: v1.id, values: activityForm() }, t.db)).toMatchObject({ ok: false });
    expect(await removeActivity(actor, { versionId: v1.id, activityId: v1.activities[0]!.id }, t.db)).toMatchObject({ ok: false });
    expect(await deleteDraft(actor, { versionId: v1.id }, t.db)).toMatchObject({ ok: false });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses to publish without the decision fields or without the follow answer while a cycle runs", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const v2 = (await getManagedVersion(actor, SEED_KEY, 2, t.db))!;
    const before = await snapshot(t.db);
    const missing = await publishDraft(actor, { versionId: v2.id, decidedBy: "", decidedOn: "2026-13-01", documentOwner: "", validity: "till-datum", validUntil: "" }, t.db, SEEDED_TODAY);
    expect(missing).toMatchObject({ ok: false, errors: { decidedBy: ["Ange vem som beslutade dokumentet."], documentOwner: ["Ange dokumentansvarig."] } });
    expect(!missing.ok && missing.errors?.decidedOn).toEqual(["Datumet finns inte i kalendern."]);
    // The question about the running 2026 cycle is asked together with the other fields.
    expect(!missing.ok && missing.errors?.followTasks).toEqual(["Välj om återstående uppgifter ska följa den nya versionen."]);
    const early = await publishDraft(actor, { versionId: v2.id, decidedBy: "VC", decidedOn: "2026-11-20", documentOwner: "VU", validity: "till-datum", validUntil: "2026-11-01" }, t.db, SEEDED_TODAY);
    expect(!early.ok && early.errors?.validUntil).toEqual(["Giltigheten måste sluta efter beslutsdatumet."]);
    const noAnswer = await publishDraft(actor, { versionId: v2.id, decidedBy: "VC", decidedOn: "2026-11-20", documentOwner: "VU", validity: "tills-vidare" }, t.db, SEEDED_TODAY);
    expect(!noAnswer.ok && noAnswer.errors?.followTasks).toEqual(["Välj om återstående uppgifter ska följa den nya versionen."]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("imports: malformed JSON, an unknown phase or a bad month name the place and write nothing; a valid file becomes a draft", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const before = await snapshot(t.db);
    const broken = await importRoutine(actor, { text: '{\n  "format": "arshjulet-rutin/1",\n  "key": \n}' }, t.db);
    expect(broken).toMatchObject({ ok: false, message: "Texten är inte giltig JSON: fel på rad 4, tecken 1." });
    const doc = { ...loadSeedRoutine(), key: "kvalitetssakring", title: "Kvalitetssäkring av insatser" };
    const badPhase = structuredClone(doc);
    badPhase.activities[2]!.phase = "sommar";
    badPhase.activities[3]!.startMonth = 0;
    const refused = await importRoutine(actor, { text: JSON.stringify(badPhase) }, t.db);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.details).toEqual(
      expect.arrayContaining([
        "Aktivitet 4 (lg-genomgang-enhet), startmånad: Månaden måste vara 1–12.",
        'Aktivitet 3 (lg-genomgang-hemtjanst), fas: Fasen "sommar" finns inte i rutinen.',
      ]),
    );
    const unknownPhase = structuredClone(doc);
    unknownPhase.activities[2]!.phase = "sommar";
    const refused2 = await importRoutine(actor, { text: JSON.stringify(unknownPhase) }, t.db);
    expect(!refused2.ok && refused2.details).toEqual(['Aktivitet 3 (lg-genomgang-hemtjanst), fas: Fasen "sommar" finns inte i rutinen.']);
    // The seeded routine has an open draft (version 2), so importing it again is refused.
    expect(await importRoutine(actor, { text: JSON.stringify(loadSeedRoutine()) }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/har redan ett utkast \(version 2\)/) });
    expect(await snapshot(t.db)).toEqual(before);

    const imported = await importRoutine(actor, { text: JSON.stringify(doc) }, t.db);
    expect(imported).toMatchObject({ ok: true, key: "kvalitetssakring", version: 1 });
    const version = await getManagedVersion(actor, "kvalitetssakring", 1, t.db);
    expect(version).toMatchObject({ status: "DRAFT", title: "Kvalitetssäkring av insatser" });
    expect(version!.activities).toHaveLength(doc.activities.length);
    // Deleting the only (draft) version of a never-published routine removes the routine too.
    expect(await deleteDraft(actor, { versionId: version!.id }, t.db)).toMatchObject({ ok: true, routineDeleted: true });
    expect(await t.db.routine.findFirst({ where: { key: "kvalitetssakring" } })).toBeNull();
  });

  it("creates a second routine with its own colour; a duplicate key is refused", async () => {
    const actor = await actorFor(t.db, UTVECKLARE);
    const before = await snapshot(t.db);
    expect(await createRoutine(actor, { title: "Dubblett", key: SEED_KEY, colour: "#0f766e" }, t.db)).toMatchObject({ ok: false, errors: { key: [`Det finns redan en rutin med nyckeln ${SEED_KEY}.`] } });
    expect(await createRoutine(actor, { title: "X", key: "Stora Bokstäver", colour: "grön" }, t.db)).toMatchObject({ ok: false, errors: { key: ["Nyckeln får bara innehålla a–z, 0–9 och bindestreck."], colour: ["Färgen anges som #rrggbb."] } });
    expect(await snapshot(t.db)).toEqual(before);
    const created = await createRoutine(actor, { title: "Kvalitetssäkring", key: "kvalitetssakring-hemtjanst", colour: "#0f766e" }, t.db);
    expect(created).toMatchObject({ ok: true, key: "kvalitetssakring-hemtjanst", version: 1 });
    const routine = await t.db.routine.findFirstOrThrow({ where: { key: "kvalitetssakring-hemtjanst" }, include: { versions: true } });
    expect(routine.colour).toBe("#0f766e");
    expect(routine.versions).toEqual([expect.objectContaining({ version: 1, status: "DRAFT" })]);
    // An empty draft cannot be published.
    expect(await publishDraft(actor, { versionId: routine.versions[0]!.id, decidedBy: "VC", decidedOn: "2026-11-20", documentOwner: "VU", validity: "tills-vidare", followTasks: "nej" }, t.db, SEEDED_TODAY)).toMatchObject({ ok: false, message: "Utkastet kan inte publiceras: Rutinen behöver minst en fas." });
  });
});
