-- Staged rows are disposable: a pending import left by the previous version is removed with its rows (ON DELETE CASCADE).
DELETE FROM "ResultImport" WHERE "pending";
DELETE FROM "ResultImportRow";

-- AlterTable
ALTER TABLE "ResultImportRow" ADD COLUMN     "position" INTEGER NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "ResultImportRow_importId_position_key" ON "ResultImportRow"("importId", "position");
