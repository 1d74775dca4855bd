import type { DbOrTx } from "../db/client";

/**
 * Records the newsroom's language (MASTHEAD_LANGUAGE) for public search, which indexes stories
 * without a language of their own in it, and re-indexes those stories when it changed to a
 * language searched differently. Run once at start-up, before the web server takes requests.
 * Returns how many stories were re-indexed.
 */
export async function syncSearchLanguage(db: DbOrTx, language: string): Promise<number> {
  const [row] = await db.$queryRaw<[{ changed: boolean }]>`
    WITH before AS (SELECT language FROM "NewsroomSettings" WHERE id = 1),
    saved AS (
      INSERT INTO "NewsroomSettings" (id, language, "updatedAt") VALUES (1, ${language}, now())
      ON CONFLICT (id) DO UPDATE SET language = EXCLUDED.language
      WHERE "NewsroomSettings".language IS DISTINCT FROM EXCLUDED.language
    )
    SELECT masthead_search_config((SELECT language FROM before)) <> masthead_search_config(${language}) AS changed`;
  if (!row.changed) return 0;
  return db.$executeRaw`
    SELECT masthead_search_index(id) FROM "Article" WHERE status = 'PUBLISHED' AND language IS NULL`;
}
