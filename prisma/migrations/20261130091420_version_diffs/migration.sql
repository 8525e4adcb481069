-- CreateEnum
CREATE TYPE "BreakingChangePolicy" AS ENUM ('allow', 'warn', 'block');

-- AlterTable
ALTER TABLE "ApiVersion" ADD COLUMN     "acceptedBreakingReason" TEXT,
ADD COLUMN     "baseRevision" INTEGER,
ADD COLUMN     "baseVersion" TEXT,
ADD COLUMN     "breakingCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "changes" JSONB,
ADD COLUMN     "infoCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "semverViolation" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "warningCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "breakingChangePolicy" "BreakingChangePolicy" NOT NULL DEFAULT 'warn';
