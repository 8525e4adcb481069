-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable (written by hand: a generated column, as on "Operation" below)
ALTER TABLE "Service" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', "name" || ' ' || "slug"), 'A') || setweight(to_tsvector('simple', "description"), 'D')) STORED;

-- AlterTable
ALTER TABLE "Operation" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
-- Written by hand: Prisma cannot declare a generated column, and its diff sees a nullable tsvector.
-- The words that name the operation weigh most (A), the rest least (D).
ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', "searchName"), 'A') || setweight(to_tsvector('simple', "searchText"), 'D')) STORED;

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

-- CreateIndex
CREATE INDEX "Service_searchVector_idx" ON "Service" USING GIN ("searchVector");

-- Written by hand (Prisma's schema cannot express expression indexes, and its diff leaves them alone):
-- full-text search over the words that name operations (searchVector has them all), in the 'simple' configuration
-- (no stemming, no stop words: API words such as "get" and "list" must stay findable).
CREATE INDEX "Operation_searchName_fts_idx" ON "Operation" USING GIN (to_tsvector('simple', "searchName"));
-- An operationId or a path typed exactly: searchName's first word is the operationId as one word.
CREATE INDEX "Operation_operationKey_idx" ON "Operation" (split_part("searchName", ' ', 1));
CREATE INDEX "Operation_lowerPath_idx" ON "Operation" (lower("path"));

-- Existing operations get the words their rows already hold (operationId whole and split at
-- camelCase and separators, path, summary, tags). Republishing a version adds description and
-- parameter names.
UPDATE "Operation" SET "searchName" = lower(
  regexp_replace(coalesce("operationId", ''), '[^A-Za-z0-9]+', '', 'g') || ' ' ||
  regexp_replace(regexp_replace(coalesce("operationId", ''), '([a-z0-9])([A-Z])', '\1 \2', 'g'), '[^A-Za-z0-9]+', ' ', 'g') || ' ' ||
  regexp_replace("path", '[^A-Za-z0-9]+', ' ', 'g')
);
UPDATE "Operation" SET "searchText" = "searchName" || ' ' || lower(regexp_replace("summary" || ' ' || array_to_string("tags", ' '), '[^A-Za-z0-9]+', ' ', 'g'));
INSERT INTO "SearchWord" ("word")
SELECT word FROM ts_stat($$SELECT to_tsvector('simple', "searchText") FROM "Operation" UNION ALL SELECT "searchVector" FROM "Service"$$)
WHERE word ~ '^[a-z]{3,30}$'
ON CONFLICT DO NOTHING;

-- Written by hand: new entries go straight into these indexes rather than a pending list that every
-- search scans until the next vacuum (measured after loading 100,000 operations: a two-word query
-- took 37 ms before a vacuum, 5 ms after). Publishing is rare and searching is not.
ALTER INDEX "Operation_searchVector_idx" SET (fastupdate = off);
ALTER INDEX "Operation_searchName_fts_idx" SET (fastupdate = off);
ALTER INDEX "Operation_searchText_trgm_idx" SET (fastupdate = off);
ALTER INDEX "Service_searchVector_idx" SET (fastupdate = off);
ALTER INDEX "SearchWord_word_trgm_idx" SET (fastupdate = off);
