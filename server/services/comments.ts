import * as Y from "yjs";
import { SHARED } from "@/lib/content/shared-doc";
import type { OpenThreadInput } from "@/lib/schemas/comment";
import { can } from "../auth/permissions";
import type { Db, DbOrTx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { badRequest, forbidden, notFound } from "../errors";
import { addMailJob, mailEnabled } from "../mail/outbox";
import { absoluteUrl } from "../site";
import { openSharedText } from "./shared-text";
import type { SessionUser } from "./users";
import { readableBy, type WorkflowEnv } from "./workflow";
import { writeSideStep } from "./workflow-write";

// Comment threads on an article's text. They live here, not in the shared document: whoever
// may read the article may comment and reply; only a comment's author may change or delete it;
// the thread's opener and the editors may resolve or reopen it. Mentioned people are told (in
// the app, and by email if they asked). Nothing here reaches a public page or feed.

type Tx = Prisma.TransactionClient;

const threadSelect = {
  id: true,
  anchorStart: true,
  anchorEnd: true,
  quote: true,
  createdAt: true,
  resolvedAt: true,
  createdBy: { select: { id: true, displayName: true } },
  resolvedBy: { select: { displayName: true } },
  comments: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      body: true,
      mentions: true,
      createdAt: true,
      editedAt: true,
      deletedAt: true,
      author: { select: { id: true, displayName: true } },
    },
  },
} as const satisfies Prisma.CommentThreadSelect;

export interface CommentThreadView {
  id: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  createdAt: Date;
  resolvedAt: Date | null;
  createdBy: { id: string; displayName: string };
  resolvedBy: { displayName: string } | null;
  comments: {
    id: string;
    body: string | null;
    mentions: string[];
    createdAt: Date;
    editedAt: Date | null;
    deletedAt: Date | null;
    author: { id: string; displayName: string };
  }[];
}

function view(thread: Prisma.CommentThreadGetPayload<{ select: typeof threadSelect }>): CommentThreadView {
  return {
    ...thread,
    anchorStart: Buffer.from(thread.anchorStart).toString("base64"),
    anchorEnd: Buffer.from(thread.anchorEnd).toString("base64"),
  };
}

/** The article, for someone who may read it (NOT_FOUND otherwise, as for a missing one). */
async function readableArticle(db: DbOrTx, actor: SessionUser, articleId: string) {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, status: true, headline: true, authors: { select: { userId: true } } },
  });
  return readableBy(article, actor).article;
}

async function threadFor(db: DbOrTx, actor: SessionUser, threadId: string) {
  const thread = await db.commentThread.findUnique({
    where: { id: threadId },
    select: { id: true, articleId: true, createdById: true, quote: true, resolvedAt: true },
  });
  if (!thread) throw notFound("That comment thread");
  const article = await readableArticle(db, actor, thread.articleId).catch(() => {
    throw notFound("That comment thread");
  });
  return { thread, article };
}

/** Whether `type` is the shared body or inside it. */
function inBody(type: Y.AbstractType<unknown>, body: Y.XmlFragment): boolean {
  for (let current: Y.AbstractType<unknown> | null = type; current;) {
    if (current === body) return true;
    const parent: unknown = current._item?.parent;
    current = parent instanceof Y.AbstractType ? (parent as Y.AbstractType<unknown>) : null;
  }
  return false;
}

/** An encoded relative position that points into the article's shared body, or BAD_REQUEST. */
function decodeAnchor(text: string, doc: Y.Doc): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(Buffer.from(text, "base64"));
  try {
    const absolute = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(bytes), doc);
    if (absolute && inBody(absolute.type, doc.getXmlFragment(SHARED.body))) return bytes;
  } catch {
    // Not a relative position at all: refused below.
  }
  throw badRequest("That is not a place in the story's text.");
}

