-- Every user belongs to one verksamhet (issue 18, item 11): before, a user without a role belonged to none, and
-- the admin of any verksamhet could reach them.
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "organisationId" TEXT;

-- Existing users: the verksamhet of their oldest role, and for users without a role the oldest verksamhet (until now there
-- has been one per installation).
UPDATE "User" u SET "organisationId" = (
  SELECT ra."organisationId" FROM "RoleAssignment" ra WHERE ra."userId" = u."id" ORDER BY ra."createdAt", ra."id" LIMIT 1
);
UPDATE "User" SET "organisationId" = (SELECT o."id" FROM "Organisation" o ORDER BY o."createdAt", o."id" LIMIT 1)
WHERE "organisationId" IS NULL;

ALTER TABLE "User" ALTER COLUMN "organisationId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
