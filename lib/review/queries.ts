import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import { grantsFor, type Action, type Actor } from "../auth/permissions.ts";
import { drawSample, type SamplingCase } from "./sampling.ts";
import { summariseReview, type YearSummary } from "./summary.ts";

/** The verksamhet in which the actor holds the action, or null: case data never leaves that verksamhet. */
export function reviewOrganisationFor(actor: Actor, action: Action): string | null {
  return grantsFor(actor, action)[0]?.assignment.organisationId ?? null;
}

async function areasOf(db: DbClient, organisationId: string) {
  return db.area.findMany({ where: { organisationId }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}

const summaryCaseSelect = {
  areaId: true,
  state: true,
  exclusionReason: true,
  interview: {
    select: { deviation: true, deviationCauses: true, handedOverOn: true, documentedInJournal: true, receivesGranted: true, plannedTogether: true, arrivesOnTime: true },
  },
} as const;

/** Every review year of the actor's verksamhet with its headline figures, newest first. */
export async function getReviewYears(actor: Actor, db: DbClient = getDb()) {
  const organisationId = reviewOrganisationFor(actor, "review:read");
  if (!organisationId) return null;
  const [areas, reviews] = await Promise.all([
    areasOf(db, organisationId),
    db.qualityReview.findMany({ where: { organisationId }, orderBy: { year: "desc" }, include: { cases: { select: summaryCaseSelect } } }),
  ]);
  return reviews.map((r) => ({ year: r.year, drawnAt: r.drawnAt, sampleSizePerArea: r.sampleSizePerArea, summarisedOn: r.summarisedOn, summary: summariseReview(r.cases, areas) }));
}

/** One review year: the review (or null before the first import), the areas and every case in draw order. */
export async function getReviewYear(actor: Actor, year: number, db: DbClient = getDb()) {
  const organisationId = reviewOrganisationFor(actor, "review:read");
  if (!organisationId) return null;
  const [areas, review] = await Promise.all([
    areasOf(db, organisationId),
    db.qualityReview.findUnique({
      where: { organisationId_year: { organisationId, year } },
      include: { cases: { orderBy: [{ drawRank: "asc" }, { caseRef: "asc" }], include: { interview: { select: { deviation: true, interviewedOn: true, version: true } } } } },
    }),
  ]);
  const drawnBy = review?.drawnById ? await db.user.findUnique({ where: { id: review.drawnById }, select: { name: true } }) : null;
  return { organisationId, areas, review, drawnByName: drawnBy?.name ?? null, reproducible: review ? isReproducible(review) : null };
}

type DrawnReview = {
  randomSeed: string | null;
  sampleSizePerArea: number;
  cases: (SamplingCase & { state: string; drawRank: number | null })[];
};

/** Whether drawing again with the stored seed gives exactly the stored draw order and exclusions (null before the draw). */
export function isReproducible(review: DrawnReview): boolean | null {
  if (!review.randomSeed) return null;
  const again = drawSample(review.cases, review.sampleSizePerArea, review.randomSeed);
  const excluded = new Set(again.excluded.map((e) => e.id));
  const rankOf = new Map([...again.order.values()].flatMap((ids) => ids.map((id, i) => [id, i + 1] as const)));
  return review.cases.every((c) => (excluded.has(c.id) ? c.state === "EXCLUDED" && c.drawRank === null : c.drawRank === rankOf.get(c.id)));
}

/** A case of the year's review with its interview, or null when it is not in the actor's verksamhet. */
export async function getReviewCase(actor: Actor, year: number, caseId: string, db: DbClient = getDb()) {
  const organisationId = reviewOrganisationFor(actor, "review:read");
  if (!organisationId) return null;
  const found = await db.reviewCase.findFirst({ where: { id: caseId, review: { organisationId, year } }, include: { interview: true } });
  if (!found) return null;
  const [area, interviewer] = await Promise.all([
    db.area.findFirst({ where: { id: found.areaId, organisationId }, select: { name: true } }),
    found.interview?.interviewerId ? db.user.findUnique({ where: { id: found.interview.interviewerId }, select: { name: true } }) : null,
  ]);
  return { ...found, areaName: area?.name ?? "Okänt område", interviewerName: interviewer?.name ?? null };
}

export type ReviewSummaryReport = { year: number; drawnAt: Date | null; sampleSizePerArea: number; summarisedOn: Date | null; summary: YearSummary; earlier: { year: number; summary: YearSummary }[] };

/** The summary report of a year, with the earlier years of the same verksamhet to compare with. */
export async function getReviewSummary(actor: Actor, year: number, db: DbClient = getDb()): Promise<ReviewSummaryReport | null> {
  const years = await getReviewYears(actor, db);
  const current = years?.find((y) => y.year === year);
  if (!years || !current) return null;
  return { ...current, earlier: years.filter((y) => y.year < year).map(({ year, summary }) => ({ year, summary })) };
}
