import { parseSitemapName, SITEMAP_PART_URLS, sitemapName, type SitemapPart } from "@/lib/syndication/sitemaps";
import type { DbOrTx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { LIVE } from "./public-articles";

export const NEWS_SITEMAP_HOURS = 48;

export interface SitemapEntry {
  path: string;
  lastModified: Date | null;
}

export interface SitemapIndexEntry {
  /** The child's file name under /sitemaps/. */
  name: string;
  lastModified: Date | null;
}

/** A live story, in SQL (public-articles.ts's LIVE). Times are stored in UTC, without a zone. */
const LIVE_SQL = Prisma.sql`a.status = 'PUBLISHED' AND a."liveRevisionId" IS NOT NULL AND a."publishedAt" IS NOT NULL`;
/** When a live story last changed for readers: its last published update or correction, else when it went live. */
const MODIFIED_SQL = Prisma.sql`coalesce(a."contentUpdatedAt", a."publishedAt")`;

/**
 * The child sitemaps of /sitemap.xml, each with the latest change among its addresses: one per
 * month of stories (more when a month has more than `limit`), the home and section pages, and
 * author and tag pages in parts of `limit`. Only children with an address in them; each one's
 * date is that of the newest change among its own addresses.
 */
export async function sitemapIndexEntries(db: DbOrTx, limit = SITEMAP_PART_URLS): Promise<SitemapIndexEntry[]> {
  const [months, pages, authors, tags] = await Promise.all([
    db.$queryRaw<{ month: string; count: bigint; modified: Date }[]>`
      SELECT to_char(a."publishedAt", 'YYYY-MM') AS month, count(*) AS count, max(${MODIFIED_SQL}) AS modified
      FROM "Article" a WHERE ${LIVE_SQL} GROUP BY 1 ORDER BY 1 DESC`,
    db.$queryRaw<
      { modified: Date | null }[]
    >`SELECT max(${MODIFIED_SQL}) AS modified FROM "Article" a WHERE ${LIVE_SQL}`,
    authorRows(db, null),
    db.$queryRaw<{ part: number; modified: Date }[]>`
      SELECT ((row_number() OVER (ORDER BY slug) - 1) / ${limit}::int + 1)::int AS part, modified FROM (
        SELECT g.slug, max(${MODIFIED_SQL}) AS modified
        FROM "Tag" g JOIN "ArticleTag" t ON t."tagId" = g.id JOIN "Article" a ON a.id = t."articleId"
        WHERE ${LIVE_SQL} GROUP BY g.slug
      ) tagged`,
  ]);
  const entries: SitemapIndexEntry[] = [
    { name: sitemapName({ kind: "pages" }), lastModified: pages[0]?.modified ?? null },
  ];
  for (const row of months) {
    if (Number(row.count) <= limit) {
      entries.push({ name: sitemapName({ kind: "stories", month: row.month, part: 1 }), lastModified: row.modified });
      continue;
    }
    // A month in parts: each part's date is its own newest story's.
    // (Stored times are UTC without a zone: compared as such, whatever the session's zone.)
    const start = `${row.month}-01 00:00:00`;
    const numbered = await db.$queryRaw<{ part: number; modified: Date }[]>`
      SELECT part, max(modified) AS modified FROM (
        SELECT ((row_number() OVER (ORDER BY a."publishedAt", a.id) - 1) / ${limit}::int + 1)::int AS part, ${MODIFIED_SQL} AS modified
        FROM "Article" a
        WHERE ${LIVE_SQL} AND a."publishedAt" >= ${start}::timestamp AND a."publishedAt" < ${start}::timestamp + interval '1 month'
      ) numbered GROUP BY part ORDER BY part`;
    for (const { part, modified } of numbered)
      entries.push({ name: sitemapName({ kind: "stories", month: row.month, part }), lastModified: modified });
  }
  entries.push(...inParts(authors, limit, (part) => sitemapName({ kind: "authors", part })));
  entries.push(
    ...inParts(
      tags,
      limit,
      (part) => sitemapName({ kind: "tags", part }),
      (row) => row.part,
    ),
  );
  return entries;
}

/** Rows in parts of `limit` (in order, or numbered by `partOf`), each part with its newest date. */
function inParts<T extends { modified: Date }>(
  rows: T[],
  limit: number,
  name: (part: number) => string,
  partOf: (row: T, index: number) => number = (_row, index) => Math.floor(index / limit) + 1,
): SitemapIndexEntry[] {
  const newest = new Map<number, Date>();
  rows.forEach((row, index) => {
    const part = partOf(row, index);
    const seen = newest.get(part);
    if (!seen || row.modified > seen) newest.set(part, row.modified);
  });
  return [...newest]
    .sort(([a], [b]) => a - b)
    .map(([part, modified]) => ({ name: name(part), lastModified: modified }));
}

/** The first instant of a month (UTC) and of the next. */
function monthRange(month: string): { from: Date; to: Date } {
  const from = new Date(`${month}-01T00:00:00Z`);
  return { from, to: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)) };
}

