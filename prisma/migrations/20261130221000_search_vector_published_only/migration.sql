-- Hand-written: only published revisions are ever searched (public search reads the live
-- revision), so only they get a search vector. Autosaves (SAVE) and workflow snapshots
-- (TRANSITION) no longer run to_tsvector over the whole body on every write.
CREATE OR REPLACE FUNCTION masthead_revision_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" = 'PUBLISHED' THEN
    NEW."searchVector" :=
      setweight(to_tsvector('english', coalesce(NEW."headline", '')), 'A') ||
      setweight(to_tsvector('english', coalesce(NEW."standfirst", '')), 'B') ||
      setweight(to_tsvector('english', coalesce(NEW."bodyText", '')), 'C');
  ELSE
    NEW."searchVector" := NULL;
  END IF;
  RETURN NEW;
END;
$$;

-- Vectors already computed for revisions nobody searches are dropped (the guard against
-- changing published revisions is off for this one statement, which touches no published row).
ALTER TABLE "ArticleRevision" DISABLE TRIGGER "ArticleRevision_guard";
UPDATE "ArticleRevision" SET "searchVector" = NULL WHERE "kind" <> 'PUBLISHED' AND "searchVector" IS NOT NULL;
ALTER TABLE "ArticleRevision" ENABLE TRIGGER "ArticleRevision_guard";
