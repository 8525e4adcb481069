-- CreateEnum
CREATE TYPE "Lifecycle" AS ENUM ('experimental', 'production', 'deprecated', 'retired');

-- CreateEnum
CREATE TYPE "SpecFormat" AS ENUM ('swagger-2.0', 'openapi-3.0', 'openapi-3.1');

-- CreateEnum
CREATE TYPE "LinkKind" AS ENUM ('runbook', 'dashboard', 'docs', 'chat', 'other');

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "chatChannel" TEXT,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "lifecycle" "Lifecycle" NOT NULL DEFAULT 'experimental',
    "tier" INTEGER NOT NULL DEFAULT 3,
    "tags" TEXT[],
    "repositoryUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "currentVersionId" TEXT,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceOwnership" (
    "serviceId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceOwnership_pkey" PRIMARY KEY ("serviceId","teamId")
);

-- CreateTable
CREATE TABLE "ServiceLink" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "kind" "LinkKind" NOT NULL DEFAULT 'other',
    "label" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ServiceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiVersion" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "format" "SpecFormat" NOT NULL,
    "title" TEXT NOT NULL,
    "operationCount" INTEGER NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiDocument" (
    "apiVersionId" TEXT NOT NULL,
    "json" TEXT NOT NULL,

    CONSTRAINT "ApiDocument_pkey" PRIMARY KEY ("apiVersionId")
);

-- CreateTable
CREATE TABLE "Operation" (
    "id" TEXT NOT NULL,
    "apiVersionId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "operationId" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[],
    "deprecated" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Operation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Team_slug_key" ON "Team"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Service_slug_key" ON "Service"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Service_currentVersionId_key" ON "Service"("currentVersionId");

-- CreateIndex
CREATE INDEX "Service_lifecycle_idx" ON "Service"("lifecycle");

-- CreateIndex
CREATE INDEX "Service_name_idx" ON "Service"("name");

-- CreateIndex
CREATE INDEX "ServiceOwnership_teamId_idx" ON "ServiceOwnership"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceOwnership_one_primary_per_service" ON "ServiceOwnership"("serviceId") WHERE ("isPrimary");

-- CreateIndex
CREATE INDEX "ServiceLink_serviceId_position_idx" ON "ServiceLink"("serviceId", "position");

-- CreateIndex
CREATE INDEX "ApiVersion_serviceId_createdAt_idx" ON "ApiVersion"("serviceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiVersion_serviceId_version_revision_key" ON "ApiVersion"("serviceId", "version", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "ApiVersion_serviceId_contentHash_key" ON "ApiVersion"("serviceId", "contentHash");

-- CreateIndex
CREATE INDEX "Operation_operationId_idx" ON "Operation"("operationId");

-- CreateIndex
CREATE INDEX "Operation_path_idx" ON "Operation"("path");

-- CreateIndex
CREATE UNIQUE INDEX "Operation_apiVersionId_method_path_key" ON "Operation"("apiVersionId", "method", "path");

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "ApiVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceOwnership" ADD CONSTRAINT "ServiceOwnership_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceOwnership" ADD CONSTRAINT "ServiceOwnership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceLink" ADD CONSTRAINT "ServiceLink_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiVersion" ADD CONSTRAINT "ApiVersion_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiDocument" ADD CONSTRAINT "ApiDocument_apiVersionId_fkey" FOREIGN KEY ("apiVersionId") REFERENCES "ApiVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Operation" ADD CONSTRAINT "Operation_apiVersionId_fkey" FOREIGN KEY ("apiVersionId") REFERENCES "ApiVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
