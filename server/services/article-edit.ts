import type { PublicChange } from "../cache/changes";
import { storyChange, storyFootprint } from "../cache/tags";
import * as Y from "yjs";
import type { ContentDocument } from "@/lib/content/document";
import { writeSharedDoc, type SharedText } from "@/lib/content/shared-doc";
import { listSuggestions } from "@/lib/content/suggestions";
import { validateDocument } from "@/lib/content/validate";
import type { UpdateArticleInput } from "@/lib/schemas/article";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { badRequest, conflict, forbidden } from "../errors";
import { announceStoredText } from "../collab/relay-channel";
import { canEdit } from "../workflow/machine";
import type { SessionUser } from "./users";
import { revisionContentSelect } from "./publishing";
import { saveChangesNothing } from "./article-unchanged";
import { mergedInto } from "./contributors";
import { sectionRefusal } from "./sections";
import { tagIdsFor } from "./tags";
import { lockArticle, lockArticleRow, type LockedArticle, type WorkflowEnv } from "./workflow";
import { writeSideStep } from "./workflow-write";

/** No other article uses the slug, now or as an old address. */
async function assertSlugFree(tx: Prisma.TransactionClient, articleId: string, slug: string) {
  const [article, redirect] = await Promise.all([
    tx.article.findUnique({ where: { slug }, select: { id: true } }),
    tx.articleSlugRedirect.findUnique({ where: { slug }, select: { articleId: true } }),
  ]);
  if ((article && article.id !== articleId) || (redirect && redirect.articleId !== articleId)) {
    throw conflict("Another article already uses that slug.", { slug: ["Another article already uses that slug"] });
  }
}

/** Saves change the slug only before the first publish; after it, see changePublishedSlug. */
async function checkSlug(tx: Prisma.TransactionClient, article: LockedArticle, slug: string | undefined) {
  if (slug === undefined || slug === article.slug) return;
  if (article.publishedAt) {
    throw badRequest("A published article's address is changed with “Change address”, not by saving.", {
      slug: ["Use “Change address” for a published article"],
    });
  }
  await assertSlugFree(tx, article.id, slug);
}

/**
 * Gives a published (or unpublished) article a new address. The old one is kept as a redirect,
 * so every earlier link answers 301 to the new address; nothing else about the article changes.
 */
export async function changePublishedSlug(
  db: Db,
  actor: SessionUser,
  input: { id: string; version: number; slug: string },
  env: WorkflowEnv,
): Promise<{ version: number; slug: string; live: boolean }> {
  return db.$transaction(async (tx) => {
    const { article, workflowActor } = await lockArticle(tx, actor, input.id, input.version, env.timeZone);
    if (!canEdit(article, workflowActor))
      throw forbidden("You cannot change this article's address in its current state.");
    const live = article.status === "PUBLISHED";
    if (input.slug === article.slug) return { version: article.version, slug: article.slug, live };
    await assertSlugFree(tx, article.id, input.slug);
    // Going back to an earlier address: it is the live one again, no longer a redirect.
    await tx.articleSlugRedirect.deleteMany({ where: { slug: input.slug, articleId: article.id } });
    if (article.publishedAt)
      await tx.articleSlugRedirect.create({ data: { slug: article.slug, articleId: article.id } });
    const saved = await tx.article.update({
      where: { id: article.id },
      data: {
        slug: input.slug,
        version: { increment: 1 },
        detailsVersion: article.version + 1,
        updatedById: actor.id,
      },
      select: { version: true, slug: true },
    });
    await writeSideStep(tx, {
      articleId: article.id,
      action: "CHANGE_ADDRESS",
      status: article.status,
      actor,
      note: `/articles/${article.slug} → /articles/${input.slug}`,
      now: env.now,
      headline: article.headline,
    });
    return { ...saved, live };
  });
}

/** Pins a live story as the home page's lead (the latest pin wins), or unpins it. Editors only (checked by the procedure). */
export async function setPinned(
  db: Db,
  actor: SessionUser,
  input: { id: string; pinned: boolean },
  env: WorkflowEnv,
): Promise<{ pinned: boolean }> {
  return db.$transaction(async (tx) => {
    await lockArticleRow(tx, input.id);
    const article = await tx.article.findUniqueOrThrow({
      where: { id: input.id },
      select: { status: true, pinnedAt: true, headline: true },
    });
    if (input.pinned && article.status !== "PUBLISHED")
      throw badRequest("Only a published story can lead the home page.");
    await tx.article.update({ where: { id: input.id }, data: { pinnedAt: input.pinned ? env.now : null } });
    // Pinning again moves the story back to the top: recorded too. Unpinning an unpinned one is not.
    if (input.pinned || article.pinnedAt)
      await writeSideStep(tx, {
        articleId: input.id,
        action: input.pinned ? "PIN" : "UNPIN",
        status: article.status,
        actor,
        note: null,
        now: env.now,
        headline: article.headline,
      });
    return { pinned: input.pinned };
  });
}

/**
 * The byline in the order given: each name an active newsroom account or a contributor
 * (agency credits too); both kept in one numbering of positions.
 */
