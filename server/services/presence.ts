import type { DbOrTx } from "../db/client";
import { notFound } from "../errors";
import { visibleTo } from "./articles";
import type { SessionUser } from "./users";

/** Someone counts as "also editing" while their page has reported within this window. */
export const PRESENCE_WINDOW_MS = 45_000;

/** Records that `actor` has the article open and returns who else does. */
export async function heartbeat(
  db: DbOrTx,
  actor: SessionUser,
  articleId: string,
  now: Date,
): Promise<{ id: string; displayName: string }[]> {
  const article = await db.article.findFirst({ where: { id: articleId, ...visibleTo(actor) }, select: { id: true } });
  if (!article) throw notFound("That article");
  await db.editingPresence.upsert({
    where: { articleId_userId: { articleId, userId: actor.id } },
    update: { seenAt: now },
    create: { articleId, userId: actor.id, seenAt: now },
  });
  const others = await db.editingPresence.findMany({
    where: {
      articleId,
      userId: { not: actor.id },
      seenAt: { gt: new Date(now.getTime() - PRESENCE_WINDOW_MS) },
      user: { active: true },
    },
    orderBy: { seenAt: "desc" },
    select: { user: { select: { id: true, displayName: true } } },
  });
  return others.map((o) => o.user);
}

/** The page was closed: stop showing this user at once. */
export async function leave(db: DbOrTx, actor: SessionUser, articleId: string): Promise<void> {
  await db.editingPresence.deleteMany({ where: { articleId, userId: actor.id } });
}

/**
 * The article's current version, for an open workspace to notice changes made since it was
 * rendered (someone else's save or step, the scheduler) without reloading.
 */
export async function currentVersion(db: DbOrTx, actor: SessionUser, articleId: string): Promise<{ version: number }> {
  const article = await db.article.findFirst({
    where: { id: articleId, ...visibleTo(actor) },
    select: { version: true },
  });
  if (!article) throw notFound("That article");
  return article;
}
