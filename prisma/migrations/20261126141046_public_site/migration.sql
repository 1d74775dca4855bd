-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "pinnedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "bio" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "photoUrl" TEXT,
ADD COLUMN     "slug" TEXT;

-- Existing users get an author address from their name plus the random end of their id (unique).
UPDATE "User" SET "slug" = trim(both '-' from regexp_replace(lower("displayName") || '-' || right("id"::text, 12), '[^a-z0-9]+', '-', 'g'));
ALTER TABLE "User" ALTER COLUMN "slug" SET NOT NULL;

-- CreateTable
CREATE TABLE "ArticleSlugRedirect" (
    "slug" TEXT NOT NULL,
    "articleId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleSlugRedirect_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "ArticleSlugRedirect_articleId_idx" ON "ArticleSlugRedirect"("articleId");

-- CreateIndex
CREATE INDEX "ArticleRevision_searchVector_idx" ON "ArticleRevision" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "User_slug_key" ON "User"("slug");

-- AddForeignKey
ALTER TABLE "ArticleSlugRedirect" ADD CONSTRAINT "ArticleSlugRedirect_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: slug formats, and the weighted search vector of every revision (headline A,
-- standfirst B, body C), kept by a trigger so no write path can forget it.
ALTER TABLE "User" ADD CONSTRAINT "User_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "ArticleSlugRedirect" ADD CONSTRAINT "ArticleSlugRedirect_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

CREATE FUNCTION masthead_revision_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."headline", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."standfirst", '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."bodyText", '')), 'C');
  RETURN NEW;
END;
$$;

CREATE TRIGGER "ArticleRevision_search_vector"
  BEFORE INSERT OR UPDATE OF "headline", "standfirst", "bodyText" ON "ArticleRevision"
  FOR EACH ROW EXECUTE FUNCTION masthead_revision_search_vector();

-- Backfill. Published revisions are immutable (ArticleRevision_guard), so the guard is off
-- for this one statement, which sets nothing but the new column.
ALTER TABLE "ArticleRevision" DISABLE TRIGGER "ArticleRevision_guard";
UPDATE "ArticleRevision" SET "searchVector" =
  setweight(to_tsvector('english', coalesce("headline", '')), 'A') ||
  setweight(to_tsvector('english', coalesce("standfirst", '')), 'B') ||
  setweight(to_tsvector('english', coalesce("bodyText", '')), 'C');
ALTER TABLE "ArticleRevision" ENABLE TRIGGER "ArticleRevision_guard";
