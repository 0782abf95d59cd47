// Not marked server-only: the seed loads it (docs/decisions/007-server-only-outside-next.md).
import type { Prisma } from "../db/index.ts";
import { stockholmDate } from "../dates/cycle.ts";
import type { ReviewFacts } from "./module-tasks.ts";

/** What one year's quality review holds, as the review's tasks follow it; null before the first import. */
export async function getReviewFacts(tx: Prisma.TransactionClient, organisationId: string, year: number): Promise<ReviewFacts | null> {
  const review = await tx.qualityReview.findUnique({
    where: { organisationId_year: { organisationId, year } },
    select: { id: true, createdAt: true, drawnAt: true, summarisedOn: true },
  });
  if (!review) return null;
  const [sampled, interviews] = await Promise.all([
    tx.reviewCase.count({ where: { reviewId: review.id, state: "SAMPLED" } }),
    tx.reviewInterview.aggregate({ where: { case: { reviewId: review.id, state: "SAMPLED" } }, _count: { _all: true }, _max: { interviewedOn: true } }),
  ]);
  return {
    importedOn: stockholmDate(review.createdAt),
    drawnOn: review.drawnAt ? stockholmDate(review.drawnAt) : null,
    sampled,
    interviewed: interviews._count._all,
    lastInterviewOn: interviews._max.interviewedOn,
    summarisedOn: review.summarisedOn,
  };
}
