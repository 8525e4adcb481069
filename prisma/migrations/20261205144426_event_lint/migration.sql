-- CreateTable
CREATE TABLE "EventLintReport" (
    "eventVersionId" TEXT NOT NULL,
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

    CONSTRAINT "EventLintReport_pkey" PRIMARY KEY ("eventVersionId")
);

-- CreateIndex
CREATE INDEX "EventLintReport_rulesetHash_idx" ON "EventLintReport"("rulesetHash");

-- AddForeignKey
ALTER TABLE "EventLintReport" ADD CONSTRAINT "EventLintReport_eventVersionId_fkey" FOREIGN KEY ("eventVersionId") REFERENCES "EventVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
