import type { NameListQuery, StoryListQuery } from "@/lib/schemas/content-api";
import type { DbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { badRequest } from "../errors";
import { cardsWhere, LIVE, latestArticles, type PublicArticle, type PublicCard } from "./public-articles";

// What the content API (/api/v1) reads: exactly what the public site shows (live stories and
// their live revisions, through public-articles.ts), a page at a time by cursor.

/** An opaque position in a list: the last item's sort key, base64url JSON. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeCursor(cursor: string, shape: ("string" | "date")[]): string[] {
  const refuse = () => badRequest("That cursor is not one this API gave: start again without it.");
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(key) || key.length !== shape.length) throw refuse();
  return key.map((part: unknown, i) => {
    if (typeof part !== "string" || part.length > 300) throw refuse();
    if (shape[i] === "date" && Number.isNaN(Date.parse(part))) throw refuse();
    return part;
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Live stories newest first, filtered; null when a named section, tag or author has none. */
export async function apiStories(
  db: DbOrTx,
  query: StoryListQuery,
  newsroomLanguage: string,
): Promise<{ stories: PublicCard[]; nextCursor: string | null }> {
  const where: Prisma.ArticleWhereInput[] = [];
  if (query.section) where.push({ section: { slug: query.section } });
  // A partner's saved filter keeps working after a tag is renamed or merged, or a
  // contributor merged: their earlier addresses still name them.
  if (query.tag)
    where.push({
      tags: { some: { tag: { OR: [{ slug: query.tag }, { oldSlugs: { some: { slug: query.tag } } }] } } },
    });
  if (query.author)
    where.push({
      OR: [
        { authors: { some: { user: { slug: query.author } } } },
        {
          contributors: {
            some: { contributor: { OR: [{ slug: query.author }, { merged: { some: { slug: query.author } } }] } },
          },
        },
      ],
    });
  if (query.language)
    where.push(
      query.language.toLowerCase() === newsroomLanguage.toLowerCase()
        ? { OR: [{ language: query.language }, { language: null }] }
        : { language: query.language },
    );
  if (query.updatedSince) {
    const since = new Date(query.updatedSince);
    where.push({ OR: [{ contentUpdatedAt: { gte: since } }, { contentUpdatedAt: null, publishedAt: { gte: since } }] });
  }
  if (query.cursor) {
    const [at = "", id = ""] = decodeCursor(query.cursor, ["date", "string"]);
    if (!UUID.test(id)) throw badRequest("That cursor is not one this API gave: start again without it.");
    const after = new Date(at);
    where.push({ OR: [{ publishedAt: { lt: after } }, { publishedAt: after, id: { lt: id } }] });
  }
  const found = await cardsWhere(db, { AND: where }, query.limit + 1);
  const stories = found.slice(0, query.limit);
  const last = stories.at(-1);
  return {
    stories,
    nextCursor: found.length > query.limit && last ? encodeCursor([last.publishedAt.toISOString(), last.id]) : null,
  };
}

/** One live story by id or by its current address; null for anything else. */
export async function apiStory(db: DbOrTx, idOrSlug: string): Promise<PublicArticle | null> {
  const where = UUID.test(idOrSlug) ? { id: idOrSlug.toLowerCase() } : { slug: idOrSlug };
  const [story] = await latestArticles(db, where, 1);
  return story ?? null;
}

/** Sections with live stories, in the site's menu order (retired ones too: their pages stay). */
export const apiSections = (db: DbOrTx) =>
  db.section.findMany({
    where: { articles: { some: LIVE } },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { name: true, slug: true },
  });

interface Named {
  slug: string;
  name: string;
}

/** Slugs after the cursor's, in order, one more than asked for (to tell whether there are more). */
function afterCursor(query: NameListQuery): { gt: string } | undefined {
  if (!query.cursor) return undefined;
  const [slug = ""] = decodeCursor(query.cursor, ["string"]);
  return { gt: slug };
}

function page<T extends Named>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.slug]) : null };
}

/** Everyone credited on a live story (accounts and contributors), by slug. */
export async function apiAuthors(
  db: DbOrTx,
  query: NameListQuery,
): Promise<{ items: (Named & { kind: "STAFF" | "PERSON" | "AGENCY" })[]; nextCursor: string | null }> {
  const slug = afterCursor(query);
  const [users, contributors] = await Promise.all([
    db.user.findMany({
      where: { slug, authorships: { some: { article: LIVE } } },
      orderBy: { slug: "asc" },
      take: query.limit + 1,
      select: { slug: true, displayName: true },
    }),
    db.contributor.findMany({
      where: { slug, credits: { some: { article: LIVE } } },
      orderBy: { slug: "asc" },
      take: query.limit + 1,
      select: { slug: true, name: true, kind: true },
    }),
  ]);
  const merged = [
    ...users.map((u) => ({ slug: u.slug, name: u.displayName, kind: "STAFF" as const })),
    ...contributors.map((c) => ({ slug: c.slug, name: c.name, kind: c.kind })),
  ].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return page(merged, query.limit);
}

/** Tags on a live story, by slug. */
export async function apiTags(db: DbOrTx, query: NameListQuery) {
  const rows = await db.tag.findMany({
    where: { slug: afterCursor(query), articles: { some: { article: LIVE } } },
    orderBy: { slug: "asc" },
    take: query.limit + 1,
    select: { slug: true, name: true },
  });
  return page(rows, query.limit);
}
