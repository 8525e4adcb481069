-- CreateEnum
CREATE TYPE "ConsumptionSource" AS ENUM ('portal', 'file', 'backstage');

-- AlterEnum
ALTER TYPE "BreakingChangePolicy" ADD VALUE 'block-if-consumed';

-- AlterTable
ALTER TABLE "WebhookSubscription" ADD COLUMN     "includeConsumed" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Consumption" (
    "id" TEXT NOT NULL,
    "consumerId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "versions" TEXT NOT NULL DEFAULT '*',
    "operations" TEXT[],
    "fields" TEXT[],
    "source" "ConsumptionSource" NOT NULL DEFAULT 'portal',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Consumption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OperationUse" (
    "consumerId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OperationUse_pkey" PRIMARY KEY ("consumerId","providerId","operation")
);

-- CreateTable
CREATE TABLE "ServiceWatch" (
    "userId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceWatch_pkey" PRIMARY KEY ("userId","serviceId")
);

-- CreateIndex
CREATE INDEX "Consumption_providerId_idx" ON "Consumption"("providerId");

-- CreateIndex
CREATE UNIQUE INDEX "Consumption_consumerId_providerId_key" ON "Consumption"("consumerId", "providerId");

-- CreateIndex
CREATE INDEX "OperationUse_providerId_lastSeenAt_idx" ON "OperationUse"("providerId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "ServiceWatch_serviceId_idx" ON "ServiceWatch"("serviceId");

-- AddForeignKey
ALTER TABLE "Consumption" ADD CONSTRAINT "Consumption_consumerId_fkey" FOREIGN KEY ("consumerId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consumption" ADD CONSTRAINT "Consumption_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperationUse" ADD CONSTRAINT "OperationUse_consumerId_fkey" FOREIGN KEY ("consumerId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperationUse" ADD CONSTRAINT "OperationUse_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceWatch" ADD CONSTRAINT "ServiceWatch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceWatch" ADD CONSTRAINT "ServiceWatch_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
