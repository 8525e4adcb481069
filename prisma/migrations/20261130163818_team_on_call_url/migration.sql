-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "onCallUrl" TEXT;
