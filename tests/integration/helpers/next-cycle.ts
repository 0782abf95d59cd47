import type { Db } from "@/lib/db";
import { ensureCycleTasks } from "@/lib/cycles/instantiate";
import { utcDate } from "@/lib/dates/cycle";

/**
 * A day in December 2026, when the 2027 cycle has begun (the brukarundersökning starts in December) while the 2026
 * cycle is open for its efterarbete: both cycles are open (docs/decisions/020-one-cycle-twelve-months.md).
 */
export const DECEMBER_DAY = utcDate(2026, 12, 2);

/** The seeded verksamhet's 2027 cycle with all its tasks, started as the verksamhetsutvecklare would; idempotent. */
export async function ensureCycle2027(db: Db) {
  const organisation = await db.organisation.findFirstOrThrow();
  const cycle = await db.cycle.upsert({ where: { organisationId_year: { organisationId: organisation.id, year: 2027 } }, create: { organisationId: organisation.id, year: 2027 }, update: {} });
  await ensureCycleTasks(db, cycle.id);
  return cycle;
}
