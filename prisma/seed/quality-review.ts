import { readFileSync } from "node:fs";
import path from "node:path";
import { ensureCycleTasks } from "../../lib/cycles/instantiate.ts";
import { utcDate } from "../../lib/dates/cycle.ts";
import type { DbClient } from "../../lib/db/index.ts";
import type { DeviationCause, ReviewAnswer } from "../../lib/db/generated/enums.ts";
import { writeRoutineVersion } from "../../lib/routines/import.ts";
import { routineDocumentSchema } from "../../lib/routines/schemas.ts";
import { drawSample, nextReplacement, type DrawnCase } from "../../lib/review/sampling.ts";
import { REVIEW_STEPS, REVIEW_TASK_KEYS, reviewStepStatus } from "../../lib/tasks/module-tasks.ts";
import { getReviewFacts } from "../../lib/tasks/review-facts.ts";

const ROUTINE_FILE = path.join(import.meta.dirname, "routine-kvalitetssakring.json");
const CASES_PER_AREA = 14;
const CAUSES: DeviationCause[] = ["DECLINED_WITHOUT_NOTICE", "NEW_ORDER_MISSING", "NOT_PERFORMED"];

/** Reads and validates the quality review routine; a broken file stops the seed before anything is written. */
export function loadQualityReviewRoutine() {
  return routineDocumentSchema.parse(JSON.parse(readFileSync(ROUTINE_FILE, "utf8")));
}

/** A fictional case list: pseudonymous references only, some of them excluded by the routine's rules. */
function demoCases(year: number, areaIds: string[]) {
  return areaIds.flatMap((areaId, a) =>
    Array.from({ length: CASES_PER_AREA }, (_, i) => ({
      caseRef: `ÄR-${year}-${String(101 + a * 100 + ((i * 37) % 97)).padStart(4, "0")}`,
      areaId,
      dementiaDiagnosis: i % 7 === 0,
      relativeEmployed: i % 9 === 4,
      onlySafetyAlarm: i % 5 === 3,
      recentlyClosed: i === 11,
    })),
  );
}

