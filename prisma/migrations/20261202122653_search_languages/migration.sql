-- Hand-written parts: public search moves from a vector on every published revision (always
-- English) to one SearchDocument per live story, in its own language's configuration.

-- The old vector's trigger goes first: it writes the column dropped below.
DROP TRIGGER "ArticleRevision_search_vector" ON "ArticleRevision";
DROP FUNCTION masthead_revision_search_vector();

-- DropIndex
DROP INDEX "ArticleRevision_searchVector_idx";

-- AlterTable
ALTER TABLE "ArticleRevision" DROP COLUMN "searchVector";

-- AlterTable
ALTER TABLE "NewsroomSettings" ADD COLUMN     "language" TEXT;

-- CreateTable
CREATE TABLE "SearchDocument" (
    "articleId" UUID NOT NULL,
    "config" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "vector" tsvector NOT NULL,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("articleId")
);

-- CreateIndex
CREATE INDEX "SearchDocument_publishedAt_articleId_idx" ON "SearchDocument"("publishedAt" DESC, "articleId" DESC);

-- CreateIndex
CREATE INDEX "SearchDocument_vector_idx" ON "SearchDocument" USING GIN ("vector");

-- CreateIndex
CREATE INDEX "SearchDocument_config_idx" ON "SearchDocument"("config");

-- AddForeignKey
ALTER TABLE "SearchDocument" ADD CONSTRAINT "SearchDocument_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Accents fold for every language (a reader typing "elections" finds "élections" and the other
-- way round). unaccent is a trusted extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- masthead_<name> for every configuration this PostgreSQL ships (PostgreSQL 15: 22 languages;
-- later ones add more), and masthead_simple: the language's own mapping with unaccent before
-- its stemmer for words with letters outside ASCII.
DO $$
DECLARE
  cfg name;
  dict name;
BEGIN
  FOR cfg IN
    SELECT c.cfgname FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
    WHERE n.nspname = 'pg_catalog'
  LOOP
    SELECT d.dictname INTO dict
    FROM pg_ts_config_map m JOIN pg_ts_dict d ON d.oid = m.mapdict
    WHERE m.mapcfg = format('pg_catalog.%I', cfg)::regconfig
      AND m.maptokentype = (SELECT tokid FROM ts_token_type('default') WHERE alias = 'word')
    ORDER BY m.mapseqno DESC LIMIT 1;
    EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %I (COPY = pg_catalog.%I)', 'masthead_' || cfg, cfg);
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %I ALTER MAPPING FOR hword, hword_part, word WITH unaccent, %I',
      'masthead_' || cfg, dict);
  END LOOP;
END;
$$;

-- The configuration for a BCP 47 language tag: by its primary language subtag; masthead_simple
-- (words as written, accents folded) where PostgreSQL has no stemmer for the language.
CREATE FUNCTION masthead_search_config(language text) RETURNS regconfig LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT c.oid::regconfig FROM pg_ts_config c WHERE pg_ts_config_is_visible(c.oid) AND c.cfgname = 'masthead_' || CASE lower(split_part(coalesce(language, 'en'), '-', 1))
    WHEN 'ar' THEN 'arabic' WHEN 'hy' THEN 'armenian' WHEN 'eu' THEN 'basque' WHEN 'ca' THEN 'catalan'
    WHEN 'da' THEN 'danish' WHEN 'nl' THEN 'dutch' WHEN 'en' THEN 'english' WHEN 'fi' THEN 'finnish'
    WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german' WHEN 'el' THEN 'greek' WHEN 'hi' THEN 'hindi'
    WHEN 'hu' THEN 'hungarian' WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish' WHEN 'it' THEN 'italian'
    WHEN 'lt' THEN 'lithuanian' WHEN 'ne' THEN 'nepali' WHEN 'nb' THEN 'norwegian' WHEN 'nn' THEN 'norwegian'
    WHEN 'no' THEN 'norwegian' WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian' WHEN 'ru' THEN 'russian'
    WHEN 'sr' THEN 'serbian' WHEN 'es' THEN 'spanish' WHEN 'sv' THEN 'swedish' WHEN 'ta' THEN 'tamil'
    WHEN 'tr' THEN 'turkish' WHEN 'yi' THEN 'yiddish' ELSE 'simple' END),
    'masthead_simple'::regconfig)
$$;

-- One story's entry: present exactly while it is live, from its live revision, in its language
-- (or the newsroom's, NewsroomSettings.language, written at start-up). Every lookup is by
-- primary key alone, so no plan can wander off: a plan trusting stale statistics ("hardly any
-- story is published") would scan every published story for each one during a bulk import.
CREATE FUNCTION masthead_search_index(story uuid) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  article record;
  revision record;
  config regconfig;
BEGIN
  SELECT a.status, a."liveRevisionId", a."publishedAt", a.language INTO article FROM "Article" a WHERE a.id = story;
  IF FOUND AND article.status = 'PUBLISHED' AND article."publishedAt" IS NOT NULL AND article."liveRevisionId" IS NOT NULL THEN
    SELECT r.headline, r.standfirst, r."bodyText" INTO revision FROM "ArticleRevision" r WHERE r.id = article."liveRevisionId";
    config := masthead_search_config(coalesce(article.language, (SELECT s.language FROM "NewsroomSettings" s WHERE s.id = 1)));
    INSERT INTO "SearchDocument" ("articleId", config, "publishedAt", vector)
    VALUES (story, config::text, article."publishedAt",
      setweight(to_tsvector(config, coalesce(revision.headline, '')), 'A') ||
      setweight(to_tsvector(config, coalesce(revision.standfirst, '')), 'B') ||
      setweight(to_tsvector(config, coalesce(revision."bodyText", '')), 'C'))
    ON CONFLICT ("articleId") DO UPDATE
      SET config = EXCLUDED.config, "publishedAt" = EXCLUDED."publishedAt", vector = EXCLUDED.vector;
  ELSE
    DELETE FROM "SearchDocument" WHERE "articleId" = story;
  END IF;
END;
$$;

CREATE FUNCTION masthead_article_search_index() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM masthead_search_index(NEW.id);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Article_search_index_insert" AFTER INSERT ON "Article"
  FOR EACH ROW WHEN (NEW.status = 'PUBLISHED') EXECUTE FUNCTION masthead_article_search_index();
CREATE TRIGGER "Article_search_index_update" AFTER UPDATE OF status, "liveRevisionId", language, "publishedAt" ON "Article"
  FOR EACH ROW WHEN (
    OLD.status IS DISTINCT FROM NEW.status OR OLD."liveRevisionId" IS DISTINCT FROM NEW."liveRevisionId"
    OR OLD.language IS DISTINCT FROM NEW.language OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt"
  ) EXECUTE FUNCTION masthead_article_search_index();

-- Every live story now.
SELECT masthead_search_index(id) FROM "Article" WHERE status = 'PUBLISHED';
