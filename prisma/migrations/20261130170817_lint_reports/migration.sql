-- CreateEnum
CREATE TYPE "LintStatus" AS ENUM ('done', 'failed');

-- CreateTable
CREATE TABLE "LintReport" (
    "apiVersionId" TEXT NOT NULL,
    "status" "LintStatus" NOT NULL,
    "rulesetHash" TEXT NOT NULL,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "warnCount" INTEGER NOT NULL DEFAULT 0,
    "byRule" JSONB NOT NULL,
    "findings" JSONB NOT NULL,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    "lintedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LintReport_pkey" PRIMARY KEY ("apiVersionId")
);

-- CreateIndex
CREATE INDEX "LintReport_rulesetHash_idx" ON "LintReport"("rulesetHash");

-- AddForeignKey
ALTER TABLE "LintReport" ADD CONSTRAINT "LintReport_apiVersionId_fkey" FOREIGN KEY ("apiVersionId") REFERENCES "ApiVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
