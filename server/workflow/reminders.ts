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
