import type { ContentDocument } from "@/lib/content/document";
import { validateDocument } from "@/lib/content/validate";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { tags } from "../cache/tags";
import type { PublicChange } from "../cache/changes";
import { canEdit } from "../workflow/machine";
import { lockArticleRow, readableBy } from "./workflow";
import type { SessionUser } from "./users";

// Live blogs: entries added, edited, deleted and pinned by whoever may edit the story (editors;
// a writer while the blog is their draft: adding an entry to a live blog is publishing). Every
// change is on record (LiveEntryRevision). A change to a live blog that readers see refreshes
// only its page and its feed (its address's tag): the rest of the site does not show entries.

export interface LiveEntryView {
  id: string;
  version: number;
  body: ContentDocument;
  keyEvent: string | null;
  pinned: boolean;
  author: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const entrySelect = {
  id: true,
  version: true,
  body: true,
  keyEvent: true,
  pinnedAt: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { displayName: true } },
} as const satisfies Prisma.LiveEntrySelect;

function toView(row: Prisma.LiveEntryGetPayload<{ select: typeof entrySelect }>): LiveEntryView {
  return {
    id: row.id,
    version: row.version,
    body: row.body as unknown as ContentDocument,
    keyEvent: row.keyEvent,
    pinned: row.pinnedAt !== null,
    author: row.author?.displayName ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Locks the live blog for the change and checks who may make it; what a reader-visible change refreshes. */
async function editableBlog(tx: Prisma.TransactionClient, actor: SessionUser, articleId: string, adding = false) {
  await lockArticleRow(tx, articleId);
  const { article, workflowActor } = readableBy(
    await tx.article.findUnique({
      where: { id: articleId },
      select: {
        id: true,
        slug: true,
        kind: true,
        status: true,
        coverageEndedAt: true,
        authors: { select: { userId: true } },
      },
    }),
    actor,
  );
  if (article.kind !== "LIVE") throw badRequest("This story is not a live blog: it has no entries.");
  if (!canEdit(article, workflowActor))
    throw forbidden("Only editors add to a live blog once it is with them or live: adding an entry publishes it.");
  if (adding && article.coverageEndedAt)
    throw conflict("Coverage of this live blog has ended: it takes no more entries.");
  const change: PublicChange | null =
    article.status === "PUBLISHED" ? { tags: [tags.article(article.slug)], takedown: false } : null;
  return { article, change };
}

function checkedBody(body: unknown): { document: ContentDocument; text: string } {
  const checked = validateDocument(body);
  if (!checked.ok) throw badRequest(checked.error, { body: [checked.error] });
  if (!checked.text.trim()) throw badRequest("Write something in the entry first.", { body: ["The entry is empty"] });
  return { document: checked.document, text: checked.text };
}

const json = (document: ContentDocument) => document as unknown as Prisma.InputJsonObject;

/** An entry's words as stored, with the revision that puts them on record. */
function written(
  action: "ADDED" | "EDITED",
  document: ContentDocument,
  text: string,
  keyEvent: string | null,
  actor: SessionUser,
  now: Date,
) {
  return {
    body: json(document),
    bodyText: text,
    keyEvent,
    updatedAt: now,
    revisions: { create: { action, body: json(document), keyEvent, editorId: actor.id, createdAt: now } },
  };
}

export async function addLiveEntry(
  db: Db,
  actor: SessionUser,
  input: { articleId: string; body: unknown; keyEvent: string | null },
  now: Date,
): Promise<{ entry: LiveEntryView; publicChange: PublicChange | null }> {
  const { document, text } = checkedBody(input.body);
  return db.$transaction(async (tx) => {
    const { change } = await editableBlog(tx, actor, input.articleId, true);
    const row = await tx.liveEntry.create({
      data: {
        articleId: input.articleId,
        authorId: actor.id,
        createdAt: now,
        ...written("ADDED", document, text, input.keyEvent, actor, now),
      },
      select: entrySelect,
    });
    return { entry: toView(row), publicChange: change };
  });
}

/**
 * An entry about to change: its live blog locked and its rule checked, then the entry read
 * again under that lock (at the version the editor saw, when given). What the change refreshes.
 */
async function entryForChange(tx: Prisma.TransactionClient, actor: SessionUser, id: string, version?: number) {
  const read = async () => {
    const entry = await tx.liveEntry.findUnique({
      where: { id },
      select: { articleId: true, version: true, deletedAt: true },
    });
    if (!entry || entry.deletedAt) throw notFound("That entry");
    return entry;
  };
  const { change } = await editableBlog(tx, actor, (await read()).articleId);
  const entry = await read();
  if (version !== undefined && entry.version !== version)
    throw conflict("Someone changed this entry after you opened it: reload to see it as it is now.");
  return { articleId: entry.articleId, change };
}

export async function editLiveEntry(
  db: Db,
  actor: SessionUser,
  input: { id: string; version: number; body: unknown; keyEvent: string | null },
  now: Date,
): Promise<{ entry: LiveEntryView; publicChange: PublicChange | null }> {
  const { document, text } = checkedBody(input.body);
  return db.$transaction(async (tx) => {
    const { change } = await entryForChange(tx, actor, input.id, input.version);
    const row = await tx.liveEntry.update({
      where: { id: input.id },
      data: { ...written("EDITED", document, text, input.keyEvent, actor, now), version: { increment: 1 } },
      select: entrySelect,
    });
    return { entry: toView(row), publicChange: change };
  });
}

/** Off the page at once (on every instance), kept on record. */
export async function deleteLiveEntry(
  db: Db,
  actor: SessionUser,
  input: { id: string; version: number },
  now: Date,
): Promise<{ publicChange: PublicChange | null }> {
  return db.$transaction(async (tx) => {
    const { change } = await entryForChange(tx, actor, input.id, input.version);
    const row = await tx.liveEntry.update({
      where: { id: input.id },
      data: { deletedAt: now, pinnedAt: null, version: { increment: 1 } },
      select: { body: true, keyEvent: true },
    });
    await tx.liveEntryRevision.create({
      data: {
        entryId: input.id,
        action: "DELETED",
        body: row.body ?? {},
        keyEvent: row.keyEvent,
        editorId: actor.id,
        createdAt: now,
      },
    });
    return { publicChange: change && { ...change, takedown: true } };
  });
}

/** Pins an entry above the others (unpinning the one pinned before), or unpins it. */
export async function pinLiveEntry(
  db: Db,
  actor: SessionUser,
  input: { id: string; pinned: boolean },
  now: Date,
): Promise<{ publicChange: PublicChange | null }> {
  return db.$transaction(async (tx) => {
    const { articleId, change } = await entryForChange(tx, actor, input.id);
    if (input.pinned)
      await tx.liveEntry.updateMany({ where: { articleId, pinnedAt: { not: null } }, data: { pinnedAt: null } });
    await tx.liveEntry.update({ where: { id: input.id }, data: { pinnedAt: input.pinned ? now : null } });
    return { publicChange: change };
  });
}

/** Closes the live blog: no more entries; the page and JSON-LD say coverage ended. */
export async function endCoverage(
  db: Db,
  actor: SessionUser,
  articleId: string,
  now: Date,
): Promise<{ publicChange: PublicChange | null }> {
  return db.$transaction(async (tx) => {
    const { article, change } = await editableBlog(tx, actor, articleId);
    if (article.coverageEndedAt) throw conflict("Coverage of this live blog has ended already.");
    await tx.article.update({ where: { id: articleId }, data: { coverageEndedAt: now } });
    return { publicChange: change };
  });
}

/** The entries as the newsroom sees them (newest first), for whoever may read the story. */
export async function liveEntriesForNewsroom(db: Db, actor: SessionUser, articleId: string) {
  const { article } = readableBy(
    await db.article.findUnique({
      where: { id: articleId },
      select: { kind: true, coverageEndedAt: true, authors: { select: { userId: true } } },
    }),
    actor,
  );
  const rows = await db.liveEntry.findMany({
    where: { articleId, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: entrySelect,
  });
  return { kind: article.kind, coverageEndedAt: article.coverageEndedAt, entries: rows.map(toView) };
}

/** What readers see of a live blog: its entries newest first (the pinned one also on top), key events, when it changed. */
export async function publicLiveBlog(db: Db | Prisma.TransactionClient, articleId: string) {
  const rows = await db.liveEntry.findMany({
    where: { articleId, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: entrySelect,
  });
  const entries = rows.map(toView);
  return {
    entries,
    pinned: entries.find((e) => e.pinned) ?? null,
    keyEvents: entries.filter((e) => e.keyEvent).map((e) => ({ id: e.id, line: e.keyEvent ?? "", at: e.createdAt })),
    updatedAt: entries.reduce<Date | null>(
      (latest, e) => (!latest || e.updatedAt > latest ? e.updatedAt : latest),
      null,
    ),
  };
}
export type PublicLiveBlog = Awaited<ReturnType<typeof publicLiveBlog>>;
