import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { stockholmDate, utcDate } from "@/lib/dates/cycle";
import { getLetterBoard, getLetterOverview } from "@/lib/letters/queries";
import { recordLetter } from "@/lib/letters/mutations";
import { drawReviewSample, importReviewCases, markReviewSummarised, saveReviewInterview } from "@/lib/review/mutations";
import { getChecklist } from "@/lib/tasks/queries";
import { changeTaskStatus } from "@/lib/tasks/mutations";
import { REVIEW_RECORDED } from "@/lib/tasks/module-tasks";
import { countProgress } from "@/lib/tasks/progress";
import { getCycleProgress } from "@/lib/tasks/progress-queries";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { actorFor } from "./helpers/actors";
import { ENHETSCHEF, VERKSAMHETSCHEF } from "./helpers/routine-fixtures";
import { SEEDED_TODAY } from "../support/today";

// Issue 19, items 1, 2, 3 and 7: tasks done in a module follow the module, and are done on the event's date.
const KVALITET = "kvalitetshandlaggare@arshjulet.example";
const HANDLAGGARE = "handlaggare@arshjulet.example";
const KOORDINATOR = "koordinator@arshjulet.example";
const HEADER = "arende;omrade;endast_trygghetslarm;nyligen_avslutat;demensdiagnos;anhoriganstallning";
const AREAS = ["Område Norr", "Område Söder", "Område Öster", "Område Väster"];
const opts = { today: SEEDED_TODAY };

function caseList(year: number, perArea = 3) {
  const rows = AREAS.flatMap((area, a) => Array.from({ length: perArea }, (_, i) => `ÄR-${year}-${a}${String(i).padStart(2, "0")};${area};nej;nej;nej;nej`));
  return `${HEADER}\n${rows.join("\n")}\n`;
}

async function reviewTasks(db: Db, year: number) {
  const tasks = await db.task.findMany({
    where: { cycle: { year }, activity: { key: { in: ["importera-arendelista", "dra-urval", "intervjua-utvalda", "sammanstall-avvikelser"] } } },
    select: { id: true, status: true, version: true, doneOn: true, completedAt: true, activity: { select: { key: true } } },
  });
  return Object.fromEntries(tasks.map((t) => [t.activity.key, t]));
}

