-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "closedOn" DATE;
