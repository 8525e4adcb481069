-- CreateTable
CREATE TABLE "EventSearchEntry" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "eventVersionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "action" TEXT,
    "channel" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "anchor" TEXT NOT NULL,
    "searchName" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL DEFAULT '',
    -- Written by hand, as on "Operation": Prisma cannot declare a generated column.
    "searchVector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', "searchName"), 'A') || setweight(to_tsvector('simple', "searchText"), 'D')) STORED,

    CONSTRAINT "EventSearchEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EventSearchEntry_serviceId_idx" ON "EventSearchEntry"("serviceId");

-- CreateIndex
CREATE INDEX "EventSearchEntry_searchVector_idx" ON "EventSearchEntry" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "EventSearchEntry" ADD CONSTRAINT "EventSearchEntry_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSearchEntry" ADD CONSTRAINT "EventSearchEntry_eventVersionId_fkey" FOREIGN KEY ("eventVersionId") REFERENCES "EventVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
