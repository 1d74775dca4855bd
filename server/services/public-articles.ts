import { mergeByline, type BylineName } from "@/lib/byline";
import type { ContentDocument } from "@/lib/content/document";
import type { DbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { notFound } from "../errors";
import { bylineSelect, contributorBylineSelect } from "./byline-select";
import { revisionContentSelect } from "./publishing";

// What readers see: only PUBLISHED articles, and of those only the live revision, never the
// working copy an editor may be changing. Every public surface reads through this module.

export const LIVE = {
  status: "PUBLISHED",
  liveRevisionId: { not: null },
  publishedAt: { not: null },
} as const satisfies Prisma.ArticleWhereInput;
export const PAGE_SIZE = 10;

const cardSelect = {
  id: true,
  slug: true,
  language: true,
  publishedAt: true,
  contentUpdatedAt: true,
  section: { select: { name: true, slug: true } },
  authors: bylineSelect,
  contributors: contributorBylineSelect,
  tags: { select: { tag: { select: { name: true, slug: true } } } },
  liveRevision: {
    select: {
      headline: true,
      standfirst: true,
      heroImageUrl: true,
      heroImageAlt: true,
      heroImageCaption: true,
      heroImageCredit: true,
    },
  },
} as const satisfies Prisma.ArticleSelect;

const articleSelect = {
  ...cardSelect,
  sectionId: true,
  seoTitle: true,
  seoDescription: true,
  kind: true,
  coverageEndedAt: true,
  corrections: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true } },
  liveRevision: { select: revisionContentSelect },
} as const satisfies Prisma.ArticleSelect;

type CardRow = Prisma.ArticleGetPayload<{ select: typeof cardSelect }>;
type ArticleRow = Prisma.ArticleGetPayload<{ select: typeof articleSelect }>;

export interface PublicHero {
  url: string;
  alt: string;
  caption: string;
  credit: string;
  /** From the media library when the image is there; null when unknown. */
  width: number | null;
  height: number | null;
  /** Its focal point in the library (fractions from the top left); the centre when unknown. */
  focalX: number;
  focalY: number;
}

export interface PublicCard {
  id: string;
  slug: string;
  /** BCP 47; null: the newsroom's (MASTHEAD_LANGUAGE). */
  language: string | null;
  headline: string;
  standfirst: string;
  publishedAt: Date;
  contentUpdatedAt: Date | null;
  section: { name: string; slug: string } | null;
  authors: BylineName[];
  tags: { name: string; slug: string }[];
  hero: PublicHero | null;
}

export interface PublicArticle extends PublicCard {
  body: ContentDocument;
  seoTitle: string | null;
  seoDescription: string | null;
  /** A story, or a live blog (its entries come with the page: services/liveblog.ts). */
  kind: "STORY" | "LIVE";
  coverageEndedAt: Date | null;
  corrections: { id: string; text: string; createdAt: Date }[];
}

export interface PublicPage<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

interface LibraryImage {
  width: number;
  height: number;
  focalX: number;
  focalY: number;
}

/** Width and height of library images, so pages reserve their space (no layout shift). */
async function dimensionsOf(db: DbOrTx, urls: (string | null | undefined)[]): Promise<Map<string, LibraryImage>> {
  const names = [
    ...new Set(urls.filter((u): u is string => !!u?.startsWith("/media/")).map((u) => u.slice("/media/".length))),
  ];
  if (names.length === 0) return new Map();
  const rows = await db.media.findMany({
    where: { fileName: { in: names } },
    select: { fileName: true, width: true, height: true, focalX: true, focalY: true },
  });
  return new Map(rows.map(({ fileName, ...image }) => [`/media/${fileName}`, image]));
}

function toCard(row: CardRow, sizes: Map<string, LibraryImage>): PublicCard | null {
  const live = row.liveRevision;
  if (!live || !row.publishedAt) return null;
  return {
    id: row.id,
    slug: row.slug,
    language: row.language,
    headline: live.headline,
    standfirst: live.standfirst,
    publishedAt: row.publishedAt,
    contentUpdatedAt: row.contentUpdatedAt,
    section: row.section,
    authors: mergeByline(row.authors, row.contributors),
    tags: row.tags.map((t) => t.tag),
    hero: heroOf(live, sizes),
  };
}

type HeroFields = {
  heroImageUrl: string | null;
  heroImageAlt: string | null;
  heroImageCaption: string | null;
  heroImageCredit: string | null;
};

function heroOf(content: HeroFields, sizes: Map<string, LibraryImage>): PublicHero | null {
  if (!content.heroImageUrl) return null;
  const size = sizes.get(content.heroImageUrl);
  return {
    url: content.heroImageUrl,
    alt: content.heroImageAlt ?? "",
    caption: content.heroImageCaption ?? "",
    credit: content.heroImageCredit ?? "",
    width: size?.width ?? null,
    height: size?.height ?? null,
    focalX: size?.focalX ?? 0.5,
    focalY: size?.focalY ?? 0.5,
  };
}

