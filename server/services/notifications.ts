import type { DbOrTx } from "../db/client";

export async function listNotifications(db: DbOrTx, userId: string, limit = 50) {
  return db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, message: true, createdAt: true, readAt: true, articleId: true, action: true },
  });
}

export function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks the given notifications (only the user's own) as read; all of them when ids is omitted. */
export async function markRead(db: DbOrTx, userId: string, ids: string[] | undefined, now: Date): Promise<number> {
  const result = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: now },
  });
  return result.count;
}
