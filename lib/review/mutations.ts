import "server-only";
import { getDb, type DbClient } from "../db/index.ts";
import { Prisma } from "../db/generated/client.ts";
import { chunks, fail, transact, yieldToEventLoop } from "../db/transaction.ts";
import { writeAudit } from "../audit/index.ts";
import type { Actor } from "../auth/permissions.ts";
import { dateFromIso } from "../dates/cycle.ts";
import { plural } from "../plural.ts";
import { parseCaseList } from "./csv.ts";
import { reviewOrganisationFor } from "./queries.ts";
import { drawSample, newSeed, nextReplacement } from "./sampling.ts";
import { CASE_LIST_UPLOAD, declineSchema, drawSchema, interviewSchema, reviewYearSchema, summariseSchema } from "./schemas.ts";
import { sizeProblem, utf8Bytes } from "../uploads.ts";
import { fieldErrorsOf, type Result } from "../forms.ts";
import * as clock from "../clock.ts";
import { syncReviewTasks } from "../tasks/mutations.ts";
import { getReviewFacts } from "../tasks/review-facts.ts";
import { interviewsComplete } from "../tasks/module-tasks.ts";

// Audit entries are readable by hemtjänst managers, so they record what happened and to which record, never case data.

const CONFLICT = "Någon annan ändrade samma uppgifter samtidigt. Ladda om sidan och försök igen.";

const STALE_INTERVIEW = "Intervjun har ändrats av någon annan sedan du öppnade den. Ladda om sidan och gör ändringen igen.";
/** Cases per statement of a case list's import and of a draw: a statement over 1 000 held the embedded database's one thread for hundreds of ms (issue 30, H8). */
const WRITE_BATCH = 250;
const ALREADY_DRAWN = "Urvalet för året är redan draget. Ärendelistan kan inte ändras efter dragningen.";