/** Author pages (accounts and contributors with a live story), by address, each with its latest story's change. */
function authorRows(db: DbOrTx, page: { offset: number; limit: number } | null) {
  const window = page ? Prisma.sql`LIMIT ${page.limit} OFFSET ${page.offset}` : Prisma.empty;
  return db.$queryRaw<{ slug: string; modified: Date }[]>`
    SELECT slug, max(modified) AS modified FROM (
      SELECT u.slug, ${MODIFIED_SQL} AS modified
      FROM "ArticleAuthor" c JOIN "User" u ON u.id = c."userId" JOIN "Article" a ON a.id = c."articleId" WHERE ${LIVE_SQL}
      UNION ALL
      SELECT p.slug, ${MODIFIED_SQL} AS modified
      FROM "ArticleContributor" c JOIN "Contributor" p ON p.id = c."contributorId" JOIN "Article" a ON a.id = c."articleId" WHERE ${LIVE_SQL}
    ) credits GROUP BY slug ORDER BY slug ${window}`;
}

/** The addresses in one child sitemap, or null when it has none (404: a month without stories, a part past the end). */
export async function sitemapPartEntries(
  db: DbOrTx,
  part: SitemapPart,
  limit = SITEMAP_PART_URLS,
): Promise<SitemapEntry[] | null> {
  const window = (n: number) => ({ offset: (n - 1) * limit, limit });
  let entries: SitemapEntry[];
  if (part.kind === "stories") {
    const { from, to } = monthRange(part.month);
    const rows = await db.article.findMany({
      where: { ...LIVE, publishedAt: { gte: from, lt: to } },
      select: { slug: true, publishedAt: true, contentUpdatedAt: true },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      skip: window(part.part).offset,
      take: limit,
    });
    entries = rows.map((a) => ({ path: `/articles/${a.slug}`, lastModified: a.contentUpdatedAt ?? a.publishedAt }));
  } else if (part.kind === "pages") {
    const [newest, sections] = await Promise.all([
      db.$queryRaw<
        { modified: Date | null }[]
      >`SELECT max(${MODIFIED_SQL}) AS modified FROM "Article" a WHERE ${LIVE_SQL}`,
      db.$queryRaw<{ slug: string; modified: Date }[]>`
        SELECT s.slug, max(${MODIFIED_SQL}) AS modified
        FROM "Section" s JOIN "Article" a ON a."sectionId" = s.id WHERE ${LIVE_SQL} GROUP BY s.slug ORDER BY s.slug`,
    ]);
    entries = [
      { path: "/", lastModified: newest[0]?.modified ?? null },
      ...sections.map((s) => ({ path: `/sections/${s.slug}`, lastModified: s.modified })),
    ];
  } else if (part.kind === "authors") {
    const rows = await authorRows(db, window(part.part));
    entries = rows.map((r) => ({ path: `/authors/${r.slug}`, lastModified: r.modified }));
  } else {
    const { offset } = window(part.part);
    const rows = await db.$queryRaw<{ slug: string; modified: Date }[]>`
      SELECT g.slug, max(${MODIFIED_SQL}) AS modified
      FROM "Tag" g JOIN "ArticleTag" t ON t."tagId" = g.id JOIN "Article" a ON a.id = t."articleId"
      WHERE ${LIVE_SQL} GROUP BY g.slug ORDER BY g.slug LIMIT ${limit} OFFSET ${offset}`;
    entries = rows.map((r) => ({ path: `/tags/${r.slug}`, lastModified: r.modified }));
  }
  return entries.length > 0 ? entries : null;
}

export interface NewsSitemapEntry {
  path: string;
  /** BCP 47; null: the newsroom's. */
  language: string | null;
  headline: string;
  publishedAt: Date;
  keywords: string[];
}

/** Stories first published in the last 48 hours (Google News sitemap). */
export async function newsSitemapEntries(db: DbOrTx, now: Date): Promise<NewsSitemapEntry[]> {
  const since = new Date(now.getTime() - NEWS_SITEMAP_HOURS * 3600_000);
  const rows = await db.article.findMany({
    where: { ...LIVE, publishedAt: { gte: since, lte: now } },
    select: {
      slug: true,
      language: true,
      publishedAt: true,
      liveRevision: { select: { headline: true } },
      tags: { select: { tag: { select: { name: true } } } },
    },
    orderBy: { publishedAt: "desc" },
    take: 1000,
  });
  return rows.flatMap((r) =>
    r.publishedAt && r.liveRevision
      ? [
          {
            path: `/articles/${r.slug}`,
            language: r.language,
            headline: r.liveRevision.headline,
            publishedAt: r.publishedAt,
            keywords: r.tags.map((t) => t.tag.name),
          },
        ]
      : [],
  );
}

/** Whether the News sitemap has a story to list (robots.txt names it only then: an empty one is invalid). */
export async function hasNewsSitemap(db: DbOrTx, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - NEWS_SITEMAP_HOURS * 3600_000);
  return (await db.article.count({ where: { ...LIVE, publishedAt: { gte: since, lte: now } }, take: 1 })) > 0;
}

/** Every address in every child sitemap, in index order (tests and benchmarks read the whole tree). */
export async function everySitemapEntry(db: DbOrTx, limit = SITEMAP_PART_URLS): Promise<SitemapEntry[]> {
  const entries: SitemapEntry[] = [];
  for (const child of await sitemapIndexEntries(db, limit)) {
    const part = parseSitemapName(child.name);
    if (part) entries.push(...((await sitemapPartEntries(db, part, limit)) ?? []));
  }
  return entries;
}
