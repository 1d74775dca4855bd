import { canonicalJson } from "@/lib/canonical-json";
import type { ContentDocument } from "@/lib/content/document";
import type { UpdateArticleInput } from "@/lib/schemas/article";
import { tagsBySlug } from "@/lib/slugify";
import type { Prisma } from "../db/generated/client";

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((item) => b.has(item));

/**
 * Whether saving `input` would leave the article exactly as it is: every field the save carries
 * has that value already (the text too, when `body` is given). Such a save on an older version
 * replaces nobody's work, so it is no conflict: a save sent again because its answer was lost,
 * or sent again from this device's copy after a reload overtook it.
 */
export async function saveChangesNothing(
  tx: Prisma.TransactionClient,
  articleId: string,
  input: UpdateArticleInput,
  body: ContentDocument | null,
): Promise<boolean> {
  const stored = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      headline: true,
      standfirst: true,
      body: body !== null,
      sectionId: true,
      heroImageCaption: true,
      heroImageCredit: true,
      heroImageAlt: true,
      heroImageUrl: true,
      slug: true,
      seoTitle: true,
      seoDescription: true,
      targetWords: true,
      language: true,
      authors: { select: { position: true, userId: true }, orderBy: { position: "asc" } },
      contributors: { select: { position: true, contributorId: true }, orderBy: { position: "asc" } },
      tags: { select: { tag: { select: { slug: true } } } },
    },
  });
  if (
    stored.sectionId !== input.sectionId ||
    stored.heroImageCaption !== input.heroImageCaption ||
    stored.heroImageCredit !== input.heroImageCredit ||
    stored.heroImageAlt !== input.heroImageAlt
  )
    return false;
  if (input.heroImageUrl !== undefined && input.heroImageUrl !== stored.heroImageUrl) return false;
  if (input.slug !== undefined && input.slug !== stored.slug) return false;
  if (input.seoTitle !== undefined && (input.seoTitle || null) !== stored.seoTitle) return false;
  if (input.seoDescription !== undefined && (input.seoDescription || null) !== stored.seoDescription) return false;
  if (input.targetWords !== undefined && input.targetWords !== stored.targetWords) return false;
  if (input.language !== undefined && input.language !== stored.language) return false;
  const byline = [
    ...stored.authors.map((a) => ({ position: a.position, id: a.userId })),
    ...stored.contributors.map((c) => ({ position: c.position, id: c.contributorId })),
  ].sort((a, b) => a.position - b.position);
  if (input.authorIds && [...new Set(input.authorIds)].join() !== byline.map((a) => a.id).join()) return false;
  if (input.tags) {
    const { bySlug, unusable } = tagsBySlug(input.tags);
    // A name that cannot be a tag is refused by the save, never passed over as "no change".
    if (unusable.length > 0 || !sameSet(new Set(bySlug.keys()), new Set(stored.tags.map((t) => t.tag.slug))))
      return false;
  }
  if (input.sharedText || body === null) return true;
  return (
    input.headline === stored.headline &&
    input.standfirst === stored.standfirst &&
    canonicalJson(body) === canonicalJson(stored.body)
  );
}