async function cards(db: DbOrTx, rows: CardRow[]): Promise<PublicCard[]> {
  const sizes = await dimensionsOf(
    db,
    rows.map((r) => r.liveRevision?.heroImageUrl),
  );
  return rows.map((row) => toCard(row, sizes)).filter((c): c is PublicCard => c !== null);
}

/** Live stories by id, in the order given (search results). */
export async function cardsByIds(db: DbOrTx, ids: string[]): Promise<PublicCard[]> {
  if (ids.length === 0) return [];
  const rows = await db.article.findMany({ where: { ...LIVE, id: { in: ids } }, select: cardSelect });
  const found = await cards(db, rows);
  return ids.map((id) => found.find((c) => c.id === id)).filter((c): c is PublicCard => c !== undefined);
}

/** Up to `take` live stories matching `where`, newest first (the content API's pages). */
export async function cardsWhere(db: DbOrTx, where: Prisma.ArticleWhereInput, take: number): Promise<PublicCard[]> {
  const rows = await db.article.findMany({
    where: { ...where, ...LIVE },
    select: cardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
  });
  return cards(db, rows);
}

/** Published stories matching `where`, newest first, one page of them; null past the last page. */
export async function listPublished(
  db: DbOrTx,
  where: Prisma.ArticleWhereInput,
  page: number,
  pageSize = PAGE_SIZE,
): Promise<PublicPage<PublicCard> | null> {
  const filter = { ...where, ...LIVE };
  const [total, rows] = await Promise.all([
    db.article.count({ where: filter }),
    db.article.findMany({
      where: filter,
      select: cardSelect,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (page > pageCount) return null;
  return { items: await cards(db, rows), page, pageCount, total };
}

/**
 * The home page: the lead (the latest pinned story, else the newest), the six latest after it,
 * and then the latest per section among the stories not already shown.
 */
export async function homePage(db: DbOrTx) {
  const pinned = await db.article.findFirst({
    where: { ...LIVE, pinnedAt: { not: null } },
    select: cardSelect,
    orderBy: { pinnedAt: "desc" },
  });
  const latestRows = await db.article.findMany({
    where: LIVE,
    select: cardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 7,
  });
  const leadRow = pinned ?? latestRows[0] ?? null;
  const latest = latestRows.filter((r) => r.id !== leadRow?.id).slice(0, 6);
  const shown = [leadRow?.id, ...latest.map((r) => r.id)].filter((id): id is string => !!id);
  const sections = await db.section.findMany({
    where: { retiredAt: null },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, slug: true },
  });
  const bySection = await Promise.all(
    sections.map(async (section) => ({
      section,
      rows: await db.article.findMany({
        where: { ...LIVE, sectionId: section.id, id: { notIn: shown } },
        select: cardSelect,
        orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
        take: 4,
      }),
    })),
  );
  const all = [leadRow, ...latest, ...bySection.flatMap((s) => s.rows)].filter((r): r is CardRow => r !== null);
  const sizes = await dimensionsOf(
    db,
    all.map((r) => r.liveRevision?.heroImageUrl),
  );
  const card = (row: CardRow) => toCard(row, sizes);
  const present = (c: PublicCard | null): c is PublicCard => c !== null;
  return {
    lead: leadRow ? card(leadRow) : null,
    latest: latest.map(card).filter(present),
    sections: bySection
      .map(({ section, rows }) => ({
        section: { name: section.name, slug: section.slug },
        items: rows.map(card).filter(present),
      }))
      .filter((s) => s.items.length > 0),
  };
}

export type ArticleLookup =
  | { kind: "live"; article: PublicArticle; related: PublicCard[] }
  | { kind: "moved"; slug: string }
  | { kind: "gone" }
  | { kind: "missing" };

/**
 * What the address /articles/<slug> is: a live story (with related stories), an old address of
 * a live story (301), a story that was taken down (410), or nothing a reader may see (404).
 */
export async function lookupArticle(db: DbOrTx, slug: string): Promise<ArticleLookup> {
  const row = await db.article.findUnique({
    where: { slug },
    select: { ...articleSelect, status: true, liveRevisionId: true },
  });
  if (!row) {
    const redirect = await db.articleSlugRedirect.findUnique({
      where: { slug },
      select: { article: { select: { slug: true, status: true } } },
    });
    if (redirect?.article.status === "PUBLISHED") return { kind: "moved", slug: redirect.article.slug };
    if (redirect?.article.status === "UNPUBLISHED") return { kind: "gone" };
    return { kind: "missing" };
  }
  if (row.status === "UNPUBLISHED") return { kind: "gone" };
  if (row.status !== "PUBLISHED" || !row.liveRevisionId) return { kind: "missing" };
  const [article] = await articles(db, [row]);
  if (!article) return { kind: "missing" };
  return { kind: "live", article, related: await relatedStories(db, row) };
}

/** Whole live stories (body, corrections) from their rows, with hero dimensions read once. */
async function articles(db: DbOrTx, rows: ArticleRow[]): Promise<PublicArticle[]> {
  const sizes = await dimensionsOf(
    db,
    rows.map((r) => r.liveRevision?.heroImageUrl),
  );
  return rows.flatMap((row) => {
    const card = toCard(row, sizes);
    if (!card || !row.liveRevision) return [];
    return [
      {
        ...card,
        body: row.liveRevision.body as unknown as ContentDocument,
        seoTitle: row.seoTitle,
        seoDescription: row.seoDescription,
        kind: row.kind,
        coverageEndedAt: row.coverageEndedAt,
        corrections: row.corrections,
      },
    ];
  });
}

/** The newest live stories matching `where`, whole (for feeds). */
export async function latestArticles(
  db: DbOrTx,
  where: Prisma.ArticleWhereInput,
  take: number,
): Promise<PublicArticle[]> {
  const rows = await db.article.findMany({
    where: { ...where, ...LIVE },
    select: articleSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
  });
  return articles(db, rows);
}

/** Up to three other live stories sharing a tag or the section, newest first. */
async function relatedStories(db: DbOrTx, row: ArticleRow): Promise<PublicCard[]> {
  const tagSlugs = row.tags.map((t) => t.tag.slug);
  const or: Prisma.ArticleWhereInput[] = [];
  if (tagSlugs.length > 0) or.push({ tags: { some: { tag: { slug: { in: tagSlugs } } } } });
  if (row.sectionId) or.push({ sectionId: row.sectionId });
  if (or.length === 0) return [];
  const rows = await db.article.findMany({
    where: { ...LIVE, id: { not: row.id }, OR: or },
    select: cardSelect,
    orderBy: { publishedAt: "desc" },
    take: 3,
  });
  return cards(db, rows);
}

/** A live article by slug, for the public API; NOT_FOUND for anything else. */
export async function getPublishedBySlug(db: DbOrTx, slug: string): Promise<PublicArticle> {
  const found = await lookupArticle(db, slug);
  if (found.kind !== "live") throw notFound("That article");
  return found.article;
}

export const sectionBySlug = (db: DbOrTx, slug: string) =>
  db.section.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });

/**
 * An author page's person, agency or contributor: only those credited on at least one live
 * story are public. `where` finds their live stories.
 */
export async function authorBySlug(
  db: DbOrTx,
  slug: string,
): Promise<(ListingOwner & { where: Prisma.ArticleWhereInput; kind: BylineName["kind"] }) | null> {
  const select = { id: true, slug: true, bio: true, photoUrl: true } as const;
  const [user, contributor] = await Promise.all([
    db.user.findFirst({
      where: { slug, authorships: { some: { article: LIVE } } },
      select: { ...select, displayName: true },
    }),
    db.contributor.findFirst({
      where: { slug, credits: { some: { article: LIVE } } },
      select: { ...select, name: true, kind: true },
    }),
  ]);
  if (user)
    return { ...user, name: user.displayName, kind: "STAFF", where: { authors: { some: { userId: user.id } } } };
  if (contributor) return { ...contributor, where: { contributors: { some: { contributorId: contributor.id } } } };
  return null;
}

export const tagBySlug = (db: DbOrTx, slug: string) =>
  db.tag.findFirst({
    where: { slug, articles: { some: { article: LIVE } } },
    select: { id: true, name: true, slug: true },
  });

export const navSections = (db: DbOrTx) =>
  db.section.findMany({
    // A retired section's page stays, but the menu no longer offers it.
    where: { retiredAt: null, articles: { some: LIVE } },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { name: true, slug: true },
  });

/** The hero of a working copy or revision, with its library dimensions. */
export async function heroWithDimensions(db: DbOrTx, content: HeroFields): Promise<PublicHero | null> {
  return heroOf(content, await dimensionsOf(db, [content.heroImageUrl]));
}

export interface ListingOwner {
  name: string;
  slug: string;
  bio?: string;
  photoUrl?: string | null;
}

/** A section, author or tag with one page of its live stories; null for an unknown one or a page past the end. */
export async function listingFor(
  db: DbOrTx,
  kind: "section" | "author" | "tag",
  slug: string,
  page: number,
): Promise<(PublicPage<PublicCard> & { owner: ListingOwner }) | null> {
  let owner: ListingOwner | null = null;
  let where: Prisma.ArticleWhereInput = {};
  if (kind === "section") {
    const section = await sectionBySlug(db, slug);
    if (section) [owner, where] = [section, { sectionId: section.id }];
  } else if (kind === "author") {
    const author = await authorBySlug(db, slug);
    if (author)
      [owner, where] = [
        { name: author.name, slug: author.slug, bio: author.bio, photoUrl: author.photoUrl },
        author.where,
      ];
  } else {
    const tag = await tagBySlug(db, slug);
    if (tag) [owner, where] = [tag, { tags: { some: { tagId: tag.id } } }];
  }
  if (!owner) return null;
  const list = await listPublished(db, where, page);
  return list && { owner, ...list };
}
