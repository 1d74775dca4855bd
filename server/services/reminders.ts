import { formatInZone } from "@/lib/time-zone";
import type { Db } from "../db/client";
import type { WorkflowAction } from "../db/generated/client";
import { queueMail } from "../mail/outbox";
import { absoluteUrl } from "../site";
import { budgetState } from "../workflow/budget";
import { deadlineNotices } from "../workflow/reminders";

// The deadline sweep, run with the scheduler on every instance. Lines whose notice is due are
// locked with SKIP LOCKED and marked sent in the transaction that writes the notices: with
// two instances each line is taken by one, and a notice is written exactly once (or, if the
// transaction fails, not at all and again on the next run).

/** Lines looked at per run; the rest wait for the next run. */
const SWEEP_BATCH = 200;

export interface SweepResult {
  reminded: number;
  missed: number;
}

interface Due {
  id: string;
  title: string;
  deadline: Date;
  status: "IDEA" | "ASSIGNED" | "KILLED";
  articleStatus: Parameters<typeof budgetState>[1];
  reminderSentAt: Date | null;
  overdueSentAt: Date | null;
  createdById: string;
  assignedById: string | null;
}

async function notify(
  tx: Parameters<Parameters<Db["$transaction"]>[0]>[0],
  people: string[],
  item: Due,
  action: WorkflowAction,
  message: string,
  now: Date,
): Promise<void> {
  if (people.length === 0) return;
  await tx.notification.createMany({
    data: people.map((userId) => ({ userId, budgetItemId: item.id, action, message, createdAt: now })),
  });
  const mailTo = await tx.user.findMany({
    where: { id: { in: people }, active: true, mailActions: { has: action } },
    select: { email: true },
  });
  for (const { email } of mailTo)
    await queueMail(tx, {
      to: email,
      subject: message.length > 120 ? `${message.slice(0, 117)}…` : message,
      text: `${message}\n\n${absoluteUrl(`/newsroom/budget/${item.id}`)}`,
      kind: "notification",
    });
}

export async function sendDeadlineNotices(db: Db, now: Date, leadMs: number, timeZone: string): Promise<SweepResult> {
  return db.$transaction(async (tx) => {
    // Candidates: a deadline within the lead (or past) with a notice not yet sent, copy still to come.
    const due = await tx.$queryRaw<Due[]>`
      SELECT b.id, b.title, b.deadline, b.status, a.status AS "articleStatus",
        b."reminderSentAt", b."overdueSentAt", b."createdById", b."assignedById"
      FROM "BudgetItem" b LEFT JOIN "Article" a ON a.id = b."articleId"
      WHERE b.deadline IS NOT NULL
        AND b.deadline <= ${new Date(now.getTime() + leadMs)}::timestamp
        AND (b."reminderSentAt" IS NULL OR (b."overdueSentAt" IS NULL AND b.deadline <= ${now}::timestamp))
        AND ((b."articleId" IS NULL AND b.status <> 'KILLED') OR a.status IN ('DRAFT', 'CHANGES_REQUESTED', 'UNPUBLISHED'))
      ORDER BY b.deadline
      LIMIT ${SWEEP_BATCH}
      FOR UPDATE OF b SKIP LOCKED`;
    const result: SweepResult = { reminded: 0, missed: 0 };
    for (const item of due) {
      const notices = deadlineNotices(
        { ...item, state: budgetState(item.status, item.articleStatus ?? null) },
        now,
        leadMs,
      );
      const when = formatInZone(item.deadline, timeZone);
      const lateNote = " (sent late: Masthead was not running when it was due)";
      if (notices.soon) {
        const people = await tx.budgetAssignment.findMany({ where: { itemId: item.id }, select: { userId: true } });
        await notify(
          tx,
          [...new Set(people.map((p) => p.userId))],
          item,
          "DEADLINE_SOON",
          `Reminder: “${item.title}” is due at ${when}${notices.soon.late ? lateNote : ""}.`,
          now,
        );
        result.reminded += 1;
      }
      if (notices.missed) {
        await notify(
          tx,
          [item.assignedById ?? item.createdById],
          item,
          "DEADLINE_MISSED",
          `“${item.title}” was due at ${when} and has not been filed${notices.missed.late ? lateNote : ""}.`,
          now,
        );
        result.missed += 1;
      }
      if (notices.soon || notices.missed || notices.skipReminder)
        await tx.budgetItem.update({
          where: { id: item.id },
          data: {
            ...(notices.soon || notices.skipReminder ? { reminderSentAt: now } : {}),
            ...(notices.missed ? { overdueSentAt: now } : {}),
          },
        });
    }
    return result;
  });
}
