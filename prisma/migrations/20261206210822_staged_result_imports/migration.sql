-- AlterTable
ALTER TABLE "ResultImport" ADD COLUMN     "pending" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ResultImportRow" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "level" "ResultLevel" NOT NULL,
    "unitId" TEXT,
    "levelKey" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "respondents" INTEGER,
    "responseRate" DOUBLE PRECISION,

    CONSTRAINT "ResultImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResultImportRow_importId_indicatorId_year_levelKey_key" ON "ResultImportRow"("importId", "indicatorId", "year", "levelKey");

-- AddForeignKey
ALTER TABLE "ResultImportRow" ADD CONSTRAINT "ResultImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ResultImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
