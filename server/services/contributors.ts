import type { ContributorFields } from "@/lib/schemas/contributor";
import { tags, WHOLE_SITE } from "../cache/tags";
import type { PublicChange } from "../cache/changes";
import type { Db, DbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { conflict, notFound } from "../errors";
import { checkLibraryPhoto, freeAuthorSlug } from "./users";

// Contributors and agency credits: bylines without a newsroom account. Each has a public
// author page at /authors/<slug> (the address stays when the name changes) and appears in
// bylines, feeds and structured data beside the newsroom's own authors.

const contributorSelect = {
  id: true,
  kind: true,
  name: true,
  slug: true,
  bio: true,
  photoUrl: true,
  _count: { select: { credits: true } },
  merged: { select: { slug: true }, orderBy: { slug: "asc" } },
} as const satisfies Prisma.ContributorSelect;

export type ContributorRow = Prisma.ContributorGetPayload<{ select: typeof contributorSelect }>;

/** Everyone who can be put on a byline without an account: agencies first, then by name. */
export function listContributors(db: DbOrTx): Promise<ContributorRow[]> {
  return db.contributor.findMany({
    select: contributorSelect,
    orderBy: [{ kind: "desc" }, { name: "asc" }, { id: "asc" }],
  });
}

/** Two credits of one kind with the same name would be told apart by nobody. */
async function refuseNameClash(db: DbOrTx, fields: ContributorFields, id: string | null): Promise<void> {
  const clash = await db.contributor.findFirst({
    where: {
      kind: fields.kind,
      name: { equals: fields.name, mode: "insensitive" },
      ...(id ? { id: { not: id } } : {}),
    },
    select: { id: true },
  });
  if (clash) {
    const message = `There is already ${fields.kind === "AGENCY" ? "an agency credit" : "a contributor"} called “${fields.name}”`;
    throw conflict(`${message}.`, { name: [message] });
  }
}

export async function createContributor(db: DbOrTx, fields: ContributorFields): Promise<ContributorRow> {
  await checkLibraryPhoto(db, fields.photoUrl);
  await refuseNameClash(db, fields, null);
  return db.contributor.create({
    data: { ...fields, slug: await freeAuthorSlug(db, fields.name) },
    select: contributorSelect,
  });
}

/**
 * Changes a contributor. Their author page is refreshed; a new name or kind shows in every
 * byline that credits them, so the whole site is.
 */
export async function updateContributor(
  db: DbOrTx,
  input: ContributorFields & { id: string },
): Promise<{ contributor: ContributorRow; publicChange: PublicChange | null }> {
  const before = await db.contributor.findUnique({ where: { id: input.id }, select: contributorSelect });
  if (!before) throw notFound("That contributor");
  await checkLibraryPhoto(db, input.photoUrl);
  await refuseNameClash(db, input, input.id);
  const { id, ...fields } = input;
  const contributor = await db.contributor.update({ where: { id }, data: fields, select: contributorSelect });
  const bylines = before.name !== contributor.name || before.kind !== contributor.kind;
  const page = bylines || before.bio !== contributor.bio || before.photoUrl !== contributor.photoUrl;
  const publicChange =
    before._count.credits === 0 || !page
      ? null
      : bylines
        ? WHOLE_SITE
        : { tags: [tags.author(contributor.slug)], takedown: false };
  return { contributor, publicChange };
}

const stories = (n: number) => `${n} ${n === 1 ? "story" : "stories"}`;

/** The row locked for the rest of the transaction (a byline being saved waits), or NOT_FOUND. */
async function lockContributors(tx: Prisma.TransactionClient, ids: string[]) {
  // In a fixed order: two merges of the same pair run one after the other.
  const rows = await tx.$queryRaw<{ id: string; name: string; slug: string }[]>`
    SELECT id, name, slug FROM "Contributor" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound("That contributor");
    return row;
  });
}

/**
 * Deletes a contributor no story credits (one added by mistake). One on a byline, even a
 * draft's, is refused: merge it into another credit instead.
 */
export async function deleteContributor(db: Db, id: string): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    const [row] = await lockContributors(tx, [id]);
    if (!row) throw notFound("That contributor");
    const credits = await tx.articleContributor.count({ where: { contributorId: id } });
    if (credits > 0)
      throw conflict(
        `“${row.name}” is on the byline of ${stories(credits)}: merge it into another credit instead, or take it off those bylines first.`,
      );
    await tx.contributor.delete({ where: { id } });
    return { name: row.name };
  });
}

/**
 * Merges one contributor into another (a duplicate credit): every byline that credited it
 * credits the other in its place (once, where a story had both), its author page's address
 * and those merged into it before answer 301 to the other's page, and it is gone.
 */
export async function mergeContributors(
  db: Db,
  fromId: string,
  intoId: string,
): Promise<{ into: { id: string; name: string; slug: string }; moved: number; publicChange: PublicChange }> {
  return db.$transaction(async (tx) => {
    const [from, into] = await lockContributors(tx, [fromId, intoId]);
    if (!from || !into) throw notFound("That contributor");
    // In the other's place on each byline; a story crediting both keeps the earlier position.
    // (Counts one row per story that credited the merged one.)
    const moved = await tx.$executeRaw`
      INSERT INTO "ArticleContributor" ("articleId", "contributorId", position)
      SELECT "articleId", ${into.id}::uuid, position FROM "ArticleContributor" WHERE "contributorId" = ${from.id}::uuid
      ON CONFLICT ("articleId", "contributorId")
      DO UPDATE SET position = LEAST("ArticleContributor".position, EXCLUDED.position)`;
    await tx.articleContributor.deleteMany({ where: { contributorId: from.id } });
    await tx.mergedContributor.updateMany({ where: { intoId: from.id }, data: { intoId: into.id } });
    await tx.contributor.delete({ where: { id: from.id } });
    await tx.mergedContributor.create({ data: { id: from.id, slug: from.slug, intoId: into.id } });
    // Bylines change wherever the merged one was credited; otherwise only its old address.
    const publicChange: PublicChange = moved > 0 ? WHOLE_SITE : { tags: [tags.author(from.slug)], takedown: false };
    return { into: { id: into.id, name: into.name, slug: into.slug }, moved, publicChange };
  });
}

/** Where the author page of a merged contributor leads now, or null. */
export async function authorMovedTo(db: DbOrTx, slug: string): Promise<string | null> {
  const merged = await db.mergedContributor.findUnique({
    where: { slug },
    select: { into: { select: { slug: true } } },
  });
  return merged?.into.slug ?? null;
}

/** Ids of contributors merged into another, mapped to that other (for bylines saved with an old id). */
export async function mergedInto(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.mergedContributor.findMany({ where: { id: { in: ids } }, select: { id: true, intoId: true } });
  return new Map(rows.map((r) => [r.id, r.intoId]));
}
