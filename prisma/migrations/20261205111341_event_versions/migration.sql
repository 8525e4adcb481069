-- CreateTable
CREATE TABLE "EventVersion" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "asyncapi" TEXT NOT NULL,
    "convertedFrom" TEXT,
    "title" TEXT NOT NULL,
    "channelCount" INTEGER NOT NULL,
    "operationCount" INTEGER NOT NULL,
    "messageCount" INTEGER NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "origin" "VersionOrigin" NOT NULL DEFAULT 'push',
    "json" TEXT NOT NULL,
    "api" JSONB NOT NULL,
    "baseVersion" TEXT,
    "baseRevision" INTEGER,
    "breakingCount" INTEGER NOT NULL DEFAULT 0,
    "warningCount" INTEGER NOT NULL DEFAULT 0,
    "infoCount" INTEGER NOT NULL DEFAULT 0,
    "changes" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EventVersion_serviceId_createdAt_idx" ON "EventVersion"("serviceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EventVersion_serviceId_version_revision_key" ON "EventVersion"("serviceId", "version", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "EventVersion_serviceId_contentHash_key" ON "EventVersion"("serviceId", "contentHash");

-- AddForeignKey
ALTER TABLE "EventVersion" ADD CONSTRAINT "EventVersion_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
