import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { declineReviewCase, drawReviewSample, importReviewCases, saveReviewInterview } from "@/lib/review/mutations";
import { getReviewCase, getReviewSummary, getReviewYear, getReviewYears } from "@/lib/review/queries";
import { changeTaskStatus, TASK_NOT_FOUND } from "@/lib/tasks/mutations";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ENHETSCHEF, VERKSAMHETSCHEF } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";

const KVALITET = "kvalitetshandlaggare@arshjulet.example";
const HANDLAGGARE = "handlaggare@arshjulet.example";
const HEADER = "arende;omrade;endast_trygghetslarm;nyligen_avslutat;demensdiagnos;anhoriganstallning";
const AREAS = ["Område Norr", "Område Söder", "Område Öster", "Område Väster"];

/** 8 cases per area for the year, the first of each area with a dementia diagnosis. */
function caseList(year: number, perArea = 8) {
  const rows = AREAS.flatMap((area, a) => Array.from({ length: perArea }, (_, i) => `ÄR-${year}-${a}${String(i).padStart(2, "0")};${area};nej;nej;${i === 0 ? "ja" : "nej"};nej`));
  return `${HEADER}\n${rows.join("\n")}\n`;
}

/** Everything a refused call must leave as it was. */
async function reviewState(db: Db) {
  const [reviews, cases, interviews, audit] = await Promise.all([
    db.qualityReview.findMany({ orderBy: { year: "asc" }, select: { year: true, randomSeed: true, drawnAt: true } }),
    db.reviewCase.findMany({ orderBy: { id: "asc" }, select: { id: true, state: true, drawRank: true, declinedReason: true } }),
    db.reviewInterview.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, deviation: true } }),
    db.auditEntry.count(),
  ]);
  return { reviews, cases, interviews, audit };
}

const interview = (caseId: string, over: Record<string, unknown> = {}) => ({
  caseId, interviewedOn: "2026-04-02", receivesGranted: "YES", plannedTogether: "YES", arrivesOnTime: "YES", deviation: "nej", documentedInJournal: "on", ...over,
});