/** Adds the cases of a file to the year's list (creating the year's review); the whole file or nothing. */
export async function importReviewCases(actor: Actor, input: { year: unknown; file: string | Uint8Array }, db: DbClient = getDb()): Promise<Result<{ year: number; imported: number; total: number }>> {
  const organisationId = reviewOrganisationFor(actor, "review:manage");
  if (!organisationId) return { ok: false, message: "Du har inte behörighet att importera ärenden." };
  const year = reviewYearSchema.safeParse(input.year);
  if (!year.success) return { ok: false, message: "Kontrollera året.", errors: { year: year.error.issues.map((i) => i.message) } };
  const areas = await db.area.findMany({ where: { organisationId }, orderBy: { position: "asc" }, select: { id: true, name: true } });
  const tooLarge = sizeProblem(CASE_LIST_UPLOAD.limits, typeof input.file === "string" ? utf8Bytes(input.file) : input.file.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  const parsed = parseCaseList(input.file, areas);
  if (!parsed.ok) return { ok: false, message: parsed.message, details: parsed.details };

  return transact(db, async (tx) => {
    const review = await tx.qualityReview.upsert({
      where: { organisationId_year: { organisationId, year: year.data } },
      create: { organisationId, year: year.data },
      update: {},
    });
    if (review.drawnAt) fail(ALREADY_DRAWN);
    const existing: { caseRef: string }[] = [];
    for (const part of chunks(parsed.cases, WRITE_BATCH)) {
      await yieldToEventLoop();
      existing.push(...(await tx.reviewCase.findMany({ where: { reviewId: review.id, caseRef: { in: part.map((c) => c.caseRef), mode: "insensitive" } }, select: { caseRef: true } })));
    }
    if (existing.length > 0) {
      fail(`${existing.length === 1 ? "Ett ärende" : `${existing.length} ärenden`} i filen finns redan i årets ärendelista. Inget har sparats.`, undefined,
        existing.slice(0, 15).map((e) => `Ärendet ${e.caseRef} är redan importerat.`),
      );
    }
    for (const part of chunks(parsed.cases, WRITE_BATCH)) {
      await yieldToEventLoop();
      await tx.reviewCase.createMany({ data: part.map((c) => ({
          reviewId: review.id, caseRef: c.caseRef, areaId: c.areaId, onlySafetyAlarm: c.onlySafetyAlarm, recentlyClosed: c.recentlyClosed, dementiaDiagnosis: c.dementiaDiagnosis, relativeEmployed: c.relativeEmployed,
        })) });
    }
    const total = await tx.reviewCase.count({ where: { reviewId: review.id } });
    await writeAudit(tx, { actorId: actor.id, action: "review.import", entityType: "QualityReview", entityId: review.id, after: { year: year.data, imported: parsed.cases.length, total } });
    await syncReviewTasks(tx, actor.id, organisationId, year.data);
    return { ok: true as const, year: year.data, imported: parsed.cases.length, total };
  }, { conflict: CONFLICT });
}

/** Draws the year's sample: exclusions with their reason, a draw order per area, and the seed, in one transaction. */
export async function drawReviewSample(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<Result<{ sampled: number; excluded: number; randomSeed: string }>> {
  const organisationId = reviewOrganisationFor(actor, "review:manage");
  if (!organisationId) return { ok: false, message: "Du har inte behörighet att dra urvalet." };
  const input = drawSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: "Kontrollera de markerade fälten.", errors: fieldErrorsOf(input.error) };
  const { year, sampleSizePerArea } = input.data;
  const seed = input.data.randomSeed ?? newSeed();

  return transact(db, async (tx) => {
    // Claim the draw first: under READ COMMITTED a concurrent draw waits on this row and then finds drawnAt set,
    // so only one draw can ever be stored, and the seed a user is told about is the one kept.
    const drawnAt = clock.now();
    const claimed = await tx.qualityReview.updateMany({ where: { organisationId, year, drawnAt: null }, data: { drawnAt, drawnById: actor.id } });
    const review = await tx.qualityReview.findUnique({ where: { organisationId_year: { organisationId, year } } });
    if (claimed.count === 0 && review?.drawnAt) fail("Urvalet för året är redan draget.");
    const cases = review ? await casesOf(tx, review.id) : [];
    if (!review || cases.length === 0) fail(`Det finns inga ärenden för ${year}. Importera ärendelistan först.`);
    const areas = await tx.area.findMany({ where: { organisationId }, select: { id: true, name: true } });
    await yieldToEventLoop();
    const draw = drawSample(cases, sampleSizePerArea, seed, areas.map((a) => a.id));
    if (draw.short.length > 0) {
      const names = new Map(areas.map((a) => [a.id, a.name]));
      fail(`Urvalet är ${sampleSizePerArea} per område, men alla områden har inte så många ärenden som kan ingå. Inget har sparats.`,
        { sampleSizePerArea: ["Större än antalet ärenden som kan ingå i minst ett område."] },
        draw.short.map((s) => `${names.get(s.areaId) ?? "Okänt område"}: ${plural(s.eligible, "ärende", "ärenden")} kan ingå.`),
      );
    }
    // Set-based, WRITE_BATCH cases a statement: one UPDATE per case (5 000 of them) kept the embedded database, and with
    // it every other request, busy for seconds (issue 30, H8). A case not yet drawn has neither reason nor rank.
    const changes = [
      ...draw.excluded.map(({ id, reason }) => ({ id, state: "EXCLUDED", reason, rank: null as number | null })),
      ...[...draw.order.values()].flatMap((ids) => ids.map((id, i) => ({ id, state: i < sampleSizePerArea ? "SAMPLED" : "POOL", reason: null as string | null, rank: i + 1 }))),
    ];
    for (const part of chunks(changes, WRITE_BATCH)) {
      await yieldToEventLoop();
      const values = Prisma.join(part.map((c) => Prisma.sql`(${c.id}::text, ${c.state}::text, ${c.reason}::text, ${c.rank}::int)`));
      await tx.$executeRaw`UPDATE "ReviewCase" AS c SET "state" = v.state::"ReviewCaseState", "exclusionReason" = v.reason, "drawRank" = v.rank
        FROM (VALUES ${values}) AS v(id, state, reason, rank) WHERE c."id" = v.id AND c."reviewId" = ${review!.id}`;
    }
    await tx.qualityReview.update({ where: { id: review!.id }, data: { randomSeed: seed, sampleSizePerArea } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "review.draw",
      entityType: "QualityReview",
      entityId: review!.id,
      after: { year, randomSeed: seed, sampleSizePerArea, sampled: draw.sampled.length, excluded: draw.excluded.length },
    });
    await syncReviewTasks(tx, actor.id, organisationId, year);
    return { ok: true as const, sampled: draw.sampled.length, excluded: draw.excluded.length, randomSeed: seed };
  }, { conflict: CONFLICT });
}

/** Every case of a review, read WRITE_BATCH at a time (by id) with a yield between: the draw's input. */
async function casesOf(tx: Prisma.TransactionClient, reviewId: string) {
  const cases = [];
  for (let after = ""; ; ) {
    await yieldToEventLoop();
    const part = await tx.reviewCase.findMany({ where: { reviewId, id: { gt: after } }, orderBy: { id: "asc" }, take: WRITE_BATCH });
    cases.push(...part);
    if (part.length < WRITE_BATCH) return cases;
    after = part.at(-1)!.id;
  }
}

/** Records that a sampled client declined, and brings in the next case of the same area's draw order. */
export async function declineReviewCase(actor: Actor, raw: unknown, db: DbClient = getDb()): Promise<Result<{ caseRef: string; replacementRef: string | null }>> {
  const organisationId = reviewOrganisationFor(actor, "review:interview");
  if (!organisationId) return { ok: false, message: "Du har inte behörighet att ändra urvalet." };
  const input = declineSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: "Kontrollera de markerade fälten.", errors: fieldErrorsOf(input.error) };

  return transact(db, async (tx) => {
    const declined = await tx.reviewCase.findFirst({ where: { id: input.data.caseId, review: { organisationId } }, include: { interview: { select: { id: true } }, review: { select: { year: true } } } });
    if (!declined || declined.state !== "SAMPLED") fail("Ärendet finns inte i urvalet.");
    if (declined!.interview) fail("Ärendet har redan en intervju och kan inte bytas ut.");
    // Conditional updates: a concurrent decline of the same case waits on the row and then changes nothing.
    const changed = await tx.reviewCase.updateMany({ where: { id: declined!.id, state: "SAMPLED" }, data: { state: "DECLINED", declinedReason: input.data.reason } });
    if (changed.count === 0) fail("Ärendet har redan bytts ut av någon annan. Ladda om sidan.");
    // The next case of the area's draw order; if another decline took it in the meantime, read again and take the next.
    let next: { id: string } | null = null;
    for (let attempt = 0; ; attempt++) {
      // Each lost race means another decline committed; far more than an area's sample would mean something is wrong.
      if (attempt === 50) fail("Urvalet ändras av flera samtidigt. Ladda om sidan och försök igen.");
      const others = await tx.reviewCase.findMany({ where: { reviewId: declined!.reviewId, areaId: declined!.areaId }, select: { id: true, areaId: true, state: true, drawRank: true } });
      const candidate = nextReplacement(others, declined!);
      if (!candidate) break;
      const taken = await tx.reviewCase.updateMany({ where: { id: candidate.id, state: "POOL" }, data: { state: "SAMPLED", replacesCaseId: declined!.id } });
      if (taken.count === 1) {
        next = candidate;
        break;
      }
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "review.decline",
      entityType: "ReviewCase",
      entityId: declined!.id,
      before: { state: "SAMPLED" },
      after: { state: "DECLINED", replacedBy: next?.id ?? null },
    });
    await syncReviewTasks(tx, actor.id, organisationId, declined!.review.year);
    const replacement = next ? await tx.reviewCase.findUnique({ where: { id: next.id }, select: { caseRef: true } }) : null;
    return { ok: true as const, caseRef: declined!.caseRef, replacementRef: replacement?.caseRef ?? null };
  }, { conflict: CONFLICT });
}

