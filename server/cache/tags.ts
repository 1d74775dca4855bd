import type { DbOrTx } from "../db/client";
import { LIVE } from "../services/public-articles";
import type { PublicChange } from "./changes";

/**
 * The names pages are labelled with, and changes touch. Every public page carries the tag of
 * its own address and of each list it draws from; every page also shows the section menu, so
 * a change to the menu touches the whole site.
 */
export const tags = {
  /** /articles/<slug> (and its share image), whatever it answers: live, moved, gone or missing. */
  article: (slug: string) => `article:${slug}`,
  /** A section's pages and feeds; also the related lists of stories in the section. */
  section: (slug: string) => `section:${slug}`,
  author: (slug: string) => `author:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  home: "home",
  /** The site-wide RSS and Atom feeds. */
  feed: "feed",
  /** sitemap.xml and news-sitemap.xml. */
  sitemap: "sitemap",
} as const;

export const WHOLE_SITE: PublicChange = { tags: [], takedown: false };

/** What one story's change can touch: its addresses, its lists, and the section menu. */
export interface Footprint {
  tags: string[];
  /** The section menu (sections with a live story), to tell whether it changed. */
  menu: string;
}

/** The section menu as a comparable string; `without` leaves those stories out (the menu before they went live). */
export async function menuSignature(db: DbOrTx, without: string[] = []): Promise<string> {
  const sections = await db.section.findMany({
    where: { retiredAt: null, articles: { some: { ...LIVE, id: { notIn: without } } } },
    orderBy: { slug: "asc" },
    select: { slug: true },
  });
  return sections.map((s) => s.slug).join(" ");
}

/** The pages a change to story `articleId` touches, read now (call before and after the change). */
export async function storyFootprint(db: DbOrTx, articleId: string): Promise<Footprint> {
  const [row, menu] = await Promise.all([
    db.article.findUnique({
      where: { id: articleId },
      select: {
        slug: true,
        section: { select: { slug: true } },
        authors: { select: { user: { select: { slug: true } } } },
        contributors: { select: { contributor: { select: { slug: true } } } },
        tags: { select: { tag: { select: { slug: true } } } },
        slugRedirects: { select: { slug: true } },
      },
    }),
    menuSignature(db),
  ]);
  if (!row) return { tags: [], menu };
  return {
    menu,
    tags: [
      tags.home,
      tags.feed,
      tags.sitemap,
      tags.article(row.slug),
      ...row.slugRedirects.map((r) => tags.article(r.slug)),
      ...(row.section ? [tags.section(row.section.slug)] : []),
      ...row.authors.map((a) => tags.author(a.user.slug)),
      ...row.contributors.map((c) => tags.author(c.contributor.slug)),
      ...row.tags.map((t) => tags.tag(t.tag.slug)),
    ],
  };
}

/** The change made to the stories whose footprints before and after are given: the whole site if the menu changed. */
export function storyChange(before: Footprint[], after: Footprint[], takedown: boolean): PublicChange {
  const menus = new Set([...before, ...after].map((f) => f.menu));
  if (menus.size > 1) return { tags: [], takedown };
  return { tags: [...new Set([...before, ...after].flatMap((f) => f.tags))].sort(), takedown };
}