/** Every mentioned person must be an active account who may open the story. */
async function checkMentions(
  tx: Tx,
  article: { authors: { userId: string }[] },
  mentions: string[],
): Promise<string[]> {
  const unique = [...new Set(mentions)];
  if (unique.length === 0) return unique;
  const people = await tx.user.findMany({
    where: { id: { in: unique }, active: true },
    select: { id: true, role: true, displayName: true },
  });
  if (people.length !== unique.length) throw badRequest("Mention people from the newsroom's list.");
  const outside = people.find(
    (person) => !can(person.role, "article.readAll") && !article.authors.some((a) => a.userId === person.id),
  );
  if (outside)
    throw badRequest(
      `${outside.displayName} cannot open this story: add them to the byline first, or mention an editor.`,
    );
  return unique;
}

/** Tells the mentioned people (not the writer of the comment), in the app and by email if asked. */
async function notifyMentions(
  tx: Tx,
  input: { articleId: string; actor: SessionUser; userIds: string[]; headline: string; body: string; now: Date },
) {
  const others = input.userIds.filter((id) => id !== input.actor.id);
  if (others.length === 0) return;
  const excerpt = input.body.length > 200 ? `${input.body.slice(0, 199)}…` : input.body;
  const message = `${input.actor.displayName} mentioned you in a comment on “${input.headline}”: ${excerpt}`;
  const mail = mailEnabled();
  await tx.$queryRaw`
    WITH notices AS (
      INSERT INTO "Notification" (id, "userId", "articleId", action, "actorId", message, "createdAt")
      SELECT gen_random_uuid(), u.id, ${input.articleId}::uuid, 'MENTION'::"WorkflowAction", ${input.actor.id}::uuid, ${message}, ${input.now}
      FROM "User" u WHERE u.id = ANY(${others}::uuid[]) AND u.active
      RETURNING "userId"
    ), mails AS (
      INSERT INTO "OutgoingMail" (id, "to", subject, text, kind, status, "createdAt")
      SELECT gen_random_uuid(), u.email, ${`Masthead: ${message.slice(0, 150)}`},
        ${message} || E'\n\nOpen it: ' || ${absoluteUrl(`/newsroom/articles/${input.articleId}`)}
          || E'\n\nYou get this because you asked for these emails on your account page: ' || ${absoluteUrl("/newsroom/account")},
        'notification', ${mail ? "QUEUED" : "NOT_SENT"}::"MailStatus", ${input.now}
      FROM notices n JOIN "User" u ON u.id = n."userId"
      WHERE 'MENTION'::"WorkflowAction" = ANY(u."mailActions")
      RETURNING id
    ), jobs AS (
      SELECT ${addMailJob(Prisma.sql`m.id`)} FROM mails m WHERE ${mail}
    )
    SELECT (SELECT count(*) FROM jobs)::int AS jobs`;
}

const excerptOf = (quote: string) => (quote.length > 120 ? `${quote.slice(0, 119)}…` : quote);

export async function listThreads(db: DbOrTx, actor: SessionUser, articleId: string): Promise<CommentThreadView[]> {
  await readableArticle(db, actor, articleId);
  const threads = await db.commentThread.findMany({
    where: { articleId },
    orderBy: { createdAt: "asc" },
    select: threadSelect,
  });
  return threads.map(view);
}

export async function openThread(
  db: Db,
  actor: SessionUser,
  input: OpenThreadInput,
  env: WorkflowEnv,
): Promise<CommentThreadView> {
  // The anchors must point into this story's text (as it is shared now).
  await readableArticle(db, actor, input.articleId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await openSharedText(db, input.articleId));
  const anchorStart = decodeAnchor(input.anchorStart, doc);
  const anchorEnd = decodeAnchor(input.anchorEnd, doc);
  return db.$transaction(async (tx) => {
    const article = await readableArticle(tx, actor, input.articleId);
    const mentions = await checkMentions(tx, article, input.mentions);
    const thread = await tx.commentThread.create({
      data: {
        articleId: article.id,
        anchorStart,
        anchorEnd,
        quote: input.quote,
        createdById: actor.id,
        createdAt: env.now,
        comments: { create: { authorId: actor.id, body: input.body, mentions, createdAt: env.now } },
      },
      select: threadSelect,
    });
    await writeSideStep(tx, {
      articleId: article.id,
      action: "COMMENT_OPENED",
      status: article.status,
      actor,
      note: `On “${excerptOf(input.quote)}”`,
      now: env.now,
      headline: article.headline,
    });
    await notifyMentions(tx, {
      articleId: article.id,
      actor,
      userIds: mentions,
      headline: article.headline,
      body: input.body,
      now: env.now,
    });
    return view(thread);
  });
}

