-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "Operation" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
-- Written by hand: Prisma cannot declare a generated column, and its diff sees a nullable tsvector.
ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "searchText")) STORED;

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "SearchWord_word_trgm_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Operation_searchText_trgm_idx" ON "Operation" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Service_name_trgm_idx" ON "Service" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Service_slug_trgm_idx" ON "Service" USING GIN ("slug" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Service_description_trgm_idx" ON "Service" USING GIN ("description" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Service_tags_idx" ON "Service" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "Operation_searchVector_idx" ON "Operation" USING GIN ("searchVector");

-- Written by hand (Prisma's schema cannot express expression indexes, and its diff leaves them alone):
-- full-text search over the services' words (the operations' have their generated column), in the 'simple' configuration
-- (no stemming, no stop words: API words such as "get" and "list" must stay findable).
CREATE INDEX "Service_search_fts_idx" ON "Service" USING GIN (to_tsvector('simple', "name" || ' ' || "slug" || ' ' || "description"));

-- Existing operations get the words their rows already hold (operationId whole and split at
-- camelCase and separators, path, summary, tags). Republishing a version adds description and
-- parameter names.
UPDATE "Operation" SET "searchText" = lower(
  coalesce("operationId", '') || ' ' ||
  regexp_replace(regexp_replace(coalesce("operationId", ''), '([a-z0-9])([A-Z])', '\1 \2', 'g'), '[^A-Za-z0-9]+', ' ', 'g') || ' ' ||
  "path" || ' ' || regexp_replace("path", '[^A-Za-z0-9]+', ' ', 'g') || ' ' ||
  "summary" || ' ' || array_to_string("tags", ' ')
);
INSERT INTO "SearchWord" ("word")
SELECT word FROM ts_stat($$SELECT to_tsvector('simple', "searchText") FROM "Operation" UNION ALL SELECT to_tsvector('simple', "name" || ' ' || "slug" || ' ' || "description") FROM "Service"$$)
WHERE length(word) BETWEEN 2 AND 60
ON CONFLICT DO NOTHING;
