-- AlterTable
ALTER TABLE "Operation" ADD COLUMN     "sunset" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "sunsetAt" TIMESTAMP(3);
