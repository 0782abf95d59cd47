-- CreateEnum
CREATE TYPE "EmailPreference" AS ENUM ('ALL', 'DIGEST_ONLY', 'NONE');

-- CreateEnum
CREATE TYPE "ResultLevel" AS ENUM ('UNIT', 'KOMMUN', 'RIKET');

-- CreateEnum
CREATE TYPE "ImprovementStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReviewCaseState" AS ENUM ('POOL', 'EXCLUDED', 'SAMPLED', 'DECLINED');

-- CreateEnum
CREATE TYPE "ReviewAnswer" AS ENUM ('YES', 'PARTLY', 'NO');

-- CreateEnum
CREATE TYPE "DeviationCause" AS ENUM ('DECLINED_WITHOUT_NOTICE', 'NEW_ORDER_MISSING', 'NOT_PERFORMED', 'OTHER');

-- CreateEnum
CREATE TYPE "ReminderKind" AS ENUM ('TASK', 'DIGEST');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'BISTANDSHANDLAGGARE';
ALTER TYPE "Role" ADD VALUE 'KVALITETSHANDLAGGARE';

-- AlterTable
ALTER TABLE "ActivityTemplate" ADD COLUMN     "reminderOffsets" INTEGER[] DEFAULT ARRAY[-14, 0, 7]::INTEGER[];

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailPreference" "EmailPreference" NOT NULL DEFAULT 'ALL';

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "koladaKpi" TEXT,
    "higherIsBetter" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResult" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "level" "ResultLevel" NOT NULL,
    "unitId" TEXT,
    "levelKey" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "respondents" INTEGER,
    "responseRate" DOUBLE PRECISION,
    "importId" TEXT NOT NULL,

    CONSTRAINT "SurveyResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultImport" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "cycleId" TEXT,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "importedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResultImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImprovementAction" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "unitId" TEXT,
    "indicatorId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "ownerName" TEXT NOT NULL,
    "dueOn" DATE,
    "status" "ImprovementStatus" NOT NULL DEFAULT 'PLANNED',
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImprovementAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImprovementNote" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "authorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "text" TEXT NOT NULL,

    CONSTRAINT "ImprovementNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityReview" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sampleSizePerArea" INTEGER NOT NULL DEFAULT 5,
    "randomSeed" TEXT,
    "drawnAt" TIMESTAMP(3),
    "drawnById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualityReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewCase" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "caseRef" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "onlySafetyAlarm" BOOLEAN NOT NULL DEFAULT false,
    "recentlyClosed" BOOLEAN NOT NULL DEFAULT false,
    "dementiaDiagnosis" BOOLEAN NOT NULL DEFAULT false,
    "relativeEmployed" BOOLEAN NOT NULL DEFAULT false,
    "state" "ReviewCaseState" NOT NULL DEFAULT 'POOL',
    "exclusionReason" TEXT,
    "drawRank" INTEGER,
    "declinedReason" TEXT,
    "replacesCaseId" TEXT,

    CONSTRAINT "ReviewCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewInterview" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "interviewedOn" DATE NOT NULL,
    "interviewerId" TEXT,
    "receivesGranted" "ReviewAnswer" NOT NULL,
    "receivesGrantedText" TEXT,
    "plannedTogether" "ReviewAnswer" NOT NULL,
    "plannedTogetherText" TEXT,
    "arrivesOnTime" "ReviewAnswer" NOT NULL,
    "arrivesOnTimeText" TEXT,
    "otherComments" TEXT,
    "deviation" BOOLEAN NOT NULL DEFAULT false,
    "deviationCauses" "DeviationCause"[],
    "deviationOtherText" TEXT,
    "handedOverOn" DATE,
    "documentedInJournal" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewInterview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "ReminderKind" NOT NULL,
    "periodKey" TEXT NOT NULL,
    "taskId" TEXT,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_organisationId_key_key" ON "Indicator"("organisationId", "key");

-- CreateIndex
CREATE INDEX "SurveyResult_year_unitId_idx" ON "SurveyResult"("year", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResult_indicatorId_year_levelKey_key" ON "SurveyResult"("indicatorId", "year", "levelKey");

-- CreateIndex
CREATE INDEX "ImprovementAction_organisationId_cycleId_idx" ON "ImprovementAction"("organisationId", "cycleId");

-- CreateIndex
CREATE INDEX "ImprovementNote_actionId_at_idx" ON "ImprovementNote"("actionId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "QualityReview_organisationId_year_key" ON "QualityReview"("organisationId", "year");

-- CreateIndex
CREATE INDEX "ReviewCase_reviewId_areaId_idx" ON "ReviewCase"("reviewId", "areaId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewCase_reviewId_caseRef_key" ON "ReviewCase"("reviewId", "caseRef");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewInterview_caseId_key" ON "ReviewInterview"("caseId");

-- CreateIndex
CREATE INDEX "ReminderDelivery_status_idx" ON "ReminderDelivery"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDelivery_userId_kind_periodKey_key" ON "ReminderDelivery"("userId", "kind", "periodKey");

-- AddForeignKey
ALTER TABLE "SurveyResult" ADD CONSTRAINT "SurveyResult_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResult" ADD CONSTRAINT "SurveyResult_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ResultImport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImprovementAction" ADD CONSTRAINT "ImprovementAction_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImprovementNote" ADD CONSTRAINT "ImprovementNote_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "ImprovementAction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewCase" ADD CONSTRAINT "ReviewCase_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "QualityReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewInterview" ADD CONSTRAINT "ReviewInterview_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReviewCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
