-- AlterTable
ALTER TABLE "ApiVersion" ADD COLUMN     "committedAt" TIMESTAMP(3);
