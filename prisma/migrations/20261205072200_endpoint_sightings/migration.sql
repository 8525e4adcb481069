-- AlterTable
ALTER TABLE "ConformanceRun" ADD COLUMN     "passed" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "EndpointSighting" (
    "serviceId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EndpointSighting_pkey" PRIMARY KEY ("serviceId","operation")
);

-- CreateIndex
CREATE INDEX "EndpointSighting_firstSeenAt_idx" ON "EndpointSighting"("firstSeenAt");

-- AddForeignKey
ALTER TABLE "EndpointSighting" ADD CONSTRAINT "EndpointSighting_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
