-- CreateEnum
CREATE TYPE "TryEventKind" AS ENUM ('docs_opened', 'call');

-- CreateTable
CREATE TABLE "TryEvent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "kind" "TryEventKind" NOT NULL,
    "via" TEXT,
    "operation" TEXT,
    "status" INTEGER,
    "latencyMs" INTEGER,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TryEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TryEvent_serviceId_kind_occurredAt_idx" ON "TryEvent"("serviceId", "kind", "occurredAt");

-- CreateIndex
CREATE INDEX "TryEvent_userId_serviceId_kind_idx" ON "TryEvent"("userId", "serviceId", "kind");

-- AddForeignKey
ALTER TABLE "TryEvent" ADD CONSTRAINT "TryEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TryEvent" ADD CONSTRAINT "TryEvent_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
