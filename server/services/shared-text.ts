import * as Y from "yjs";
import { readSharedDoc, seedSharedDoc } from "@/lib/content/shared-doc";
import { MAX_HEADLINE_LENGTH, MAX_STANDFIRST_LENGTH } from "@/lib/schemas/article";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { badRequest, forbidden } from "../errors";
import { canEdit } from "../workflow/machine";
import { recordSave } from "./article-edit";
import { revisionContentSelect } from "./publishing";
import type { SessionUser } from "./users";
import { lockArticleRow, readableBy, type WorkflowEnv } from "./workflow";

// The co-edited text of an article (lib/content/shared-doc.ts) kept with the article: seeded
// once from the working copy, and on every store turned back into the schema's JSON, validated
// exactly as a save is, and written as the working copy with a revision. Nothing unvalidated
// is ever stored as text; a shared document that does not validate is refused whole.

/**
 * The article's shared document as a Yjs update. The first call seeds it from the working
 * copy and keeps it; the row lock makes that happen exactly once, however many people (on
 * however many instances) open the article at the same moment.
 */
export async function openSharedText(db: Db, articleId: string): Promise<Uint8Array> {
  // Seeded already (every open but the first): read without taking the row lock, which
  // co-editing stores and saves of the same article wait for.
  const seeded = await db.article.findUnique({ where: { id: articleId }, select: { sharedState: true } });
  if (seeded?.sharedState) return new Uint8Array(seeded.sharedState);
  return db.$transaction(async (tx) => {
    await lockArticleRow(tx, articleId);
    const article = await tx.article.findUniqueOrThrow({
      where: { id: articleId },
      select: { sharedState: true, headline: true, standfirst: true, body: true },
    });
    if (article.sharedState) return new Uint8Array(article.sharedState);
    const doc = new Y.Doc();
    seedSharedDoc(doc, {
      headline: article.headline,
      standfirst: article.standfirst,
      body: article.body as unknown as Parameters<typeof seedSharedDoc>[1]["body"],
    });
    const state = Y.encodeStateAsUpdate(doc);
    // The text is unchanged: no new version, no revision.
    await tx.article.update({ where: { id: articleId }, data: { sharedState: Buffer.from(state) } });
    return state;
  });
}

/**
 * Stores the shared document `update` brought (merged into what is stored) as the working
 * copy, for `actor`, who must be allowed to edit the article now. Refused with nothing
 * stored when the result is not a valid article text.
 */
export async function storeSharedText(
  db: Db,
  actor: SessionUser,
  input: { articleId: string; update: Uint8Array },
  env: WorkflowEnv,
): Promise<{ version: number; changed: boolean }> {
  return db.$transaction(async (tx) => {
    await lockArticleRow(tx, input.articleId);
    const article = await tx.article.findUniqueOrThrow({
      where: { id: input.articleId },
      select: sharedDocArticleSelect,
    });
    const { workflowActor } = readableBy(article, actor);
    if (!canEdit(article, workflowActor)) throw forbidden("This article cannot be edited in its current state.");
    const doc = new Y.Doc();
    try {
      if (article.sharedState) Y.applyUpdate(doc, new Uint8Array(article.sharedState));
      Y.applyUpdate(doc, input.update);
    } catch {
      throw badRequest("That is not a document update.");
    }
    return storeSharedDoc(tx, article, doc, actor, env);
  });
}

/** The article columns storeSharedDoc needs (read under the row lock). */
export const sharedDocArticleSelect = {
  ...revisionContentSelect,
  id: true,
  bodyText: true,
  status: true,
  version: true,
  sharedState: true,
  authors: { select: { userId: true } },
} as const;

/**
 * Stores the shared document `doc` as the article's working copy, validated exactly as a save
 * is: the text with a revision (for `actor`) when it changed, the shared state in any case.
 * Refused with nothing stored when the result is not a valid article text. The caller holds
 * the row lock and has checked that `actor` may edit.
 */
export async function storeSharedDoc(
  tx: Prisma.TransactionClient,
  article: Prisma.ArticleGetPayload<{ select: typeof sharedDocArticleSelect }>,
  doc: Y.Doc,
  actor: SessionUser,
  env: WorkflowEnv,
): Promise<{ version: number; changed: boolean }> {
  const read = readSharedDoc(doc);
  if (!read.ok) throw badRequest(read.error);
  if (read.headline.length > MAX_HEADLINE_LENGTH)
    throw badRequest(`The headline is longer than ${MAX_HEADLINE_LENGTH} characters.`);
  if (read.standfirst.length > MAX_STANDFIRST_LENGTH)
    throw badRequest(`The standfirst is longer than ${MAX_STANDFIRST_LENGTH} characters.`);
  const state = Buffer.from(Y.encodeStateAsUpdate(doc));
  const body = read.body.document as unknown as Prisma.InputJsonObject;
  const changed =
    read.headline !== article.headline ||
    read.standfirst !== article.standfirst ||
    JSON.stringify(read.body.document) !== JSON.stringify(article.body);
  if (!changed) {
    await tx.article.update({ where: { id: article.id }, data: { sharedState: state } });
    return { version: article.version, changed };
  }
  const saved = await tx.article.update({
    where: { id: article.id },
    data: {
      headline: read.headline,
      standfirst: read.standfirst,
      body,
      bodyText: read.body.text,
      sharedState: state,
      version: { increment: 1 },
      textVersion: article.version + 1,
      updatedById: actor.id,
      ...(article.status === "PUBLISHED" || article.status === "UNPUBLISHED" ? { hasUnpublishedChanges: true } : {}),
    },
    select: { ...revisionContentSelect, body: false, version: true },
  });
  const { version, ...content } = saved;
  await recordSave(tx, article.id, actor.id, { ...content, body, bodyText: read.body.text }, env.now);
  return { version, changed };
}

/**
 * The shared document for someone about to edit the article (the workspace starts from it, so
 * the text is co-edited from the first keystroke): seeded if need be. Only for who may edit it.
 */
export async function sharedTextFor(db: Db, actor: SessionUser, articleId: string): Promise<string> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { status: true, authors: { select: { userId: true } } },
  });
  const { workflowActor } = readableBy(article, actor);
  if (article && !canEdit(article, workflowActor))
    throw forbidden("This article cannot be edited in its current state.");
  return Buffer.from(await openSharedText(db, articleId)).toString("base64");
}
