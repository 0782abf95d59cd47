import { readFileSync } from "node:fs";
import path from "node:path";
import { setISOWeek, startOfISOWeek } from "date-fns";
import { hashPassword } from "../../lib/auth/password.ts";
import { writeAudit } from "../../lib/audit/index.ts";
import { ensureCycleTasks } from "../../lib/cycles/instantiate.ts";
import { currentCycleYearOf, cycleYearOf, daysBetween, utcDate } from "../../lib/dates/cycle.ts";
import { getCycleCalendar } from "../../lib/cycle-calendar.ts";
import type { Db, DbClient } from "../../lib/db/index.ts";
import type { TaskStatus } from "../../lib/db/generated/enums.ts";
import { writeRoutineVersion } from "../../lib/routines/import.ts";
import { routineDocumentSchema } from "../../lib/routines/schemas.ts";
import { DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_USERS } from "./demo-organisation.ts";
import { seedResults } from "./results.ts";
import { seedQualityReview, seedReviewTaskStatuses } from "./quality-review.ts";
import { taskModuleOf } from "../../lib/tasks/module-tasks.ts";
import * as clock from "../../lib/clock.ts";

const ROUTINE_FILE = path.join(import.meta.dirname, "routine-brukarundersokning.json");

/** Reads and validates the seeded routine; a broken seed file stops before anything is written. */
export function loadSeedRoutine() {
  return routineDocumentSchema.parse(JSON.parse(readFileSync(ROUTINE_FILE, "utf8")));
}

