import { formatInZone } from "@/lib/time-zone";
import type { Db } from "../db/client";
import { badRequest } from "../errors";
import { queueMail } from "../mail/outbox";
import { absoluteUrl } from "../site";
import { reviewDueAt, reviewNotice } from "../workflow/reminders";
import type { SessionUser } from "./users";
import { lockArticle, type WorkflowEnv } from "./workflow";

// "Review after N days": an editor asks to be reminded to look at a published story again (an
// evolving story, a correction to check). The sweep tells its authors and that editor once,
// late and saying so if Masthead was not running when it fell due.

/** Stories looked at per run; the rest wait for the next run. */
const SWEEP_BATCH = 200;

/** Sets (days) or clears (null) the reminder on a published story; editors (checked by the procedure). */
export async function setReviewReminder(
  db: Db,
  actor: SessionUser,
  input: { id: string; version: number; days: number | null },
  env: WorkflowEnv,
): Promise<{ reviewAt: Date | null }> {
  return db.$transaction(async (tx) => {
    const { article } = await lockArticle(tx, actor, input.id, input.version, env.timeZone);
    if (input.days !== null && article.status !== "PUBLISHED")
      throw badRequest("A review reminder is for a published story.", { days: ["Publish the story first"] });
    const reviewAt = input.days === null ? null : reviewDueAt(env.now, input.days);
    await tx.article.update({
      where: { id: article.id },
      data: { reviewAt, reviewSetById: reviewAt ? actor.id : null, reviewSentAt: null },
    });
    return { reviewAt };
  });
}

interface Due {
  id: string;
  headline: string;
  status: string;
  reviewAt: Date;
  reviewSentAt: Date | null;
  reviewSetById: string | null;
}

/** The sweep, run with the scheduler: due stories locked with SKIP LOCKED, each sent once. */
export async function sendReviewReminders(db: Db, now: Date, timeZone: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<Due[]>`
      SELECT id, headline, status::text AS status, "reviewAt", "reviewSentAt", "reviewSetById"
      FROM "Article"
      WHERE "reviewAt" <= ${now}::timestamp AND "reviewSentAt" IS NULL AND status = 'PUBLISHED'
      ORDER BY "reviewAt"
      LIMIT ${SWEEP_BATCH}
      FOR UPDATE SKIP LOCKED`;
    let sent = 0;
    for (const story of due) {
      const notice = reviewNotice({ ...story, live: story.status === "PUBLISHED" }, now);
      if (!notice) continue;
      const authors = await tx.articleAuthor.findMany({ where: { articleId: story.id }, select: { userId: true } });
      const people = [
        ...new Set([...authors.map((a) => a.userId), ...(story.reviewSetById ? [story.reviewSetById] : [])]),
      ];
      const late = notice.late ? " (sent late: Masthead was not running when it was due)" : "";
      const message = `Time to review “${story.headline}”: a reminder set for ${formatInZone(story.reviewAt, timeZone)}${late}.`;
      await tx.notification.createMany({
        data: people.map((userId) => ({
          userId,
          articleId: story.id,
          action: "REVIEW_DUE" as const,
          message,
          createdAt: now,
        })),
      });
      const mailTo = await tx.user.findMany({
        where: { id: { in: people }, active: true, mailActions: { has: "REVIEW_DUE" } },
        select: { email: true },
      });
      for (const { email } of mailTo)
        await queueMail(tx, {
          to: email,
          subject: message.length > 120 ? `${message.slice(0, 117)}…` : message,
          text: `${message}\n\n${absoluteUrl(`/newsroom/articles/${story.id}`)}`,
          kind: "notification",
        });
      await tx.article.update({ where: { id: story.id }, data: { reviewSentAt: now } });
      sent += 1;
    }
    return sent;
  });
}