async function seedReviewYear(tx: DbClient, organisationId: string, year: number, deviations: number) {
  if (await tx.qualityReview.findUnique({ where: { organisationId_year: { organisationId, year } } })) return;
  const areas = await tx.area.findMany({ where: { organisationId }, orderBy: { position: "asc" } });
  // The list was imported in March and the summary declared complete in June, as the routine plans.
  const review = await tx.qualityReview.create({ data: { organisationId, year, createdAt: new Date(Date.UTC(year, 2, 2, 9)), summarisedOn: utcDate(year, 6, 15), summarisedAt: new Date(Date.UTC(year, 5, 15, 10)) } });
  await tx.reviewCase.createMany({ data: demoCases(year, areas.map((a) => a.id)).map((c) => ({ ...c, reviewId: review.id })) });
  const cases = await tx.reviewCase.findMany({ where: { reviewId: review.id } });
  const randomSeed = `demo-${year}`;
  const draw = drawSample(cases, 5, randomSeed);
  for (const { id, reason } of draw.excluded) await tx.reviewCase.update({ where: { id }, data: { state: "EXCLUDED", exclusionReason: reason } });
  const drawn = [...draw.order.entries()].flatMap(([areaId, ids]) => ids.map((id, i): DrawnCase => ({ id, areaId, state: i < 5 ? "SAMPLED" : "POOL", drawRank: i + 1 })));
  for (const c of drawn) await tx.reviewCase.update({ where: { id: c.id }, data: { state: c.state, drawRank: c.drawRank } });
  await tx.qualityReview.update({ where: { id: review.id }, data: { randomSeed, sampleSizePerArea: 5, drawnAt: utcDate(year, 3, 3), drawnById: null } });

  // The first client drawn in the first area declined, as the routine says happens, and was replaced.
  const declined = drawn.find((c) => c.areaId === areas[0]!.id && c.drawRank === 1)!;
  await tx.reviewCase.update({ where: { id: declined.id }, data: { state: "DECLINED", declinedReason: "Brukaren har redan svarat på enkäter från utföraren." } });
  declined.state = "DECLINED";
  const replacement = nextReplacement(drawn, declined)!;
  await tx.reviewCase.update({ where: { id: replacement.id }, data: { state: "SAMPLED", replacesCaseId: declined.id } });
  replacement.state = "SAMPLED";

  const sampled = drawn.filter((c) => c.state === "SAMPLED").sort((a, b) => a.drawRank! - b.drawRank! || a.areaId.localeCompare(b.areaId));
  await tx.reviewInterview.createMany({
    data: sampled.map((c, k) => {
      // Exactly `deviations` of the interviews deviate, spread evenly.
      const deviates = Math.floor(((k + 1) * deviations) / sampled.length) > Math.floor((k * deviations) / sampled.length);
      const interviewedOn = utcDate(year, 3, 10 + k * 3);
      const answer = (n: number): ReviewAnswer => (n % 6 === 5 ? "PARTLY" : n % 11 === 10 ? "NO" : "YES");
      return {
        caseId: c.id,
        interviewedOn,
        interviewerId: null,
        receivesGranted: deviates ? (k % 2 === 0 ? "PARTLY" : "NO") : "YES",
        plannedTogether: answer(k + 2),
        arrivesOnTime: deviates ? "PARTLY" : answer(k),
        otherComments: deviates ? "Delar av beställningen utförs inte (exempeldata)." : null,
        deviation: deviates,
        deviationCauses: deviates ? [CAUSES[Math.floor((k * deviations) / sampled.length) % CAUSES.length]!] : [],
        handedOverOn: deviates ? new Date(interviewedOn.getTime() + 2 * 86_400_000) : null,
        documentedInJournal: true,
      };
    }),
  });
}

/**
 * The quality review (kvalitetssäkring) as a second routine, with its tasks in the cycles that already exist,
 * and demo reviews for the two years before this one. Idempotent like the rest of the seed.
 */
export async function seedQualityReview(tx: DbClient, organisationId: string, year: number) {
  const doc = loadQualityReviewRoutine();
  const exists = await tx.routine.findUnique({ where: { organisationId_key: { organisationId, key: doc.key } } });
  if (!exists) await writeRoutineVersion(tx, organisationId, doc, { status: "ACTIVE", publishedAt: utcDate(2025, 12, 9) });
  // Cycles created before this routine existed get its tasks too (new cycles get them when they are planned).
  for (const cycle of await tx.cycle.findMany({ where: { organisationId } })) await ensureCycleTasks(tx, cycle.id);
  await seedReviewYear(tx, organisationId, year - 2, 4);
  await seedReviewYear(tx, organisationId, year - 1, 6);
}

/**
 * The review's tasks in a cycle as the review says (lib/tasks/module-tasks.ts): klar only where the module has done
 * the step, on the step's own date. Written directly, as the seed writes every demo status.
 */
export async function seedReviewTaskStatuses(tx: DbClient, organisationId: string, year: number) {
  const facts = await getReviewFacts(tx, organisationId, year);
  const tasks = await tx.task.findMany({
    where: { cycle: { organisationId, year }, unitId: null, activity: { key: { in: REVIEW_TASK_KEYS } } },
    select: { id: true, activity: { select: { key: true } } },
  });
  for (const task of tasks) {
    const { status, doneOn } = reviewStepStatus(REVIEW_STEPS[task.activity.key as keyof typeof REVIEW_STEPS], facts);
    const done = status === "DONE" && doneOn;
    await tx.task.update({
      where: { id: task.id },
      data: { status, doneOn: done ? doneOn : null, completedAt: done ? new Date(doneOn.getTime() + 10 * 3_600_000) : null, completedById: null, notApplicableReason: null },
    });
  }
}
