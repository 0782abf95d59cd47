-- AlterTable
ALTER TABLE "Routine" ADD COLUMN     "startMonth" INTEGER NOT NULL DEFAULT 1;

-- Issue 21, item 5 (docs/decisions/014-routine-start-month.md): the brukarundersökning's year begins in December,
-- with the ledningsgrupp's review before the next survey, and a cycle is named after the survey year it leads to.
UPDATE "Routine" SET "startMonth" = 12 WHERE "key" = 'brukarundersokning-hemtjanst';

-- Every task of a routine starting in month s > 1 whose activity starts in month s or later belonged to the
-- calendar year's cycle Y; it now belongs to cycle Y + 1 (its dates stay: December 2026 is in the 2027 cycle).
-- Tasks keep their ids, so their history (TaskEvent), reminders sent, plans and audit trail stay with them; their
-- letter dispatches, which carry the cycle too, move with them. Cycle Y + 1 is created when missing, and the
-- years are moved highest first so that (cycle, activity, assignee) never meets a task that has not moved yet.
DO $$
DECLARE
  moving RECORD;
  target TEXT;
BEGIN
  FOR moving IN
    SELECT DISTINCT c."id", c."organisationId", c."year"
    FROM "Task" t
    JOIN "Cycle" c ON c."id" = t."cycleId"
    JOIN "ActivityTemplate" a ON a."id" = t."activityId"
    JOIN "RoutineVersion" v ON v."id" = a."routineVersionId"
    JOIN "Routine" r ON r."id" = v."routineId"
    WHERE r."startMonth" > 1 AND a."startMonth" >= r."startMonth"
    ORDER BY c."year" DESC
  LOOP
    SELECT "id" INTO target FROM "Cycle" WHERE "organisationId" = moving."organisationId" AND "year" = moving."year" + 1;
    IF target IS NULL THEN
      target := 'cyc' || replace(gen_random_uuid()::text, '-', '');
      INSERT INTO "Cycle" ("id", "organisationId", "year") VALUES (target, moving."organisationId", moving."year" + 1);
    END IF;
    UPDATE "LetterDispatch" d SET "cycleId" = target
    FROM "Task" t
    JOIN "ActivityTemplate" a ON a."id" = t."activityId"
    JOIN "RoutineVersion" v ON v."id" = a."routineVersionId"
    JOIN "Routine" r ON r."id" = v."routineId"
    WHERE d."taskId" = t."id" AND t."cycleId" = moving."id" AND r."startMonth" > 1 AND a."startMonth" >= r."startMonth";
    UPDATE "Task" t SET "cycleId" = target
    FROM "ActivityTemplate" a
    JOIN "RoutineVersion" v ON v."id" = a."routineVersionId"
    JOIN "Routine" r ON r."id" = v."routineId"
    WHERE a."id" = t."activityId" AND t."cycleId" = moving."id" AND r."startMonth" > 1 AND a."startMonth" >= r."startMonth";
  END LOOP;
END $$;
