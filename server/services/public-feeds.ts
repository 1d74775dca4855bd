import type { DbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { authorBySlug, latestArticles, sectionBySlug, type PublicArticle } from "./public-articles";

export const FEED_SIZE = 20;

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