describe.each(DATABASE_KINDS)("module-driven tasks on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.close());

  it("seeds the review's tasks as the review says: none klar in 2026 without a list, all klar in 2025 on their own days", async () => {
    expect(await t.db.qualityReview.count({ where: { year: 2026 } })).toBe(0);
    const now = await reviewTasks(t.db, 2026);
    expect(Object.values(now).map((x) => x.status).filter((s) => s === "DONE" || s === "IN_PROGRESS")).toEqual([]);
    const last = await reviewTasks(t.db, 2025);
    const lastInterview = await t.db.reviewInterview.aggregate({ where: { case: { review: { year: 2025 }, state: "SAMPLED" } }, _max: { interviewedOn: true } });
    expect(Object.values(last).every((x) => x.status === "DONE")).toBe(true);
    expect(last["importera-arendelista"]!.doneOn).toEqual(utcDate(2025, 3, 2));
    expect(last["dra-urval"]!.doneOn).toEqual(utcDate(2025, 3, 3));
    expect(last["intervjua-utvalda"]!.doneOn).toEqual(lastInterview._max.interviewedOn);
    expect(last["sammanstall-avvikelser"]!.doneOn).toEqual(utcDate(2025, 6, 15));
  });

  it("completes the import, draw, interview and summary tasks from the review, whoever records it, and refuses ticks", async () => {
    const kvalitet = await actorFor(t.db, KVALITET);
    const handlaggare = await actorFor(t.db, HANDLAGGARE);
    // Before the import the summary step cannot be ticked by hand.
    let tasks = await reviewTasks(t.db, 2026);
    const summaryTask = tasks["sammanstall-avvikelser"]!;
    expect(await changeTaskStatus(kvalitet, { taskId: summaryTask.id, version: summaryTask.version, status: "DONE" }, t.db, opts)).toMatchObject({ ok: false, code: "TRANSITION" });

    expect(await importReviewCases(kvalitet, { year: 2026, file: caseList(2026) }, t.db)).toMatchObject({ ok: true });
    const review = await t.db.qualityReview.findUniqueOrThrow({ where: { organisationId_year: { organisationId: (await t.db.organisation.findFirstOrThrow()).id, year: 2026 } } });
    tasks = await reviewTasks(t.db, 2026);
    expect(tasks["importera-arendelista"]).toMatchObject({ status: "DONE", doneOn: stockholmDate(review.createdAt) });
    expect(tasks["dra-urval"]!.status).not.toBe("DONE");
    // What the module has done cannot be undone from the checklist.
    const imported = tasks["importera-arendelista"]!;
    expect(await changeTaskStatus(kvalitet, { taskId: imported.id, version: imported.version, status: "NOT_APPLICABLE", reason: "Ingen granskning i år" }, t.db, opts)).toMatchObject({ ok: false, message: REVIEW_RECORDED });
    expect((await reviewTasks(t.db, 2026))["importera-arendelista"]).toMatchObject({ status: "DONE", version: imported.version });

    expect(await drawReviewSample(kvalitet, { year: 2026, sampleSizePerArea: 2 }, t.db)).toMatchObject({ ok: true, sampled: 8 });
    expect((await reviewTasks(t.db, 2026))["dra-urval"]!.status).toBe("DONE");

    const sampled = await t.db.reviewCase.findMany({ where: { review: { year: 2026 }, state: "SAMPLED" }, orderBy: { id: "asc" } });
    const answers = { receivesGranted: "YES", plannedTogether: "YES", arrivesOnTime: "YES", deviation: "nej", documentedInJournal: "on" };
    // A biståndshandläggare, who may not change any checklist task, moves the interview task by interviewing.
    expect(await saveReviewInterview(handlaggare, { caseId: sampled[0]!.id, version: 0, interviewedOn: "2026-04-02", ...answers }, t.db, SEEDED_TODAY)).toMatchObject({ ok: true });
    expect((await reviewTasks(t.db, 2026))["intervjua-utvalda"]).toMatchObject({ status: "IN_PROGRESS", doneOn: null });
    expect(await markReviewSummarised(kvalitet, { year: 2026, summarisedOn: "2026-06-10" }, t.db, SEEDED_TODAY)).toMatchObject({ ok: false, message: "Sammanställningen kan markeras som klar när alla i urvalet är intervjuade." });
    for (const [i, c] of sampled.slice(1).entries()) {
      expect(await saveReviewInterview(handlaggare, { caseId: c.id, version: 0, interviewedOn: `2026-05-${String(10 + i).padStart(2, "0")}`, ...answers }, t.db, SEEDED_TODAY)).toMatchObject({ ok: true });
    }
    expect((await reviewTasks(t.db, 2026))["intervjua-utvalda"]).toMatchObject({ status: "DONE", doneOn: utcDate(2026, 5, 16) });

    expect(await markReviewSummarised(kvalitet, { year: 2026, summarisedOn: "2026-06-10" }, t.db, SEEDED_TODAY)).toMatchObject({ ok: true, summarised: true });
    const done = (await reviewTasks(t.db, 2026))["sammanstall-avvikelser"]!;
    expect(done).toMatchObject({ status: "DONE", doneOn: utcDate(2026, 6, 10) });
    // Done on 10 June, recorded later: the recording time is kept apart.
    expect(done.completedAt!.getTime()).toBeGreaterThan(utcDate(2026, 6, 11).getTime());
    expect(await t.db.auditEntry.count({ where: { action: "review.summarise" } })).toBe(1);
    expect(await markReviewSummarised(kvalitet, { year: 2026, undo: "1" }, t.db, SEEDED_TODAY)).toMatchObject({ ok: true, summarised: false });
    expect((await reviewTasks(t.db, 2026))["sammanstall-avvikelser"]).toMatchObject({ status: "NOT_STARTED", doneOn: null });
    // The checklist offers a link to the review instead of status buttons.
    const list = await getChecklist(kvalitet, { filter: "alla", visa: "enhet", enhet: "verksamhet" }, t.db, SEEDED_TODAY);
    const shown = list.phases.flatMap((p) => p.tasks).find((x) => x.activity.key === "dra-urval")!;
    expect(shown.module).toMatchObject({ module: { kind: "review", step: "draw" }, href: "/kvalitetsgranskning/2026" });
  });

  it("shows an ej aktuell letter as ej aktuellt, never as planerat, to the koordinator, the enhetschef and the verksamhetschef", async () => {
    const larkan = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    const koordinator = await actorFor(t.db, KOORDINATOR);
    let task = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, unitId: larkan.id, activity: { kind: "LETTER", letterNumber: 3 } } });
    if (task.status !== "NOT_APPLICABLE") {
      await t.db.letterDispatch.deleteMany({ where: { taskId: task.id } });
      task = await t.db.task.update({ where: { id: task.id }, data: { status: "NOT_APPLICABLE", notApplicableReason: "Enheten skickar inget brev 3 i år", completedAt: null, doneOn: null } });
    }
    expect(task.dueOn!.getTime()).toBeLessThan(SEEDED_TODAY.getTime());
    for (const email of [KOORDINATOR, ENHETSCHEF]) {
      const board = (await getLetterBoard(await actorFor(t.db, email), { unitId: larkan.id }, t.db, SEEDED_TODAY))!;
      expect(board.letters[2]!.state).toBe("not-applicable");
    }
    const overview = (await getLetterOverview(await actorFor(t.db, VERKSAMHETSCHEF), { year: 2026 }, t.db, SEEDED_TODAY))!;
    expect(overview.rows.find((r) => r.unit.id === larkan.id)!.letters[2]!.state).toBe("not-applicable");
    // Every seeded ej aktuell letter is shown as such in the overview.
    const naLetters = await t.db.task.findMany({ where: { cycle: { year: 2026 }, status: "NOT_APPLICABLE", activity: { kind: "LETTER" } }, select: { unitId: true, activity: { select: { letterNumber: true } } } });
    for (const l of naLetters) expect(overview.rows.find((r) => r.unit.id === l.unitId)!.letters[l.activity.letterNumber! - 1]!.state).toBe("not-applicable");
    // In the checklist the letter task shows the letter's state and a link, and the tick is refused.
    const list = await getChecklist(koordinator, { filter: "alla", visa: "enhet", enhet: larkan.id }, t.db, SEEDED_TODAY);
    const shown = list.phases.flatMap((p) => p.tasks).find((x) => x.id === task.id)!;
    expect(shown.module).toMatchObject({ module: { kind: "letter" }, letterState: "not-applicable", href: `/brukarbrev?enhet=${larkan.id}&ar=2026&brev=3#brukarbrev-3` });
  });

  it("completes a letter on the day it was sent, keeps when it was recorded, and counts it klar i tid on that day", async () => {
    const larkan = await t.db.unit.findFirstOrThrow({ where: { name: "Lärkan" } });
    const koordinator = await actorFor(t.db, KOORDINATOR);
    const task = await t.db.task.findFirstOrThrow({ where: { cycle: { year: 2026 }, unitId: larkan.id, activity: { kind: "LETTER", letterNumber: 2 } } });
    await t.db.letterDispatch.deleteMany({ where: { taskId: task.id } });
    await t.db.task.update({ where: { id: task.id }, data: { status: "NOT_STARTED", completedAt: null, doneOn: null, notApplicableReason: null } });
    const before = await getCycleProgress(t.db, [{ cycleId: task.cycleId, date: utcDate(2026, 6, 30), unitId: larkan.id }]);
    const letter = { unitId: larkan.id, year: "2026", letterNumber: "2", sentOn: "2026-06-20", count: "60", method: "POST" };
    expect(await recordLetter(koordinator, letter, t.db, opts)).toMatchObject({ ok: true });
    const done = await t.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(done).toMatchObject({ status: "DONE", doneOn: utcDate(2026, 6, 20) });
    expect(stockholmDate(done.completedAt!).getTime()).toBeGreaterThan(utcDate(2026, 6, 20).getTime());
    const after = await getCycleProgress(t.db, [{ cycleId: task.cycleId, date: utcDate(2026, 6, 30), unitId: larkan.id }]);
    expect(after[0]!.dueDone).toBe(before[0]!.dueDone + 1);
    // A corrected date moves the done date with it.
    const dispatch = await t.db.letterDispatch.findFirstOrThrow({ where: { taskId: task.id } });
    expect(await recordLetter(koordinator, { ...letter, sentOn: "2026-07-02", version: String(dispatch.version) }, t.db, opts)).toMatchObject({ ok: true });
    expect((await t.db.task.findUniqueOrThrow({ where: { id: task.id } })).doneOn).toEqual(utcDate(2026, 7, 2));
    expect((await getCycleProgress(t.db, [{ cycleId: task.cycleId, date: utcDate(2026, 6, 30), unitId: larkan.id }]))[0]!.dueDone).toBe(before[0]!.dueDone);
    // The SQL count and the pure one agree for the unit at that date.
    const rows = await t.db.task.findMany({ where: { cycleId: task.cycleId, unitId: larkan.id }, select: { status: true, dueOn: true, doneOn: true } });
    expect(countProgress(rows, utcDate(2026, 7, 15))).toEqual((await getCycleProgress(t.db, [{ cycleId: task.cycleId, date: utcDate(2026, 7, 15), unitId: larkan.id }]))[0]);
  });
});