async function replaceByline(tx: Prisma.TransactionClient, articleId: string, authorIds: string[]) {
  // A workspace opened before a merge still names the merged contributor: it means the other.
  const merged = await mergedInto(tx, authorIds);
  const unique = [...new Set(authorIds.map((id) => merged.get(id) ?? id))];
  const [users, contributors] = await Promise.all([
    tx.user.findMany({ where: { id: { in: unique }, active: true }, select: { id: true } }),
    tx.contributor.findMany({ where: { id: { in: unique } }, select: { id: true } }),
  ]);
  if (users.length + contributors.length !== unique.length)
    throw badRequest("One of the authors is neither an active newsroom account nor a contributor.", {
      authorIds: ["Choose authors from the list"],
    });
  const accounts = new Set(users.map((u) => u.id));
  const placed = unique.map((id, position) => ({ id, position }));
  await tx.articleAuthor.deleteMany({ where: { articleId } });
  await tx.articleContributor.deleteMany({ where: { articleId } });
  await tx.articleAuthor.createMany({
    data: placed.filter((p) => accounts.has(p.id)).map((p) => ({ articleId, userId: p.id, position: p.position })),
  });
  await tx.articleContributor.createMany({
    data: placed
      .filter((p) => !accounts.has(p.id))
      .map((p) => ({ articleId, contributorId: p.id, position: p.position })),
  });
}

/** Tags by name; new names become new tags, old names of renamed or merged tags their tag. */
async function replaceTags(tx: Prisma.TransactionClient, articleId: string, names: string[]) {
  const tagIds = await tagIdsFor(tx, names);
  await tx.articleTag.deleteMany({ where: { articleId } });
  await tx.articleTag.createMany({ data: tagIds.map((tagId) => ({ articleId, tagId })) });
}

/**
 * Saves the working copy. Refused (and nothing stored) when the user may not edit in this
 * state, when someone saved in between (CONFLICT), or when the body fails validation.
 * After publishing, edits stay in the working copy until an editor publishes the update.
 */
/**
 * A body saved through the form (no co-editing connection) may keep others' suggestions but
 * add suggestions only in the saver's own name, as the co-editing server insists too.
 */
async function checkSuggestionAuthors(
  tx: Prisma.TransactionClient,
  articleId: string,
  actor: SessionUser,
  document: ContentDocument,
) {
  const others = listSuggestions(document).filter((s) => s.authorId !== actor.id);
  if (others.length === 0) return;
  const stored = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } });
  const known = new Set(listSuggestions(stored.body as unknown as ContentDocument).map((s) => s.id));
  if (others.some((s) => !known.has(s.id))) {
    const message = "A suggestion can only be made in your own name.";
    throw badRequest(message, { body: [message] });
  }
}

/**
 * What readers see of a live story straight from the article (section, language, bylines,
 * tags, search and share texts); everything else comes from its live revision and changes only when an
 * editor publishes the update.
 */
async function readerVisibleFields(tx: Prisma.TransactionClient, articleId: string): Promise<string> {
  const row = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      sectionId: true,
      language: true,
      seoTitle: true,
      seoDescription: true,
      authors: { select: { userId: true, position: true }, orderBy: { position: "asc" } },
      contributors: { select: { contributorId: true, position: true }, orderBy: { position: "asc" } },
      tags: { select: { tagId: true }, orderBy: { tagId: "asc" } },
    },
  });
  return JSON.stringify(row);
}

