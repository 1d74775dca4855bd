import type { BudgetState } from "@/lib/budget";

// Deadline notices for budget lines, pure (the clock is an argument). Before a deadline the
// people on the line are reminded (by default two hours ahead); once it has passed without
// the copy being filed, the editor who assigned it is told. Each is sent once. A notice that
// fell due while Masthead was not running goes out late, once, and says so; a reminder whose
// deadline has already passed is not sent (the missed-deadline notice says it all).

export const DEFAULT_REMINDER_LEAD_MINUTES = 120;
/** A notice sent this long after it fell due is marked late. */
export const NOTICE_LATE_AFTER_MS = 2 * 60 * 1000;

/** Lines whose copy is still to come: a deadline concerns them. */
export const OPEN_STATES: readonly BudgetState[] = ["IDEA", "ASSIGNED", "IN_PROGRESS"];

export interface DeadlineFacts {
  deadline: Date | null;
  state: BudgetState;
  reminderSentAt: Date | null;
  overdueSentAt: Date | null;
}

export interface DeadlineNotices {
  /** Remind the people on it (late: it fell due a while ago). */
  soon: { late: boolean } | null;
  /** Tell the editor the deadline passed unfiled. */
  missed: { late: boolean } | null;
  /** The reminder will never be sent (its deadline passed first): mark it done. */
  skipReminder: boolean;
}

export function deadlineNotices(line: DeadlineFacts, now: Date, leadMs: number): DeadlineNotices {
  const none: DeadlineNotices = { soon: null, missed: null, skipReminder: false };
  if (!line.deadline || !OPEN_STATES.includes(line.state)) return none;
  const due = line.deadline.getTime();
  const remindAt = due - leadMs;
  const t = now.getTime();
  const passed = t >= due;
  return {
    soon: !line.reminderSentAt && t >= remindAt && !passed ? { late: t - remindAt > NOTICE_LATE_AFTER_MS } : null,
    missed: !line.overdueSentAt && passed ? { late: t - due > NOTICE_LATE_AFTER_MS } : null,
    skipReminder: !line.reminderSentAt && passed,
  };
}

/** A published story's "review after N days" reminder. */
export interface ReviewFacts {
  reviewAt: Date | null;
  reviewSentAt: Date | null;
  /** Only a story that is live is worth reviewing; a reminder on one taken down waits. */
  live: boolean;
}

/** Whether the review reminder is due now (once), and whether it goes out late. */
export function reviewNotice(story: ReviewFacts, now: Date): { late: boolean } | null {
  if (!story.reviewAt || story.reviewSentAt || !story.live) return null;
  const due = story.reviewAt.getTime();
  if (now.getTime() < due) return null;
  return { late: now.getTime() - due > NOTICE_LATE_AFTER_MS };
}

export const MAX_REVIEW_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When a reminder asked for now, N days ahead, falls due. */
export const reviewDueAt = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS);
