import { formatDuration } from "@/lib/time-zone";
import type { Db } from "../db/client";
import type { Clock } from "../clock";
import { menuSignature, storyChange, storyFootprint } from "../cache/tags";
import type { PublicCache } from "../public-cache";
import { publishableSelect, publishBlocker } from "./publishing";
import { sendDeadlineNotices } from "./reminders";
import { sendReviewReminders } from "./review-reminders";
import { writeStep } from "./workflow-write";

/** A publish this much after its time is recorded as late (the app was not running). */
export const LATE_AFTER_MS = 2 * 60 * 1000;
const BATCH = 25;

export interface SchedulerRun {
  published: string[];
  failed: string[];
}

/**
 * Publishes every scheduled article whose time has come, exactly once even with several app
 * instances on one database: each batch claims rows with FOR UPDATE SKIP LOCKED inside its
 * transaction, and re-checks their state under the lock. An article that fails its gates at
 * its time is not published; the reason is recorded for the editors' dashboard.
 */
export async function publishDueArticles(db: Db, clock: Clock, timeZone: string): Promise<SchedulerRun> {
  const run: SchedulerRun = { published: [], failed: [] };
  for (;;) {
    const handled = await db.$transaction(async (tx) => {
      const now = clock();
      const due = await tx.$queryRaw<{ id: string; scheduledFor: Date }[]>`
        SELECT id::text, "scheduledFor" FROM "Article"
        WHERE status = 'SCHEDULED' AND "scheduledFor" <= ${now} AND "scheduleFailure" IS NULL
        ORDER BY "scheduledFor" LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED`;
      for (const { id, scheduledFor } of due) {
        const article = await tx.article.findUniqueOrThrow({ where: { id }, select: publishableSelect });
        const blocker = publishBlocker(article, now, timeZone);
        const lateBy = now.getTime() - scheduledFor.getTime();
        // The rows are locked by this transaction, so no version check is needed.
        await writeStep(tx, {
          articleId: id,
          expectedVersion: null,
          from: "SCHEDULED",
          to: blocker ? "SCHEDULED" : "PUBLISHED",
          action: blocker ? "SCHEDULE_FAILED" : "SCHEDULED_PUBLISH",
          actor: null,
          note:
            blocker ??
            (lateBy > LATE_AFTER_MS
              ? `Published ${formatDuration(lateBy)} late: the app was not running at the scheduled time.`
              : null),
          now,
          headline: article.headline,
          ...(blocker ? { scheduleFailure: blocker } : { publish: "first" as const }),
        });
        (blocker ? run.failed : run.published).push(id);
      }
      return due.length;
    });
    if (handled < BATCH) return run;
  }
}

/**
 * One scheduler run, then a refresh of the pages it changed, if it published anything. The
 * stories were not live before, so the menu without them is the menu before the run: no query
 * on runs that publish nothing.
 */
export async function publishDueAndRefresh(
  db: Db,
  clock: Clock,
  timeZone: string,
  publicCache: PublicCache,
): Promise<SchedulerRun> {
  const run = await publishDueArticles(db, clock, timeZone);
  if (run.published.length === 0) return run;
  const [menuBefore, after] = await Promise.all([
    menuSignature(db, run.published),
    Promise.all(run.published.map((id) => storyFootprint(db, id))),
  ]);
  await publicCache.changed(storyChange([{ tags: [], menu: menuBefore }], after, false));
  return run;
}

/**
 * Runs the scheduler now and then every `intervalMs` (publishing what is due, then the budget's
 * deadline notices); returns a stop function.
 */
export function startScheduler(opts: {
  db: Db;
  clock: Clock;
  timeZone: string;
  intervalMs: number;
  publicCache: PublicCache;
  /** How long before a budget deadline its people are reminded (the deadline sweep). */
  reminderLeadMs: number;
  onError: (error: unknown) => void;
}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await publishDueAndRefresh(opts.db, opts.clock, opts.timeZone, opts.publicCache);
    } catch (error) {
      opts.onError(error);
    }
    try {
      await sendDeadlineNotices(opts.db, opts.clock(), opts.reminderLeadMs, opts.timeZone);
      await sendReviewReminders(opts.db, opts.clock(), opts.timeZone);
    } catch (error) {
      opts.onError(error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), opts.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
