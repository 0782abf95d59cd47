-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "koladaMunicipalityId" TEXT;

-- AlterTable
ALTER TABLE "ResultImport" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'file';

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "koladaOuId" TEXT;
