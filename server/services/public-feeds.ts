import type { DbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { authorBySlug, latestArticles, LIVE, sectionBySlug, type PublicArticle } from "./public-articles";

export const FEED_SIZE = 20;
export const NEWS_SITEMAP_HOURS = 48;

export type FeedScope = { kind: "site" } | { kind: "section"; slug: string } | { kind: "author"; slug: string };

export interface Feed {
  title: string;
  /** Site-relative address of the page the feed mirrors. */
  path: string;
  items: PublicArticle[];
  updated: Date | null;
}

/** The latest stories, with full content, for RSS and Atom; null for an unknown section or author. */
export async function feedFor(db: DbOrTx, scope: FeedScope): Promise<Feed | null> {
  let where: Prisma.ArticleWhereInput = {};
  let title = "Latest stories";
  let path = "/";
  if (scope.kind === "section") {
    const section = await sectionBySlug(db, scope.slug);
    if (!section) return null;
    where = { sectionId: section.id };
    title = section.name;
    path = `/sections/${section.slug}`;
  } else if (scope.kind === "author") {
    const author = await authorBySlug(db, scope.slug);
    if (!author) return null;
    where = author.where;
    title = `Stories by ${author.name}`;
    path = `/authors/${author.slug}`;
  }
  const items = await latestArticles(db, where, FEED_SIZE);
  const updated = items.reduce<Date | null>((latest, a) => {
    const at = a.contentUpdatedAt ?? a.publishedAt;
    return !latest || at > latest ? at : latest;
  }, null);
  return { title, path, items, updated };
}

export interface SitemapEntry {
  path: string;
  lastModified: Date | null;
}

/** Every live story, and every section, author and tag page that lists one. */
export async function sitemapEntries(db: DbOrTx): Promise<SitemapEntry[]> {
  const [articles, sections, authors, contributors, tags] = await Promise.all([
    db.article.findMany({
      where: LIVE,
      select: { slug: true, publishedAt: true, contentUpdatedAt: true },
      orderBy: { publishedAt: "desc" },
    }),
    db.section.findMany({
      where: { articles: { some: LIVE } },
      select: {
        slug: true,
        articles: { where: LIVE, select: { publishedAt: true }, orderBy: { publishedAt: "desc" }, take: 1 },
      },
    }),
    db.user.findMany({ where: { authorships: { some: { article: LIVE } } }, select: { slug: true } }),
    db.contributor.findMany({ where: { credits: { some: { article: LIVE } } }, select: { slug: true } }),
    db.tag.findMany({ where: { articles: { some: { article: LIVE } } }, select: { slug: true } }),
  ]);
  const newest = articles[0]?.publishedAt ?? null;
  return [
    { path: "/", lastModified: newest },
    ...articles.map((a) => ({ path: `/articles/${a.slug}`, lastModified: a.contentUpdatedAt ?? a.publishedAt })),
    ...sections.map((s) => ({ path: `/sections/${s.slug}`, lastModified: s.articles[0]?.publishedAt ?? null })),
    ...[...authors, ...contributors].map((a) => ({ path: `/authors/${a.slug}`, lastModified: null })),
    ...tags.map((t) => ({ path: `/tags/${t.slug}`, lastModified: null })),
  ];
}

export interface NewsSitemapEntry {
  path: string;
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
            headline: r.liveRevision.headline,
            publishedAt: r.publishedAt,
            keywords: r.tags.map((t) => t.tag.name),
          },
        ]
      : [],
  );
}
