import { Prisma } from "../db/generated/client";
import { DomainError } from "../errors";
import { RateLimiter } from "./rate-limit";
import type { DbOrTx } from "../db/client";
import { cardsByIds, PAGE_SIZE, type PublicCard } from "./public-articles";

export const MAX_QUERY_LENGTH = 200;

/** A run of snippet text; `hit` marks the words that matched. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchResult {
  card: PublicCard;
  snippet: SnippetPart[];
}

const START = "\u0002";
const STOP = "\u0003";

/** Splits ts_headline output (matches between START and STOP) into parts; never HTML. */
export function snippetParts(raw: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of raw.split(START).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, hit: false });
      continue;
    }
    const [hit = "", rest = ""] = chunk.split(STOP);
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}

export interface SearchPage {
  results: SearchResult[];
  /** Stories matched, counted up to CANDIDATES; `more` when there are more than that. */
  total: number;
  more: boolean;
  pageCount: number;
}

/**
 * Matches considered for ranking: the most recent ones. A common word matches most of the
 * archive; ranking every match made search slow as the archive grew (0.8 s and more at
 * 100,000 stories), and a news reader looking for a common word wants recent stories.
 */
export const CANDIDATES = 1000;

/** Text search configurations the live stories are indexed in, as "masthead_english". */
async function configsInUse(db: DbOrTx): Promise<string[]> {
  // One index probe per configuration (a handful), however many stories there are.
  const rows = await db.$queryRaw<{ config: string | null }[]>`
    WITH RECURSIVE used AS (
      (SELECT config FROM "SearchDocument" ORDER BY config LIMIT 1)
      UNION ALL
      SELECT (SELECT s.config FROM "SearchDocument" s WHERE s.config > used.config ORDER BY s.config LIMIT 1)
      FROM used WHERE used.config IS NOT NULL
    )
    SELECT config FROM used WHERE config IS NOT NULL`;
  return rows.flatMap((row) => (row.config ? [row.config] : []));
}

/** Searches per client address: 20 at once, then one every 2 seconds (30 a minute). */
export const SEARCH_LIMIT = { burst: 20, intervalMs: 2000 } as const;
const searchLimiter = new RateLimiter(SEARCH_LIMIT.burst, SEARCH_LIMIT.intervalMs);

/** Refuses a search from an address that has searched too often (no address: not over HTTP). */
export function throttleSearch(clientAddress: string | null, now: number = Date.now()): void {
  if (clientAddress === null) return;
  const waitMs = searchLimiter.take(clientAddress, now);
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new DomainError(
      "TOO_MANY_REQUESTS",
      `Too many searches from your address. Wait ${seconds} second${seconds === 1 ? "" : "s"} and try again.`,
    );
  }
}

/**
 * Full-text search over live stories (headline weighted over standfirst over body). Each story
 * is indexed in its own language (stemmed, accents folded; see the search_languages migration),
 * and the words typed are read in every language the archive holds, so "élections" finds
 * French stories and "elections" English ones and both find either spelling. The CANDIDATES
 * most recent matches are ranked by relevance weighed by age (half as much a month older than
 * the newest match), then snippets are made for the page shown. Any characters are safe: the
 * query is a bound parameter parsed by websearch_to_tsquery, which accepts anything. Null past
 * the last page.
 */
export async function searchPublished(db: DbOrTx, query: string, page: number): Promise<SearchPage | null> {
  // PostgreSQL text cannot hold NUL, and no control character means anything to a search.
  const q = query.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  const none = { results: [], total: 0, more: false, pageCount: 1 };
  if (!q) return none;
  const configs = await configsInUse(db);
  if (configs.length === 0) return none;
  const tsquery = Prisma.join(
    configs.map((config) => Prisma.sql`websearch_to_tsquery(${config}::regconfig, ${q})`),
    " || ",
  );
  // One more than CANDIDATES is fetched only to tell whether there are more.
  const ranked = await db.$queryRaw<{ id: string; config: string; total: number }[]>`
    WITH candidates AS MATERIALIZED (
      SELECT s."articleId" AS id, s.config, s."publishedAt", s.vector
      FROM "SearchDocument" s
      WHERE s.vector @@ (${tsquery})
      ORDER BY s."publishedAt" DESC, s."articleId" DESC
      LIMIT ${CANDIDATES + 1}
    ), scored AS (
      SELECT id, config, "publishedAt",
        ts_rank_cd(vector, ${tsquery}) / (1 + extract(epoch FROM (max("publishedAt") OVER () - "publishedAt")) / (30 * 86400)) AS score,
        row_number() OVER (ORDER BY "publishedAt" DESC, id DESC) AS recency,
        count(*) OVER () AS total
      FROM candidates
    )
    SELECT id, config, total::int AS total FROM scored
    WHERE recency <= ${CANDIDATES}
    ORDER BY score DESC, "publishedAt" DESC, id
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
  const counted = ranked[0]?.total;
  if (counted === undefined) return page === 1 ? none : null;
  const total = Math.min(counted, CANDIDATES);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const snippets = await db.$queryRaw<{ id: string; snippet: string }[]>`
    SELECT a.id,
      ts_headline(p.config::regconfig, regexp_replace(r.standfirst || ' … ' || r."bodyText", '[\\x02\\x03]', '', 'g'),
        websearch_to_tsquery(p.config::regconfig, ${q}),
        'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
    FROM unnest(${ranked.map((row) => row.id)}::uuid[], ${ranked.map((row) => row.config)}::text[]) AS p(id, config)
    JOIN "Article" a ON a.id = p.id
    JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"`;
  const snippetOf = new Map(snippets.map((row) => [row.id, row.snippet]));
  const byId = new Map(
    (
      await cardsByIds(
        db,
        ranked.map((r) => r.id),
      )
    ).map((c) => [c.id, c]),
  );
  const results = ranked.flatMap((row) => {
    const card = byId.get(row.id);
    return card ? [{ card, snippet: snippetParts(snippetOf.get(row.id) ?? "") }] : [];
  });
  return { results, total, more: counted > CANDIDATES, pageCount };
}