describe.each(DATABASE_KINDS)("quality review on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  it("seeds the routine's tasks in both cycles and demo reviews with 6 of 20 deviating in 2025", async () => {
    for (const year of [2025, 2026]) {
      const tasks = await t.db.task.count({ where: { cycle: { year }, activity: { routineVersion: { routine: { key: "kvalitetsgranskning-hemtjanst" } } } } });
      expect(tasks).toBe(8);
    }
    const actor = await actorFor(t.db, KVALITET);
    const summary = await getReviewSummary(actor, 2025, t.db);
    expect(summary).toMatchObject({ year: 2025, summary: { interviewed: 20, deviations: 6, declined: 1 } });
    expect(summary!.earlier.map((e) => [e.year, e.summary.deviations])).toEqual([[2024, 4]]);
    const year = await getReviewYear(actor, 2025, t.db);
    expect(year!.reproducible).toBe(true);
  });

  it("keeps case data from hemtjänst roles, and their queries find nothing", async () => {
    for (const email of [ENHETSCHEF, VERKSAMHETSCHEF, "koordinator@arshjulet.example", "utvecklare@arshjulet.example", "admin@arshjulet.example"]) {
      const actor = await actorFor(t.db, email);
      expect(await getReviewYears(actor, t.db)).toBeNull();
      expect(await getReviewYear(actor, 2025, t.db)).toBeNull();
      const anyCase = await t.db.reviewCase.findFirstOrThrow({ where: { state: "SAMPLED" } });
      expect(await getReviewCase(actor, 2025, anyCase.id, t.db)).toBeNull();
      const before = await reviewState(t.db);
      expect(await importReviewCases(actor, { year: 2030, file: caseList(2030) }, t.db)).toMatchObject({ ok: false });
      expect(await drawReviewSample(actor, { year: 2025, sampleSizePerArea: 5 }, t.db)).toMatchObject({ ok: false });
      expect(await declineReviewCase(actor, { caseId: anyCase.id, reason: "x" }, t.db)).toMatchObject({ ok: false });
      expect(await saveReviewInterview(actor, interview(anyCase.id), t.db, SEEDED_TODAY)).toMatchObject({ ok: false });
      expect(await reviewState(t.db)).toEqual(before);
    }
  });

  it("keeps handläggare out of hemtjänst checklists: they cannot change a unit's task or a hemtjänst verksamhet task", async () => {
    const unitTask = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, unitId: { not: null }, status: "NOT_STARTED" } });
    const chiefTask = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, assigneeKey: "ORGANISATION", status: "NOT_STARTED", activity: { responsibleRole: "VERKSAMHETSCHEF" } } });
    for (const email of [HANDLAGGARE, KVALITET]) {
      const actor = await actorFor(t.db, email);
      for (const task of [unitTask, chiefTask]) {
        const result = await changeTaskStatus(actor, { taskId: task.id, version: task.version, status: "DONE" }, t.db, { today: SEEDED_TODAY });
        expect(result).toMatchObject({ ok: false, message: TASK_NOT_FOUND });
        expect(await t.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "NOT_STARTED", version: task.version });
      }
    }
    // …and the kvalitetshandläggare's own tasks follow the review: klar comes from the module, not from a tick.
    const own = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, activity: { key: "sammanstall-avvikelser" } } });
    const kvalitet = await actorFor(t.db, KVALITET);
    expect(await changeTaskStatus(kvalitet, { taskId: own.id, version: own.version, status: "DONE" }, t.db, { today: SEEDED_TODAY })).toMatchObject({
      ok: false,
      message: "Uppgiften blir klar när sammanställningen markeras som klar under Kvalitetsgranskning.",
    });
    expect(await t.db.task.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ status: own.status, version: own.version });
  });

  it("lets a biståndshandläggare read and interview, but not import or draw", async () => {
    const actor = await actorFor(t.db, HANDLAGGARE);
    expect((await getReviewYears(actor, t.db))!.map((y) => y.year)).toEqual([2025, 2024]);
    const before = await reviewState(t.db);
    expect(await importReviewCases(actor, { year: 2030, file: caseList(2030) }, t.db)).toEqual({ ok: false, message: "Du har inte behörighet att importera ärenden." });
    expect(await drawReviewSample(actor, { year: 2030, sampleSizePerArea: 5 }, t.db)).toEqual({ ok: false, message: "Du har inte behörighet att dra urvalet." });
    expect(await reviewState(t.db)).toEqual(before);
  });

  it("imports, refuses bad files and sizes without storing anything, draws reproducibly, replaces a decline in its area and records interviews", async () => {
    const actor = await actorFor(t.db, KVALITET);
    let before = await reviewState(t.db);
    const pnr = caseList(2026).replace("ÄR-2026-105", "19450312-1230");
    const refused = await importReviewCases(actor, { year: 2026, file: pnr }, t.db);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/personnummer.*\(rad 15\)/) });
    expect(JSON.stringify(refused)).not.toContain("19450312");
    expect(await importReviewCases(actor, { year: 2026, file: `${caseList(2026)}ÄR-2026-001;Norr;nej;nej;nej;nej\n` }, t.db)).toMatchObject({ ok: false, details: [expect.stringMatching(/finns redan på rad 3/)] });
    expect(await reviewState(t.db)).toEqual(before);

    expect(await importReviewCases(actor, { year: 2026, file: caseList(2026) }, t.db)).toMatchObject({ ok: true, imported: 32, total: 32 });
    before = await reviewState(t.db);
    const again = await importReviewCases(actor, { year: 2026, file: `${HEADER}\nÄR-2026-001;Norr;nej;nej;nej;nej\nÄR-2026-999;Norr;nej;nej;nej;nej\n` }, t.db);
    expect(again).toMatchObject({ ok: false, details: ["Ärendet ÄR-2026-001 är redan importerat."] });
    // 7 eligible per area (one dementia case each): a sample of 8 is too large.
    const tooLarge = await drawReviewSample(actor, { year: 2026, sampleSizePerArea: 8 }, t.db);
    expect(tooLarge).toMatchObject({ ok: false, details: expect.arrayContaining(["Område Norr: 7 ärenden kan ingå."]) });
    expect(await drawReviewSample(actor, { year: 2026, sampleSizePerArea: 0 }, t.db)).toMatchObject({ ok: false, errors: { sampleSizePerArea: [expect.any(String)] } });
    expect(await reviewState(t.db)).toEqual(before);

    const drawn = await drawReviewSample(actor, { year: 2026, sampleSizePerArea: 5, randomSeed: "prov-2026" }, t.db);
    expect(drawn).toMatchObject({ ok: true, sampled: 20, excluded: 4, randomSeed: "prov-2026" });
    const year = (await getReviewYear(actor, 2026, t.db))!;
    expect(year.reproducible).toBe(true);
    expect(year.review!.cases.filter((c) => c.state === "EXCLUDED").every((c) => c.exclusionReason === "Demensdiagnos")).toBe(true);
    expect(await drawReviewSample(actor, { year: 2026, sampleSizePerArea: 5 }, t.db)).toEqual({ ok: false, message: "Urvalet för året är redan draget." });
    expect(await importReviewCases(actor, { year: 2026, file: `${HEADER}\nÄR-2026-998;Norr;nej;nej;nej;nej\n` }, t.db)).toMatchObject({ ok: false, message: expect.stringMatching(/redan draget/) });

    // Decline: the next case in the same area's draw order comes in.
    const first = year.review!.cases.find((c) => c.state === "SAMPLED" && c.drawRank === 1)!;
    const declined = await declineReviewCase(actor, { caseId: first.id, reason: "Vill inte medverka." }, t.db);
    expect(declined).toMatchObject({ ok: true, caseRef: first.caseRef });
    const replacement = await t.db.reviewCase.findFirstOrThrow({ where: { replacesCaseId: first.id } });
    expect(replacement).toMatchObject({ areaId: first.areaId, drawRank: 6, state: "SAMPLED" });
    expect(await t.db.reviewCase.count({ where: { reviewId: year.review!.id, state: "SAMPLED" } })).toBe(20);

    // Interviews: the handläggare records one; bad input and cases outside the sample change nothing.
    const handlaggare = await actorFor(t.db, HANDLAGGARE);
    before = await reviewState(t.db);
    const pool = year.review!.cases.find((c) => c.state === "POOL" && c.areaId !== first.areaId)!;
    expect(await saveReviewInterview(handlaggare, interview(pool.id), t.db, SEEDED_TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/finns inte i urvalet/) });
    expect(await saveReviewInterview(handlaggare, interview(first.id), t.db, SEEDED_TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/finns inte i urvalet/) });
    expect(await saveReviewInterview(handlaggare, interview(replacement.id, { deviation: "ja" }), t.db, SEEDED_TODAY)).toMatchObject({ ok: false, errors: { deviationCauses: ["Välj minst en orsak till avvikelsen."] } });
    expect(await saveReviewInterview(handlaggare, interview(replacement.id, { interviewedOn: "2026-12-01" }), t.db, SEEDED_TODAY)).toMatchObject({ ok: false, errors: { interviewedOn: [expect.any(String)] } });
    expect(await reviewState(t.db)).toEqual(before);

    const saved = await saveReviewInterview(handlaggare, interview(replacement.id, { deviation: "ja", deviationCauses: ["NOT_PERFORMED"], handedOverOn: "2026-04-03" }), t.db, SEEDED_TODAY);
    expect(saved).toMatchObject({ ok: true, version: 1, created: true });
    const stale = await saveReviewInterview(handlaggare, interview(replacement.id, { version: 0 }), t.db, SEEDED_TODAY);
    expect(stale).toMatchObject({ ok: false });
    const updated = await saveReviewInterview(handlaggare, interview(replacement.id, { version: 1 }), t.db, SEEDED_TODAY);
    expect(updated).toMatchObject({ ok: true, version: 2, created: false });
    const report = (await getReviewSummary(actor, 2026, t.db))!;
    expect(report.summary).toMatchObject({ sampled: 20, declined: 1, interviewed: 1, deviations: 0 });
    expect(report.earlier.map((e) => e.year)).toEqual([2025, 2024]);

    // The audit trail, which hemtjänst managers can read, says what happened but holds no case data.
    const audit = await t.db.auditEntry.findMany({ where: { action: { startsWith: "review." } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["review.decline", "review.draw", "review.import", "review.interview.create", "review.interview.update"]);
    expect(JSON.stringify(audit)).not.toMatch(/ÄR-2026|Vill inte medverka|NOT_PERFORMED/);
  });

  it("refuses a draw when an område has no cases in the list, and a handover date in the future", async () => {
    const actor = await actorFor(t.db, KVALITET);
    const threeAreas = caseList(2028).split("\n").filter((line) => !line.includes("Område Väster")).join("\n");
    expect(await importReviewCases(actor, { year: 2028, file: threeAreas }, t.db)).toMatchObject({ ok: true, imported: 24 });
    const before = await reviewState(t.db);
    const refused = await drawReviewSample(actor, { year: 2028, sampleSizePerArea: 5 }, t.db);
    expect(refused).toMatchObject({ ok: false, details: ["Område Väster: 0 ärenden kan ingå."] });
    expect(await reviewState(t.db)).toEqual(before);

    const sampled = await t.db.reviewCase.findFirstOrThrow({ where: { state: "SAMPLED", review: { year: 2026 }, interview: null } });
    const future = await saveReviewInterview(actor, interview(sampled.id, { handedOverOn: "2026-11-24" }), t.db, SEEDED_TODAY);
    expect(future).toMatchObject({ ok: false, errors: { handedOverOn: ["Överlämningsdatumet kan inte vara i framtiden."] } });
    // A tampered or corrupted version field gets a Swedish message, not zod's English default.
    expect(await saveReviewInterview(actor, interview(sampled.id, { version: "x" }), t.db, SEEDED_TODAY)).toMatchObject({ ok: false, errors: { version: ["Ladda om sidan."] } });
    expect(await reviewState(t.db)).toEqual(before);
  });

  it("stores only one of two draws made at once, with the seed its user was told", async () => {
    const actor = await actorFor(t.db, KVALITET);
    expect(await importReviewCases(actor, { year: 2027, file: caseList(2027, 10) }, t.db)).toMatchObject({ ok: true, imported: 40 });
    const draws = await Promise.all([
      drawReviewSample(actor, { year: 2027, sampleSizePerArea: 5, randomSeed: "samtidig-a" }, t.db),
      drawReviewSample(actor, { year: 2027, sampleSizePerArea: 5, randomSeed: "samtidig-b" }, t.db),
    ]);
    const won = draws.filter((d) => d.ok);
    expect(won).toHaveLength(1);
    expect(draws.find((d) => !d.ok)).toEqual({ ok: false, message: "Urvalet för året är redan draget." });
    const review = await t.db.qualityReview.findFirstOrThrow({ where: { year: 2027 } });
    expect(review.randomSeed).toBe((won[0] as { randomSeed: string }).randomSeed);
    expect(await t.db.auditEntry.count({ where: { action: "review.draw", entityId: review.id } })).toBe(1);
    expect((await getReviewYear(actor, 2027, t.db))!.reproducible).toBe(true);
  });

  it("brings in one replacement per decline and keeps one interview save when they race (the 2027 draw above)", async () => {
    const actor = await actorFor(t.db, KVALITET);
    const review = await t.db.qualityReview.findFirstOrThrow({ where: { year: 2027 } });
    // The same case declined twice at once: one decline, one replacement.
    const cases = await t.db.reviewCase.findMany({ where: { reviewId: review.id, state: "SAMPLED" }, orderBy: [{ areaId: "asc" }, { drawRank: "asc" }] });
    const [a, b] = cases.filter((c) => c.areaId === cases[0]!.areaId);
    const same = await Promise.all([
      declineReviewCase(actor, { caseId: a!.id, reason: "Vill inte." }, t.db),
      declineReviewCase(actor, { caseId: a!.id, reason: "Vill inte." }, t.db),
    ]);
    expect(same.filter((d) => d.ok)).toHaveLength(1);
    expect(same.find((d) => !d.ok)).toMatchObject({ ok: false, message: expect.stringMatching(/Ärendet (har redan bytts ut|finns inte i urvalet)/) });
    expect(await t.db.reviewCase.count({ where: { replacesCaseId: a!.id } })).toBe(1);

    // Two cases of the same area declined at once: each gets its own replacement.
    const [c1, c2] = (await t.db.reviewCase.findMany({ where: { reviewId: review.id, state: "SAMPLED", areaId: a!.areaId, id: { not: b!.id } }, orderBy: { drawRank: "asc" } }));
    const two = await Promise.all([
      declineReviewCase(actor, { caseId: c1!.id, reason: "Vill inte." }, t.db),
      declineReviewCase(actor, { caseId: c2!.id, reason: "Vill inte." }, t.db),
    ]);
    expect(two.every((d) => d.ok)).toBe(true);
    expect(await t.db.reviewCase.count({ where: { replacesCaseId: c1!.id } })).toBe(1);
    expect(await t.db.reviewCase.count({ where: { replacesCaseId: c2!.id } })).toBe(1);
    expect(await t.db.reviewCase.count({ where: { reviewId: review.id, areaId: a!.areaId, state: "SAMPLED" } })).toBe(5);

    // Two first saves of the same interview, then two updates from the same version: one of each wins, the other is told.
    const firsts = await Promise.all([saveReviewInterview(actor, interview(b!.id), t.db, SEEDED_TODAY), saveReviewInterview(actor, interview(b!.id), t.db, SEEDED_TODAY)]);
    expect(firsts.filter((r) => r.ok)).toHaveLength(1);
    expect(firsts.find((r) => !r.ok)).toMatchObject({ ok: false, message: expect.stringMatching(/ändrats av någon annan/) });
    const updates = await Promise.all([
      saveReviewInterview(actor, interview(b!.id, { version: 1 }), t.db, SEEDED_TODAY),
      saveReviewInterview(actor, interview(b!.id, { version: 1 }), t.db, SEEDED_TODAY),
    ]);
    expect(updates.filter((r) => r.ok)).toHaveLength(1);
    expect(updates.find((r) => !r.ok)).toMatchObject({ ok: false, message: expect.stringMatching(/ändrats av någon annan/) });
    expect(await t.db.reviewInterview.findUniqueOrThrow({ where: { caseId: b!.id } })).toMatchObject({ version: 2 });
  });
});
