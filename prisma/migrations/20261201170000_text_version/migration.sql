-- The version at which an article's text last changed. Existing articles start at their
-- current version: a form save made on any older version stays a conflict, as before.
ALTER TABLE "Article" ADD COLUMN "textVersion" INTEGER NOT NULL DEFAULT 1;
UPDATE "Article" SET "textVersion" = "version";
