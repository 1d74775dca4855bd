import type { ContributorFields } from "@/lib/schemas/contributor";
import { tags, WHOLE_SITE } from "../cache/tags";
import type { PublicChange } from "../cache/changes";
import type { DbOrTx } from "../db/client";
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
