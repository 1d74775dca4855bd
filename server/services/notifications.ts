import type { DbOrTx } from "../db/client";

export async function listNotifications(db: DbOrTx, userId: string, limit = 50) {
  return db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      message: true,
      createdAt: true,
      readAt: true,
      articleId: true,
      budgetItemId: true,
      action: true,
    },
  });
}

export function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/**
 * Marks the user's own notifications as read: the given ones, those about one article (the
 * user opened it), or all of them when neither is given. Returns how many were unread.
 */
export async function markRead(
  db: DbOrTx,
  userId: string,
  which: { ids?: string[]; articleId?: string },
  now: Date,
): Promise<number> {
  const result = await db.notification.updateMany({
    where: {
      userId,
      readAt: null,
      ...(which.ids ? { id: { in: which.ids } } : {}),
      ...(which.articleId ? { articleId: which.articleId } : {}),
    },
    data: { readAt: now },
  });
  return result.count;
}
