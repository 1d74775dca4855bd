import { validateDocument } from "@/lib/content/validate";
import type { UpdateArticleInput } from "@/lib/schemas/article";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { slugify } from "@/lib/slug";
import { badRequest, conflict, forbidden } from "../errors";
import { canEdit } from "../workflow/machine";
import type { SessionUser } from "./users";
import { revisionContentSelect } from "./publishing";
import { lockArticle, type StepArticle, type WorkflowEnv } from "./workflow";

/** A new slug is allowed until the first publish, and must be free. */
async function checkSlug(tx: Prisma.TransactionClient, article: StepArticle, slug: string | undefined) {
  if (slug === undefined || slug === article.slug) return;
  if (article.publishedAt) {
    throw badRequest("The slug cannot change after the article has been published.", { slug: ["Published articles keep their address"] });
  }
  if (await tx.article.findUnique({ where: { slug }, select: { id: true } })) {
    throw conflict("Another article already uses that slug.", { slug: ["Another article already uses that slug"] });
  }
}

/** Bylines in the order given; every author must be an active newsroom account. */
async function replaceAuthors(tx: Prisma.TransactionClient, articleId: string, authorIds: string[]) {
  const unique = [...new Set(authorIds)];
  const found = await tx.user.count({ where: { id: { in: unique }, active: true } });
  if (found !== unique.length) throw badRequest("One of the authors is not an active newsroom account.", { authorIds: ["Choose authors from the list"] });
  await tx.articleAuthor.deleteMany({ where: { articleId } });
  await tx.articleAuthor.createMany({ data: unique.map((userId, position) => ({ articleId, userId, position })) });
}

/** Tags by name; new names become new tags. */
async function replaceTags(tx: Prisma.TransactionClient, articleId: string, names: string[]) {
  // The first spelling typed wins when two names make the same tag ("Cycling", "cycling ").
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, name.trim());
  }
  const tags = await Promise.all(
    [...bySlug].map(([slug, name]) => tx.tag.upsert({ where: { slug }, update: {}, create: { slug, name }, select: { id: true } })),
  );
  await tx.articleTag.deleteMany({ where: { articleId } });
  await tx.articleTag.createMany({ data: tags.map((tag) => ({ articleId, tagId: tag.id })) });
}

/**
 * Saves the working copy. Refused (and nothing stored) when the user may not edit in this
 * state, when someone saved in between (CONFLICT), or when the body fails validation.
 * After publishing, edits stay in the working copy until an editor publishes the update.
 */
export async function updateArticle(db: Db, actor: SessionUser, input: UpdateArticleInput, env: WorkflowEnv): Promise<{ version: number }> {
  const body = validateDocument(input.body);
  if (!body.ok) throw badRequest(body.error, { body: [body.error] });
  return db.$transaction(async (tx) => {
    const { article, workflowActor } = await lockArticle(tx, actor, input.id, input.version, env.timeZone);
    if (!canEdit(article, workflowActor)) {
      throw forbidden("This article is with the editors now: you can edit it again if it is sent back to you.");
    }
    if (input.sectionId && !(await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true } }))) {
      throw badRequest("That section does not exist.", { sectionId: ["Choose a section from the list"] });
    }
    await checkSlug(tx, article, input.slug);
    if (input.heroImageUrl) {
      const fileName = input.heroImageUrl.slice("/media/".length);
      if (!(await tx.media.findUnique({ where: { fileName }, select: { id: true } })) && input.heroImageUrl !== article.heroImageUrl) {
        throw badRequest("That image is not in the media library.", { heroImageUrl: ["Choose the hero image from the media library"] });
      }
    }
    if (input.authorIds) await replaceAuthors(tx, article.id, input.authorIds);
    if (input.tags) await replaceTags(tx, article.id, input.tags);
    const saved = await tx.article.update({
      where: { id: article.id },
      data: {
        headline: input.headline,
        standfirst: input.standfirst,
        sectionId: input.sectionId,
        body: body.document as unknown as Prisma.InputJsonObject,
        bodyText: body.text,
        heroImageCaption: input.heroImageCaption,
        heroImageCredit: input.heroImageCredit,
        heroImageAlt: input.heroImageAlt,
        ...(input.slug !== undefined ? { slug: input.slug } : {}),
        ...(input.heroImageUrl !== undefined ? { heroImageUrl: input.heroImageUrl } : {}),
        ...(input.seoTitle !== undefined ? { seoTitle: input.seoTitle || null } : {}),
        ...(input.seoDescription !== undefined ? { seoDescription: input.seoDescription || null } : {}),
        ...(input.targetWords !== undefined ? { targetWords: input.targetWords } : {}),
        version: { increment: 1 },
        updatedById: actor.id,
        ...(article.status === "PUBLISHED" || article.status === "UNPUBLISHED" ? { hasUnpublishedChanges: true } : {}),
      },
      select: { version: true, ...revisionContentSelect, bodyText: true },
    });
    const { version, ...content } = saved;
    await recordSave(tx, article.id, actor.id, content, env.now);
    return { version };
  });
}

/** One user's saves within this window share one revision. */
export const SAVE_COALESCE_MS = 5 * 60 * 1000;

/** Records an accepted save as a revision, folding rapid saves by the same user into one. */
async function recordSave(
  tx: Prisma.TransactionClient,
  articleId: string,
  userId: string,
  content: Prisma.ArticleGetPayload<{ select: typeof revisionContentSelect & { bodyText: true } }>,
  now: Date,
) {
  const data = { ...content, body: content.body as Prisma.InputJsonValue, updatedAt: now };
  const latest = await tx.articleRevision.findFirst({
    where: { articleId },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, createdById: true, createdAt: true },
  });
  if (latest?.kind === "SAVE" && latest.createdById === userId && now.getTime() - latest.createdAt.getTime() < SAVE_COALESCE_MS) {
    await tx.articleRevision.update({ where: { id: latest.id }, data });
  } else {
    await tx.articleRevision.create({ data: { ...data, kind: "SAVE", articleId, createdById: userId, createdAt: now } });
  }
}
