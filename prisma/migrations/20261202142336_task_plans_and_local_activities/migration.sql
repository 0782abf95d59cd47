-- AlterEnum
ALTER TYPE "TaskEventType" ADD VALUE 'PLANNED';

-- AlterTable
ALTER TABLE "ActivityTemplate" ADD COLUMN     "ownerUnitId" TEXT;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "plannedLead" TEXT,
ADD COLUMN     "plannedOn" DATE,
ADD COLUMN     "plannedPlace" TEXT,
ADD COLUMN     "plannedTime" TEXT;

-- CreateIndex
CREATE INDEX "ActivityTemplate_ownerUnitId_idx" ON "ActivityTemplate"("ownerUnitId");

-- AddForeignKey
ALTER TABLE "ActivityTemplate" ADD CONSTRAINT "ActivityTemplate_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
