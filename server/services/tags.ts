import { slugify, tagsBySlug } from "@/lib/slugify";
import type { PublicChange } from "../cache/changes";
import { tags as pageTags } from "../cache/tags";
import type { Db, DbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { badRequest, conflict, notFound } from "../errors";
import { LIVE } from "./public-articles";

// Tags: editors rename and merge them. A tag's earlier addresses (/tags/<old>) answer 301 to its
// page, and a story saved with an old tag name gets the tag it became.

/** Beyond this many live stories a change refreshes the whole site rather than each page. */
const MAX_PAGES = 1000;

/** Tags by name with how many stories carry them, for the tags page (the first 200 matches). */
export async function tagsForEditors(db: DbOrTx, q: string) {
  const rows = await db.tag.findMany({
    where: q ? { name: { contains: q, mode: "insensitive" } } : {},
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      name: true,
      slug: true,
      _count: { select: { articles: true } },
      oldSlugs: { select: { slug: true }, orderBy: { slug: "asc" } },
    },
  });
  return rows.map(({ _count, oldSlugs, ...tag }) => ({
    ...tag,
    stories: _count.articles,
    oldSlugs: oldSlugs.map((o) => o.slug),
  }));
}

/**
 * What readers stop seeing at the old addresses and start seeing at the new: the tag pages, and
 * every live story carrying the tag (its page lists its tags). Gone from every instance at once,
 * so an old address answers 301 everywhere when the change returns.
 */
async function tagPagesChange(tx: DbOrTx, tagId: string, slugs: string[]): Promise<PublicChange> {
  const [stories, earlier] = await Promise.all([
    tx.article.findMany({ where: { ...LIVE, tags: { some: { tagId } } }, select: { slug: true }, take: MAX_PAGES + 1 }),
    // Its earlier addresses answer with a redirect to where it was: they lead elsewhere now.
    tx.tagSlugRedirect.findMany({ where: { tagId }, select: { slug: true } }),
  ]);
  if (stories.length > MAX_PAGES) return { tags: [], takedown: true };
  return {
    tags: [
      ...[...slugs, ...earlier.map((e) => e.slug)].map(pageTags.tag),
      ...stories.map((s) => pageTags.article(s.slug)),
      pageTags.sitemap,
    ],
    takedown: true,
  };
}

/** The old address keeps leading to the tag; the new one is the tag's own (no longer a redirect). */
async function moveAddress(tx: Prisma.TransactionClient, tagId: string, from: string, to: string) {
  await tx.tagSlugRedirect.deleteMany({ where: { slug: to } });
  if (from !== to) await tx.tagSlugRedirect.create({ data: { slug: from, tagId } });
}

/** A new name (and address, when the name's slug changes); the old address answers 301. */
export async function renameTag(
  db: Db,
  id: string,
  name: string,
): Promise<{ tag: { id: string; name: string; slug: string }; publicChange: PublicChange }> {
  const slug = slugify(name);
  if (!slug) throw badRequest("A tag's name needs a letter or digit.", { name: ["Use letters or digits"] });
  return db.$transaction(async (tx) => {
    const tag = await tx.tag.findUnique({ where: { id }, select: { slug: true } });
    if (!tag) throw notFound("That tag");
    const other = await tx.tag.findUnique({ where: { slug }, select: { id: true, name: true } });
    if (other && other.id !== id)
      throw conflict(`“${other.name}” already has that address: merge the two tags instead.`, {
        name: ["Another tag has this address: merge instead"],
      });
    await moveAddress(tx, id, tag.slug, slug);
    const renamed = await tx.tag.update({
      where: { id },
      data: { name, slug },
      select: { id: true, name: true, slug: true },
    });
    return { tag: renamed, publicChange: await tagPagesChange(tx, id, [tag.slug, slug]) };
  });
}

/**
 * Merges one tag into another: its stories carry the other tag, its addresses (and those that
 * led to it) answer 301 to the other tag's page, and it is gone.
 */
export async function mergeTags(
  db: Db,
  fromId: string,
  intoId: string,
): Promise<{ into: { id: string; name: string; slug: string }; moved: number; publicChange: PublicChange }> {
  return db.$transaction(async (tx) => {
    // Both rows locked, in a fixed order: two merges of the same tags run one after the other.
    const locked = await tx.$queryRaw<{ id: string; slug: string; name: string }[]>`
      SELECT id, slug, name FROM "Tag" WHERE id IN (${fromId}::uuid, ${intoId}::uuid) ORDER BY id FOR UPDATE`;
    const from = locked.find((t) => t.id === fromId);
    const into = locked.find((t) => t.id === intoId);
    if (!from || !into) throw notFound("That tag");
    // The pages of stories carrying either tag change (counted before the stories move).
    const change = await tagPagesChange(tx, from.id, [from.slug, into.slug]);
    const moved = await tx.$executeRaw`
      INSERT INTO "ArticleTag" ("articleId", "tagId")
      SELECT "articleId", ${into.id}::uuid FROM "ArticleTag" WHERE "tagId" = ${from.id}::uuid
      ON CONFLICT DO NOTHING`;
    await tx.articleTag.deleteMany({ where: { tagId: from.id } });
    await tx.tagSlugRedirect.updateMany({ where: { tagId: from.id }, data: { tagId: into.id } });
    await tx.tag.delete({ where: { id: from.id } });
    await tx.tagSlugRedirect.create({ data: { slug: from.slug, tagId: into.id } });
    return { into: { id: into.id, name: into.name, slug: into.slug }, moved, publicChange: change };
  });
}

/** Where an old tag address leads now, or null. */
export async function tagMovedTo(db: DbOrTx, slug: string): Promise<string | null> {
  const redirect = await db.tagSlugRedirect.findUnique({
    where: { slug },
    select: { tag: { select: { slug: true } } },
  });
  return redirect?.tag.slug ?? null;
}

/**
 * The tags for these names, in order and once each: an existing tag by its address, the tag an
 * old address leads to (a story saved with a renamed or merged tag's name gets that tag), or a
 * new tag.
 */
export async function tagIdsFor(tx: Prisma.TransactionClient, names: readonly string[]): Promise<string[]> {
  const { bySlug, unusable } = tagsBySlug(names);
  // Refused, never dropped (an Arabic or Russian tag makes an address: only a name with no
  // letter or digit a transliteration can read does not).
  if (unusable.length > 0)
    throw badRequest(`“${unusable[0]}” cannot be a tag: a tag needs a letter or digit.`, {
      tags: [`“${unusable[0]}” needs a letter or digit`],
    });
  const redirects = await tx.tagSlugRedirect.findMany({
    where: { slug: { in: [...bySlug.keys()] } },
    select: { slug: true, tagId: true },
  });
  const led = new Map(redirects.map((r) => [r.slug, r.tagId]));
  const ids: string[] = [];
  for (const [slug, name] of bySlug) {
    const id =
      led.get(slug) ??
      (await tx.tag.upsert({ where: { slug }, update: {}, create: { slug, name }, select: { id: true } })).id;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
