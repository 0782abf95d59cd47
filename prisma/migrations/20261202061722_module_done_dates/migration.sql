-- AlterTable
ALTER TABLE "QualityReview" ADD COLUMN     "summarisedAt" TIMESTAMP(3),
ADD COLUMN     "summarisedById" TEXT,
ADD COLUMN     "summarisedOn" DATE;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "doneOn" DATE;

-- Backfill: a task recorded as klar was done on the day it was recorded (in Stockholm),
-- except a brukarbrev, which was done on the day it was sent.
UPDATE "Task" SET "doneOn" = ("completedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Stockholm')::date
WHERE "status" = 'DONE' AND "completedAt" IS NOT NULL;

UPDATE "Task" t SET "doneOn" = d."sentOn"
FROM "LetterDispatch" d WHERE d."taskId" = t."id" AND t."status" = 'DONE';
