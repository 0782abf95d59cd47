-- CreateEnum
CREATE TYPE "RoleSource" AS ENUM ('MANUAL', 'DIRECTORY');

-- DropIndex
DROP INDEX "RoleAssignment_userId_role_organisationId_unitId_key";

-- AlterTable
ALTER TABLE "RoleAssignment" ADD COLUMN     "source" "RoleSource" NOT NULL DEFAULT 'MANUAL';

-- CreateTable
CREATE TABLE "DirectoryRoleMapping" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "claimValue" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unitId" TEXT,
    "areaId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DirectoryRoleMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DirectoryRoleMapping_organisationId_claimValue_idx" ON "DirectoryRoleMapping"("organisationId", "claimValue");

-- CreateIndex
CREATE UNIQUE INDEX "RoleAssignment_userId_role_organisationId_unitId_source_key" ON "RoleAssignment"("userId", "role", "organisationId", "unitId", "source");

-- AddForeignKey
ALTER TABLE "DirectoryRoleMapping" ADD CONSTRAINT "DirectoryRoleMapping_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectoryRoleMapping" ADD CONSTRAINT "DirectoryRoleMapping_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectoryRoleMapping" ADD CONSTRAINT "DirectoryRoleMapping_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
