-- A correction is a change readers see: the story's modified time follows its latest one
-- (server/services/editorial.ts sets it from now on; this brings earlier corrections in line).
UPDATE "Article" AS a
SET "contentUpdatedAt" = c.latest
FROM (SELECT "articleId", max("createdAt") AS latest FROM "Correction" GROUP BY "articleId") AS c
WHERE c."articleId" = a.id
  AND (a."contentUpdatedAt" IS NULL OR a."contentUpdatedAt" < c.latest);
