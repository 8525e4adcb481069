-- CreateTable
CREATE TABLE "ChangeApproval" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "pointer" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ChangeApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeWaiver" (
    "id" TEXT NOT NULL,
    "teamId" TEXT,
    "ruleId" TEXT NOT NULL,
    "pathPattern" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ChangeWaiver_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChangeApproval_serviceId_ruleId_idx" ON "ChangeApproval"("serviceId", "ruleId");

-- CreateIndex
CREATE INDEX "ChangeWaiver_ruleId_idx" ON "ChangeWaiver"("ruleId");

-- AddForeignKey
ALTER TABLE "ChangeApproval" ADD CONSTRAINT "ChangeApproval_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeWaiver" ADD CONSTRAINT "ChangeWaiver_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
