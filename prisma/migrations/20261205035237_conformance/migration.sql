-- CreateEnum
CREATE TYPE "ConformanceSource" AS ENUM ('try', 'verify', 'traffic');

-- CreateTable
CREATE TABLE "ConformanceFinding" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "source" "ConformanceSource" NOT NULL,
    "operation" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "pointer" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConformanceFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConformanceRun" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "source" "ConformanceSource" NOT NULL,
    "day" TEXT,
    "exchanges" INTEGER NOT NULL DEFAULT 0,
    "mismatched" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConformanceRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConformanceFinding_versionId_lastSeenAt_idx" ON "ConformanceFinding"("versionId", "lastSeenAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConformanceFinding_versionId_source_operation_kind_pointer__key" ON "ConformanceFinding"("versionId", "source", "operation", "kind", "pointer", "rule");

-- CreateIndex
CREATE INDEX "ConformanceRun_versionId_createdAt_idx" ON "ConformanceRun"("versionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConformanceRun_versionId_source_day_key" ON "ConformanceRun"("versionId", "source", "day");

-- AddForeignKey
ALTER TABLE "ConformanceFinding" ADD CONSTRAINT "ConformanceFinding_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ApiVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConformanceRun" ADD CONSTRAINT "ConformanceRun_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ApiVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