// A stable pseudo-random number in [0, 1) per task, so every seeded database shows the same mix.
function stableFraction(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  // FNV-1a alone mixes short, similar keys poorly; murmur3's finaliser spreads them over the whole range.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/** The demo status of a task, given how its due date relates to today: mostly done in the past, some overdue. */
export function demoStatus(key: string, startsOn: Date | null, dueOn: Date | null, today: Date): TaskStatus {
  if (!dueOn || !startsOn) return "NOT_STARTED";
  const r = stableFraction(key);
  if (dueOn < today) return r < 0.78 ? "DONE" : r < 0.83 ? "NOT_APPLICABLE" : r < 0.92 ? "IN_PROGRESS" : "NOT_STARTED";
  if (startsOn <= today) return r < 0.35 ? "DONE" : r < 0.75 ? "IN_PROGRESS" : "NOT_STARTED";
  return "NOT_STARTED";
}

/** Socialstyrelsen's usual timetable: dispatch Monday of week 11, reminder four weeks later, last day 26 May, results 1 October. */
export function typicalSurveyTimetable(year: number) {
  const week11 = startOfISOWeek(setISOWeek(new Date(year, 0, 4), 11));
  const dispatch = utcDate(year, week11.getMonth() + 1, week11.getDate());
  return {
    surveyDispatchOn: dispatch,
    surveyReminderOn: new Date(dispatch.getTime() + 28 * 86_400_000),
    surveyLastAnswerOn: utcDate(year, 5, 26),
    resultsPublishedOn: utcDate(year, 10, 1),
  };
}

async function seedOrganisation(tx: DbClient) {
  const org = await tx.organisation.upsert({
    where: { slug: DEMO_ORGANISATION.slug },
    create: { slug: DEMO_ORGANISATION.slug, name: DEMO_ORGANISATION.name },
    update: {},
  });
  const unitIds = new Map<string, string>();
  for (const [position, area] of DEMO_ORGANISATION.areas.entries()) {
    const row = await tx.area.upsert({
      where: { organisationId_name: { organisationId: org.id, name: area.name } },
      create: { organisationId: org.id, name: area.name, position },
      update: {},
    });
    for (const name of area.units) {
      const unit = await tx.unit.upsert({ where: { areaId_name: { areaId: row.id, name } }, create: { areaId: row.id, name }, update: {} });
      unitIds.set(name, unit.id);
    }
  }
  return { org, unitIds };
}

async function seedUsers(tx: DbClient, organisationId: string, unitIds: Map<string, string>, passwordHash: string) {
  for (const demo of DEMO_USERS) {
    const user = await tx.user.upsert({
      where: { email: demo.email },
      create: { organisationId, email: demo.email, name: demo.name, passwordHash },
      update: {},
    });
    for (const { role, units } of demo.roles) {
      const scopes = units === "ALL" ? [null] : units.map((u) => unitIds.get(u)!);
      for (const unitId of scopes) {
        // A null unit is never "equal" in a unique index, so look before creating.
        const exists = await tx.roleAssignment.findFirst({ where: { userId: user.id, role, organisationId, unitId } });
        if (!exists) await tx.roleAssignment.create({ data: { userId: user.id, role, organisationId, unitId } });
      }
    }
  }
}

async function seedCycle(tx: DbClient, organisationId: string, year: number, today: Date, actorId: string | null) {
  const existing = await tx.cycle.findUnique({ where: { organisationId_year: { organisationId, year } } });
  if (existing) return 0;
  const cycle = await tx.cycle.create({ data: { organisationId, year, ...typicalSurveyTimetable(year) } });
  await ensureCycleTasks(tx, cycle.id);
  const tasks = await tx.task.findMany({
    where: { cycleId: cycle.id },
    include: { activity: { select: { key: true, kind: true, letterNumber: true } }, unit: { select: { name: true } } },
  });
  // Keyed on names, never on generated ids, so that two databases seeded for the same today hold the same statuses.
  const stableKey = (t: (typeof tasks)[number]) => `${year}:${t.unit?.name ?? t.assigneeKey}:${t.activity.key}`;
  const byStatus = new Map<TaskStatus, string[]>();
  for (const task of tasks) {
    // The review's tasks follow the review (seedReviewTaskStatuses), never a demo status.
    const status = taskModuleOf(task.activity)?.kind === "review" ? "NOT_STARTED" : demoStatus(stableKey(task), task.startsOn, task.dueOn, today);
    byStatus.set(status, [...(byStatus.get(status) ?? []), task.id]);
  }
  for (const [status, ids] of byStatus) {
    if (status === "NOT_STARTED") continue;
    await tx.task.updateMany({
      where: { id: { in: ids } },
      data: {
        status,
        version: 2,
        ...(status === "DONE" ? { completedAt: today, completedById: actorId } : {}),
        ...(status === "NOT_APPLICABLE" ? { notApplicableReason: "Demo: genomfördes inte detta år (exempeldata)." } : {}),
      },
    });
    await tx.taskEvent.createMany({
      data: ids.map((taskId) => ({ taskId, actorId, type: "STATUS_CHANGED" as const, fromStatus: "NOT_STARTED" as const, toStatus: status })),
    });
  }
  // Demo work was done around each due date, not on the day the database was seeded (year-over-year needs that).
  await tx.$executeRaw`UPDATE "Task" SET "completedAt" = LEAST("dueOn" - INTERVAL '2 days', ${today}::date - INTERVAL '1 day' + INTERVAL '10 hours')
    WHERE "cycleId" = ${cycle.id} AND "completedAt" IS NOT NULL AND "dueOn" IS NOT NULL`;
  await tx.$executeRaw`UPDATE "Task" SET "doneOn" = ("completedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Stockholm')::date
    WHERE "cycleId" = ${cycle.id} AND "completedAt" IS NOT NULL`;
  await tx.$executeRaw`UPDATE "TaskEvent" e SET "at" = LEAST(t."dueOn" - INTERVAL '3 days', ${today}::date - INTERVAL '1 day' + INTERVAL '9 hours')
    FROM "Task" t WHERE e."taskId" = t.id AND t."cycleId" = ${cycle.id} AND t."dueOn" IS NOT NULL`;
  // Done letters have their dispatch record: the letter record and the checklist tick are one fact.
  const doneLetters = tasks.filter((t) => t.activity.kind === "LETTER" && t.unitId && byStatus.get("DONE")?.includes(t.id));
  await tx.letterDispatch.createMany({
    data: doneLetters.map((t) => ({
      cycleId: cycle.id,
      unitId: t.unitId!,
      taskId: t.id,
      letterNumber: t.activity.letterNumber!,
      sentOn: new Date(Math.min(t.dueOn!.getTime() - 7 * 86_400_000, today.getTime() - 86_400_000)),
      count: 40 + Math.floor(stableFraction(stableKey(t)) * 80),
      method: "POST" as const,
      recordedById: actorId,
    })),
  });
  // A letter is done on the day it was sent (Task.doneOn), whenever it was recorded.
  await tx.$executeRaw`UPDATE "Task" t SET "doneOn" = d."sentOn" FROM "LetterDispatch" d WHERE d."taskId" = t.id AND t."cycleId" = ${cycle.id}`;
  await seedReviewTaskStatuses(tx, organisationId, year);
  return tasks.length;
}

export type SeedOptions = { onlyIfEmpty?: boolean; today?: Date };

/**
 * Idempotent: creates what is missing (organisation, users, routine, this and last year's cycles) and
 * leaves what exists alone. Runs in one transaction, so a failure leaves the database as it was.
 */
export async function seed(db: Db, options: SeedOptions = {}): Promise<string> {
  const today = options.today ?? clock.today();
  if (options.onlyIfEmpty && (await db.organisation.count()) > 0) return "Databasen har redan innehåll; ingen demodata lades till.";
  const routineDoc = loadSeedRoutine();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // The quality review and the survey results run in calendar years; the cycles are named after the survey year they
  // lead to, so from 1 December the brukarundersökning's next cycle is the current one (docs/decisions/014).
  const calendarYear = cycleYearOf(today);

  return db.$transaction(
    async (tx) => {
      const { org, unitIds } = await seedOrganisation(tx);
      await seedUsers(tx, org.id, unitIds, passwordHash);
      const hasRoutine = await tx.routine.findUnique({ where: { organisationId_key: { organisationId: org.id, key: routineDoc.key } } });
      if (!hasRoutine) {
        await writeRoutineVersion(tx, org.id, routineDoc, { status: "ACTIVE", publishedAt: utcDate(2025, 12, 9) });
      }
      await seedQualityReview(tx, org.id, calendarYear);
      const year = currentCycleYearOf(today, await getCycleCalendar(tx, org.id));
      // Demo history is attributed to no one: the app shows it as "system" rather than inventing who did it.
      const actorId = null;
      const created = (await seedCycle(tx, org.id, year - 1, today, actorId)) + (await seedCycle(tx, org.id, year, today, actorId));
      await seedResults(tx, org.id, unitIds, calendarYear);
      await writeAudit(tx, { actorId: null, action: "seed.run", entityType: "Organisation", entityId: org.id, after: { createdTasks: created, year } });
      const days = daysBetween(utcDate(calendarYear, 1, 1), today);
      return `Demodata klar: ${unitIds.size} enheter, ${DEMO_USERS.length} demokonton, cykler ${year - 1} och ${year} (${created} nya uppgifter, dag ${days + 1} av året).`;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
