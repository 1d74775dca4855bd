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
  total: number;
  pageCount: number;
}

/**
 * Full-text search over live revisions (headline weighted over standfirst over body), ranked,
 * with highlighted snippets. Any characters are safe: the query is a bound parameter parsed by
 * websearch_to_tsquery, which accepts anything. Null past the last page.
 */
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

export async function searchPublished(db: DbOrTx, query: string, page: number): Promise<SearchPage | null> {
  // PostgreSQL text cannot hold NUL, and no control character means anything to a search.
  const q = query.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (!q) return { results: [], total: 0, pageCount: 1 };
  const [{ total }] = await db.$queryRaw<[{ total: number }]>`
    SELECT count(*)::int AS total
    FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId"
    WHERE a.status = 'PUBLISHED' AND a."publishedAt" IS NOT NULL
      AND r."searchVector" @@ websearch_to_tsquery('english', ${q})`;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) return null;
  const rows = await db.$queryRaw<{ id: string; snippet: string }[]>`
    SELECT a.id,
      ts_headline('english', regexp_replace(r.standfirst || ' … ' || r."bodyText", '[\\x02\\x03]', '', 'g'), query,
        'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
    FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId",
      websearch_to_tsquery('english', ${q}) AS query
    WHERE a.status = 'PUBLISHED' AND a."publishedAt" IS NOT NULL AND r."searchVector" @@ query
    ORDER BY ts_rank_cd(r."searchVector", query) DESC, a."publishedAt" DESC, a.id
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
  const byId = new Map(
    (
      await cardsByIds(
        db,
        rows.map((r) => r.id),
      )
    ).map((c) => [c.id, c]),
  );
  const results = rows.flatMap((row) => {
    const card = byId.get(row.id);
    return card ? [{ card, snippet: snippetParts(row.snippet) }] : [];
  });
  return { results, total, pageCount };
}
