-- CreateEnum
CREATE TYPE "VersionOrigin" AS ENUM ('seed', 'push', 'upload', 'url', 'import');

-- AlterTable
ALTER TABLE "ApiVersion" ADD COLUMN     "origin" "VersionOrigin" NOT NULL DEFAULT 'push';

-- CreateTable
CREATE TABLE "SpecSource" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "pollIntervalMinutes" INTEGER NOT NULL DEFAULT 15,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastAttemptAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorDetails" JSONB,
    "nextPollAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpecSource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SpecSource_serviceId_key" ON "SpecSource"("serviceId");

-- CreateIndex
CREATE INDEX "SpecSource_nextPollAt_idx" ON "SpecSource"("nextPollAt");

-- AddForeignKey
ALTER TABLE "SpecSource" ADD CONSTRAINT "SpecSource_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
