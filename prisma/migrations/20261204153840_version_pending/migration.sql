-- AlterTable
ALTER TABLE "ApiVersion" ADD COLUMN     "pendingSince" TIMESTAMP(3);
