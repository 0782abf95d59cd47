-- Issue 32, item 1 (docs/decisions/020-one-cycle-twelve-months.md): a cycle is the twelve months from its
-- verksamhet's one start month, the earliest-beginning of its routines' start months (December when the
-- brukarundersökning is among them), and every task's window lies inside its cycle. Before, a "januari–december"
-- activity ran to the 31 December of the cycle's year, a month past the end of a December cycle, so two cycles
-- shared December. A task whose window leaves its cycle gets the window the app now gives: the smallest window
-- inside the cycle that holds every month of its activity's span, read in the cycle's order, so a span over the
-- cycle's end back into its beginning ("januari–december" of a December cycle) is the whole cycle, december–november.
-- Tasks keep their ids, cycle, status, plan and history. Tasks already inside their cycle are not touched.
-- (No semicolon inside these comments: the migration runner splits the script at every semicolon.)
CREATE TEMPORARY TABLE "_CycleStart" AS
SELECT o."id" AS "organisationId", COALESCE(MIN(r."startMonth") FILTER (WHERE r."startMonth" > 1), 1) AS "s"
FROM "Organisation" o
LEFT JOIN "Routine" r ON r."organisationId" = o."id"
GROUP BY o."id";

CREATE TEMPORARY TABLE "_Window" AS
SELECT t."id" AS "taskId",
  make_date(c."year" - CASE WHEN cs."s" > 1 THEN 1 ELSE 0 END, cs."s", 1) AS "cycleStart",
  (a."startMonth" - cs."s" + 12) % 12 AS "first",
  (a."endMonth" - cs."s" + 12) % 12 AS "last"
FROM "Task" t
JOIN "Cycle" c ON c."id" = t."cycleId"
JOIN "ActivityTemplate" a ON a."id" = t."activityId"
JOIN "_CycleStart" cs ON cs."organisationId" = c."organisationId"
WHERE a."startMonth" IS NOT NULL AND a."endMonth" IS NOT NULL;

UPDATE "_Window" SET "first" = 0, "last" = 11 WHERE "last" < "first";

UPDATE "Task" t
SET "startsOn" = (w."cycleStart" + make_interval(months => w."first"))::date,
    "dueOn" = (w."cycleStart" + make_interval(months => w."last" + 1) - interval '1 day')::date
FROM "_Window" w
WHERE t."id" = w."taskId"
  AND (t."startsOn" < w."cycleStart" OR t."dueOn" > (w."cycleStart" + interval '12 months' - interval '1 day')::date
       OR t."startsOn" IS NULL OR t."dueOn" IS NULL);

DROP TABLE "_Window";
DROP TABLE "_CycleStart";
