-- AlterTable
ALTER TABLE "Routine" ADD COLUMN     "startMonth" INTEGER NOT NULL DEFAULT 1;

-- Issue 21, item 5 (docs/decisions/014-routine-start-month.md): the brukarundersökning's year begins in December,
-- with the ledningsgrupp's review before the next survey, and a cycle is named after the survey year it leads to.
-- (No semicolon inside these comments: the migration runner splits the script at every semicolon.)
UPDATE "Routine" SET "startMonth" = 12 WHERE "key" = 'brukarundersokning-hemtjanst';

-- A task "moves" when its routine starts in month s > 1 and its activity starts in month s or later: it was in the
-- calendar year's cycle Y and now belongs to cycle Y + 1, with its dates unchanged (December 2026 is in the 2027
-- cycle). Tasks keep their ids, so their history (TaskEvent), plans, reminders sent and audit entries stay with
-- them, and their letter dispatches, which name the cycle too, move with them.
CREATE TEMPORARY TABLE "_MovingTask" AS
SELECT t."id" AS "taskId", c."organisationId", c."year" + 1 AS "toYear"
FROM "Task" t
JOIN "Cycle" c ON c."id" = t."cycleId"
JOIN "ActivityTemplate" a ON a."id" = t."activityId"
JOIN "RoutineVersion" v ON v."id" = a."routineVersionId"
JOIN "Routine" r ON r."id" = v."routineId"
WHERE r."startMonth" > 1 AND a."startMonth" >= r."startMonth";

-- Cycle Y + 1 is created where it is missing (its timetable not yet known).
INSERT INTO "Cycle" ("id", "organisationId", "year")
SELECT DISTINCT 'cyc' || md5(m."organisationId" || ':' || m."toYear"), m."organisationId", m."toYear"
FROM "_MovingTask" m
WHERE NOT EXISTS (SELECT 1 FROM "Cycle" c WHERE c."organisationId" = m."organisationId" AND c."year" = m."toYear");

-- Every move happens in two steps, through a value no unmoved row can hold, so that a unique key never meets a row
-- of the next year that has not moved yet: the assignee key gets a suffix, a letter number its negative.
UPDATE "LetterDispatch" d SET "cycleId" = c."id", "letterNumber" = -d."letterNumber"
FROM "_MovingTask" m
JOIN "Cycle" c ON c."organisationId" = m."organisationId" AND c."year" = m."toYear"
WHERE d."taskId" = m."taskId";
UPDATE "LetterDispatch" d SET "letterNumber" = -d."letterNumber"
FROM "_MovingTask" m
WHERE d."taskId" = m."taskId" AND d."letterNumber" < 0;

UPDATE "Task" t SET "cycleId" = c."id", "assigneeKey" = t."assigneeKey" || '#moving'
FROM "_MovingTask" m
JOIN "Cycle" c ON c."organisationId" = m."organisationId" AND c."year" = m."toYear"
WHERE t."id" = m."taskId";
UPDATE "Task" t SET "assigneeKey" = left(t."assigneeKey", length(t."assigneeKey") - length('#moving'))
FROM "_MovingTask" m
WHERE t."id" = m."taskId" AND t."assigneeKey" LIKE '%#moving';

DROP TABLE "_MovingTask";