/** Records or updates the interview of a sampled case; an update names the version it read. */
export async function saveReviewInterview(actor: Actor, raw: unknown, db: DbClient = getDb(), today: Date = clock.today()): Promise<Result<{ caseRef: string; version: number; created: boolean }>> {
  const organisationId = reviewOrganisationFor(actor, "review:interview");
  if (!organisationId) return { ok: false, message: "Du har inte behörighet att registrera intervjuer." };
  const input = interviewSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: "Kontrollera de markerade fälten.", errors: fieldErrorsOf(input.error) };
  const { caseId, version, interviewedOn, handedOverOn, ...answers } = input.data;
  const future: Record<string, string[]> = {};
  if (dateFromIso(interviewedOn) > today) future.interviewedOn = ["Intervjudatumet kan inte vara i framtiden."];
  if (handedOverOn && dateFromIso(handedOverOn) > today) future.handedOverOn = ["Överlämningsdatumet kan inte vara i framtiden."];
  if (Object.keys(future).length > 0) return { ok: false, message: "Kontrollera de markerade fälten.", errors: future };

  // STALE_INTERVIEW also for a unique-key clash: a first save that lost the race to another first save.
  return transact(db, async (tx) => {
    const found = await tx.reviewCase.findFirst({ where: { id: caseId, state: "SAMPLED", review: { organisationId } }, include: { interview: true, review: { select: { year: true } } } });
    if (!found) fail("Ärendet finns inte i urvalet. En intervju kan bara registreras för ett utvalt ärende.");
    const data = {
      ...answers,
      deviationOtherText: answers.deviationCauses.includes("OTHER") ? answers.deviationOtherText : null,
      interviewedOn: dateFromIso(interviewedOn),
      handedOverOn: handedOverOn ? dateFromIso(handedOverOn) : null,
      interviewerId: actor.id,
    };
    const before = found!.interview;
    if (before && before.version !== version) fail(STALE_INTERVIEW);
    if (!before && version !== 0) fail("Intervjun finns inte längre. Ladda om sidan.");
    // updateMany with the version read: a save by someone else in between leaves count 0 instead of throwing.
    if (before) {
      const updated = await tx.reviewInterview.updateMany({ where: { id: before.id, version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count === 0) fail(STALE_INTERVIEW);
    }
    const saved = before ? await tx.reviewInterview.findUniqueOrThrow({ where: { id: before.id } }) : await tx.reviewInterview.create({ data: { ...data, caseId } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: before ? "review.interview.update" : "review.interview.create",
      entityType: "ReviewInterview",
      entityId: saved.id,
      before: before ? { version: before.version } : undefined,
      after: { caseId, version: saved.version },
    });
    await syncReviewTasks(tx, actor.id, organisationId, found!.review.year);
    return { ok: true as const, caseRef: found!.caseRef, version: saved.version, created: !before };
  }, { conflict: STALE_INTERVIEW });
}

/**
 * Declares the year's summary complete, on a date no later than today, once every sampled client is interviewed;
 * the review's summary task becomes klar on that date. Taken back by sending no date (the task opens again).
 */
export async function markReviewSummarised(actor: Actor, raw: unknown, db: DbClient = getDb(), today: Date = clock.today()): Promise<Result<{ year: number; summarised: boolean }>> {
  const organisationId = reviewOrganisationFor(actor, "review:manage");
  if (!organisationId) return { ok: false, message: "Du har inte behörighet att markera sammanställningen som klar." };
  const input = summariseSchema.safeParse(raw);
  if (!input.success) return { ok: false, message: "Kontrollera de markerade fälten.", errors: fieldErrorsOf(input.error) };
  const { year, summarisedOn, undo } = input.data;
  if (!undo && summarisedOn && dateFromIso(summarisedOn) > today) return { ok: false, message: "Kontrollera de markerade fälten.", errors: { summarisedOn: ["Datumet kan inte vara i framtiden."] } };

  return transact(db, async (tx) => {
    const review = await tx.qualityReview.findUnique({ where: { organisationId_year: { organisationId, year } }, select: { id: true, summarisedOn: true } });
    if (!review) fail(`Det finns ingen granskning för ${year}.`);
    if (undo) {
      await tx.qualityReview.update({ where: { id: review!.id }, data: { summarisedOn: null, summarisedAt: null, summarisedById: null } });
    } else {
      if (!interviewsComplete(await getReviewFacts(tx, organisationId, year))) fail("Sammanställningen kan markeras som klar när alla i urvalet är intervjuade.");
      await tx.qualityReview.update({ where: { id: review!.id }, data: { summarisedOn: summarisedOn ? dateFromIso(summarisedOn) : today, summarisedAt: clock.now(), summarisedById: actor.id } });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "review.summarise",
      entityType: "QualityReview",
      entityId: review!.id,
      before: { summarisedOn: review!.summarisedOn ? review!.summarisedOn.toISOString().slice(0, 10) : null },
      after: { summarisedOn: undo ? null : (summarisedOn ?? today.toISOString().slice(0, 10)) },
    });
    await syncReviewTasks(tx, actor.id, organisationId, year);
    return { ok: true as const, year, summarised: !undo };
  }, { conflict: CONFLICT });
}