export async function updateArticle(
  db: Db,
  actor: SessionUser,
  input: UpdateArticleInput,
  env: WorkflowEnv,
): Promise<{ version: number; publicChange: PublicChange | null }> {
  // Co-editing: the text comes through the shared document, so this save leaves it alone.
  const text = input.sharedText ? null : { headline: input.headline, standfirst: input.standfirst, body: input.body };
  const body = text ? validateDocument(text.body) : null;
  if (body && !body.ok) throw badRequest(body.error, { body: [body.error] });
  return db.$transaction(async (tx) => {
    const { article, workflowActor, alreadySaved } = await lockArticle(
      tx,
      actor,
      input.id,
      input.version,
      env.timeZone,
      text ? "save" : "details",
      (current) => saveChangesNothing(tx, current.id, input, body?.ok ? body.document : null),
    );
    if (!canEdit(article, workflowActor)) {
      throw forbidden("This article is with the editors now: you can edit it again if it is sent back to you.");
    }
    // Sent again on an older version, changing nothing: the article as it is, nothing written.
    if (alreadySaved) return { version: article.version, publicChange: null };
    if (body?.ok) await checkSuggestionAuthors(tx, article.id, actor, body.document);
    const sectionProblem = await sectionRefusal(tx, input.sectionId, article.sectionId);
    if (sectionProblem) throw badRequest(`${sectionProblem}.`, { sectionId: [sectionProblem] });
    await checkSlug(tx, article, input.slug);
    const live = article.status === "PUBLISHED";
    const [readersSaw, before] = live
      ? await Promise.all([readerVisibleFields(tx, article.id), storyFootprint(tx, article.id)])
      : [null, null];
    if (input.heroImageUrl) {
      const fileName = input.heroImageUrl.slice("/media/".length);
      if (
        !(await tx.media.findUnique({ where: { fileName }, select: { id: true } })) &&
        input.heroImageUrl !== article.heroImageUrl
      ) {
        throw badRequest("That image is not in the media library.", {
          heroImageUrl: ["Choose the hero image from the media library"],
        });
      }
    }
    if (input.authorIds) await replaceByline(tx, article.id, input.authorIds);
    if (input.tags) await replaceTags(tx, article.id, input.tags);
    const saved = await tx.article.update({
      where: { id: article.id },
      data: {
        ...(text && body?.ok
          ? {
              headline: text.headline,
              standfirst: text.standfirst,
              body: body.document as unknown as Prisma.InputJsonObject,
              bodyText: body.text,
            }
          : {}),
        sectionId: input.sectionId,
        heroImageCaption: input.heroImageCaption,
        heroImageCredit: input.heroImageCredit,
        heroImageAlt: input.heroImageAlt,
        ...(input.slug !== undefined ? { slug: input.slug } : {}),
        ...(input.heroImageUrl !== undefined ? { heroImageUrl: input.heroImageUrl } : {}),
        ...(input.seoTitle !== undefined ? { seoTitle: input.seoTitle || null } : {}),
        ...(input.seoDescription !== undefined ? { seoDescription: input.seoDescription || null } : {}),
        ...(input.targetWords !== undefined ? { targetWords: input.targetWords } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
        version: { increment: 1 },
        detailsVersion: article.version + 1,
        ...(text ? { textVersion: article.version + 1 } : {}),
        updatedById: actor.id,
        ...(article.status === "PUBLISHED" || article.status === "UNPUBLISHED" ? { hasUnpublishedChanges: true } : {}),
      },
      // The body is the document just validated: not read back from the database (unless the
      // text is co-edited, when it is what the shared document last stored).
      // sharedState comes back too: a save outside co-editing keeps the shared text in step.
      select: { ...revisionContentSelect, version: true, body: !text, bodyText: true, sharedState: true },
    });
    const { version, sharedState, body: storedBody, bodyText, ...content } = saved;
    const savedBody = body?.ok ? body : { document: storedBody as unknown as ContentDocument, text: bodyText };
    if (text)
      await keepSharedTextInStep(
        tx,
        article.id,
        { headline: saved.headline, standfirst: saved.standfirst, body: savedBody.document },
        sharedState,
      );
    await recordSave(
      tx,
      article.id,
      actor.id,
      { ...content, body: savedBody.document as unknown as Prisma.InputJsonObject, bodyText: savedBody.text },
      env.now,
    );
    // Section, bylines, tags and share texts of a live story show on the public site at once;
    // the rest of a save stays in the working copy.
    const changed = before !== null && readersSaw !== (await readerVisibleFields(tx, article.id));
    return {
      version,
      publicChange: changed ? storyChange([before], [await storyFootprint(tx, article.id)], false) : null,
    };
  });
}

/**
 * A save outside co-editing, on an article that has a shared document: the shared document is
 * brought to the saved text as the smallest edit, so co-editors' next store merges with it
 * rather than putting the older text back.
 */
export async function keepSharedTextInStep(
  tx: Prisma.TransactionClient,
  articleId: string,
  text: SharedText,
  /** The stored shared document when the caller has it already (undefined: read it). */
  known?: Uint8Array | null,
) {
  const state =
    known !== undefined
      ? known
      : (await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { sharedState: true } })).sharedState;
  if (!state) return;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(state));
  writeSharedDoc(doc, text);
  await tx.article.update({ where: { id: articleId }, data: { sharedState: Buffer.from(Y.encodeStateAsUpdate(doc)) } });
  // Whoever has the article open in co-editing gets the change (when this transaction commits).
  await announceStoredText(tx, articleId);
}

/** One user's saves within this window share one revision. */
export const SAVE_COALESCE_MS = 5 * 60 * 1000;

/** Records an accepted save as a revision, folding rapid saves by the same user into one. */
export async function recordSave(
  tx: Prisma.TransactionClient,
  articleId: string,
  userId: string,
  content: Omit<Prisma.ArticleGetPayload<{ select: typeof revisionContentSelect & { bodyText: true } }>, "body"> & {
    body: Prisma.InputJsonObject;
  },
  now: Date,
) {
  const data = { ...content, updatedAt: now };
  const latest = await tx.articleRevision.findFirst({
    where: { articleId },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, createdById: true, createdAt: true },
  });
  if (
    latest?.kind === "SAVE" &&
    latest.createdById === userId &&
    now.getTime() - latest.createdAt.getTime() < SAVE_COALESCE_MS
  ) {
    await tx.articleRevision.update({ where: { id: latest.id }, data });
  } else {
    await tx.articleRevision.create({
      data: { ...data, kind: "SAVE", articleId, createdById: userId, createdAt: now },
    });
  }
}