export async function replyToThread(
  db: Db,
  actor: SessionUser,
  input: { threadId: string; body: string; mentions: string[] },
  env: WorkflowEnv,
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const { thread, article } = await threadFor(tx, actor, input.threadId);
    const mentions = await checkMentions(tx, article, input.mentions);
    const comment = await tx.comment.create({
      data: { threadId: thread.id, authorId: actor.id, body: input.body, mentions, createdAt: env.now },
      select: { id: true },
    });
    await notifyMentions(tx, {
      articleId: article.id,
      actor,
      userIds: mentions,
      headline: article.headline,
      body: input.body,
      now: env.now,
    });
    return comment;
  });
}

async function ownComment(tx: Tx, actor: SessionUser, commentId: string) {
  const comment = await tx.comment.findUnique({
    where: { id: commentId },
    select: { id: true, authorId: true, threadId: true, mentions: true, deletedAt: true },
  });
  if (!comment) throw notFound("That comment");
  const { article } = await threadFor(tx, actor, comment.threadId).catch(() => {
    throw notFound("That comment");
  });
  if (comment.authorId !== actor.id) throw forbidden("Only the person who wrote a comment can change or delete it.");
  if (comment.deletedAt) throw badRequest("That comment was deleted.");
  return { comment, article };
}

export async function editComment(
  db: Db,
  actor: SessionUser,
  input: { commentId: string; body: string; mentions: string[] },
  env: WorkflowEnv,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const { comment, article } = await ownComment(tx, actor, input.commentId);
    const mentions = await checkMentions(tx, article, input.mentions);
    await tx.comment.update({ where: { id: comment.id }, data: { body: input.body, mentions, editedAt: env.now } });
    // Only people newly mentioned are told.
    await notifyMentions(tx, {
      articleId: article.id,
      actor,
      userIds: mentions.filter((id) => !comment.mentions.includes(id)),
      headline: article.headline,
      body: input.body,
      now: env.now,
    });
  });
}

export async function deleteComment(
  db: Db,
  actor: SessionUser,
  input: { commentId: string },
  env: WorkflowEnv,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const { comment } = await ownComment(tx, actor, input.commentId);
    await tx.comment.update({ where: { id: comment.id }, data: { body: null, mentions: [], deletedAt: env.now } });
  });
}

export async function setThreadResolved(
  db: Db,
  actor: SessionUser,
  input: { threadId: string; resolved: boolean },
  env: WorkflowEnv,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const { thread, article } = await threadFor(tx, actor, input.threadId);
    if (thread.createdById !== actor.id && !can(actor.role, "article.readAll"))
      throw forbidden("Only whoever opened the thread, or an editor, can resolve or reopen it.");
    if ((thread.resolvedAt !== null) === input.resolved) return;
    await tx.commentThread.update({
      where: { id: thread.id },
      data: input.resolved ? { resolvedAt: env.now, resolvedById: actor.id } : { resolvedAt: null, resolvedById: null },
    });
    await writeSideStep(tx, {
      articleId: article.id,
      action: input.resolved ? "COMMENT_RESOLVED" : "COMMENT_OPENED",
      status: article.status,
      actor,
      note: `${input.resolved ? "" : "Reopened: "}On “${excerptOf(thread.quote)}”`,
      now: env.now,
      headline: article.headline,
    });
  });
}
