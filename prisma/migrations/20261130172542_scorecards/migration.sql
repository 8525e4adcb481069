-- CreateTable
CREATE TABLE "ScorecardResult" (
    "serviceId" TEXT NOT NULL,
    "level" TEXT,
    "levelRank" INTEGER NOT NULL DEFAULT 0,
    "checks" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScorecardResult_pkey" PRIMARY KEY ("serviceId")
);

-- CreateTable
CREATE TABLE "ScorecardDay" (
    "day" DATE NOT NULL,
    "level" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ScorecardDay_pkey" PRIMARY KEY ("day","level")
);

-- CreateIndex
CREATE INDEX "ScorecardResult_levelRank_idx" ON "ScorecardResult"("levelRank");

-- AddForeignKey
ALTER TABLE "ScorecardResult" ADD CONSTRAINT "ScorecardResult_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
