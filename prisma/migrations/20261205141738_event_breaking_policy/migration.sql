-- AlterTable
ALTER TABLE "EventVersion" ADD COLUMN     "acceptedBreakingReason" TEXT;
