import type { DbOrTx } from "../db/client";
import type { WorkflowAction } from "../db/generated/client";

/** Who hears about a workflow step: the authors for their article's fate, editors for new submissions. */
export async function notifyWorkflowStep(
  tx: DbOrTx,
  step: { articleId: string; headline: string; action: WorkflowAction; actorId: string | null; actorName: string | null; note?: string | null },
): Promise<void> {
  const by = step.actorName ?? "The scheduler";
  const quoted = `“${step.headline}”`;
  const messages: Partial<Record<WorkflowAction, string>> = {
    SUBMIT: `${by} submitted ${quoted} for review.`,
    REQUEST_CHANGES: `${by} sent back ${quoted}: ${step.note ?? ""}`.trim(),
    APPROVE: `${by} approved ${quoted}.`,
    SCHEDULE: `${by} scheduled ${quoted}.`,
    PUBLISH: `${by} published ${quoted}.`,
    SCHEDULED_PUBLISH: `${quoted} was published as scheduled.`,
    SCHEDULE_FAILED: `${quoted} could not be published as scheduled: ${step.note ?? ""}`.trim(),
  };
  const message = messages[step.action];
  if (!message) return;

  const recipients =
    step.action === "SUBMIT" || step.action === "SCHEDULE_FAILED"
      ? await tx.user.findMany({ where: { active: true, role: { in: ["EDITOR", "ADMIN"] } }, select: { id: true } })
      : await tx.user.findMany({
          where: { active: true, authorships: { some: { articleId: step.articleId } } },
          select: { id: true },
        });
  const ids = recipients.map((r) => r.id).filter((id) => id !== step.actorId);
  if (ids.length === 0) return;
  await tx.notification.createMany({
    data: ids.map((userId) => ({ userId, articleId: step.articleId, action: step.action, actorId: step.actorId, message })),
  });
}

export async function listNotifications(db: DbOrTx, userId: string, limit = 50) {
  return db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
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
