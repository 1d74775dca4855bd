import { describe, expect, it } from "vitest";
import {
  deadlineNotices,
  NOTICE_LATE_AFTER_MS,
  reviewDueAt,
  reviewNotice,
  type DeadlineFacts,
  type ReviewFacts,
} from "./reminders";

const HOUR = 3_600_000;
const deadline = new Date("2026-12-02T16:00:00Z");
const at = (offsetMs: number) => new Date(deadline.getTime() + offsetMs);
const line = (over: Partial<DeadlineFacts> = {}): DeadlineFacts => ({
  deadline,
  state: "ASSIGNED",
  reminderSentAt: null,
  overdueSentAt: null,
  ...over,
});
const LEAD = 2 * HOUR;

describe("deadline notices, on an injected clock", () => {
  it("reminds two hours ahead, not before", () => {
    expect(deadlineNotices(line(), at(-2 * HOUR - 1), LEAD).soon).toBeNull();
    expect(deadlineNotices(line(), at(-2 * HOUR), LEAD).soon).toEqual({ late: false });
    expect(deadlineNotices(line(), at(-2 * HOUR + 60_000), LEAD).soon).toEqual({ late: false });
  });

  it("a reminder due while Masthead was down goes out late, once", () => {
    expect(deadlineNotices(line(), at(-HOUR), LEAD).soon).toEqual({ late: true });
    expect(deadlineNotices(line({ reminderSentAt: at(-HOUR) }), at(-HOUR + 1000), LEAD).soon).toBeNull();
  });

  it("once the deadline has passed unfiled, the editor is told (late after downtime) and the reminder is dropped", () => {
    expect(deadlineNotices(line(), at(0), LEAD)).toEqual({ soon: null, missed: { late: false }, skipReminder: true });
    expect(deadlineNotices(line({ reminderSentAt: at(-2 * HOUR) }), at(3 * HOUR), LEAD)).toEqual({
      soon: null,
      missed: { late: true },
      skipReminder: false,
    });
    expect(deadlineNotices(line({ overdueSentAt: at(0) }), at(HOUR), LEAD).missed).toBeNull();
  });

  it.each(["FILED", "PUBLISHED", "KILLED"] as const)("says nothing for a line that is %s", (state) => {
    expect(deadlineNotices(line({ state }), at(HOUR), LEAD)).toEqual({ soon: null, missed: null, skipReminder: false });
  });

  it("says nothing without a deadline; the lead is configurable", () => {
    expect(deadlineNotices(line({ deadline: null }), at(0), LEAD).missed).toBeNull();
    expect(deadlineNotices(line(), at(-30 * 60_000), 15 * 60_000).soon).toBeNull();
    expect(deadlineNotices(line(), at(-14 * 60_000), 15 * 60_000).soon).toEqual({ late: false });
  });
});

describe("the review-after-N-days reminder", () => {
  const at = new Date("2026-12-10T09:00:00.000Z");
  const plus = (ms: number) => new Date(at.getTime() + ms);
  const cases: { name: string; facts: ReviewFacts; now: Date; want: { late: boolean } | null }[] = [
    { name: "none asked", facts: { reviewAt: null, reviewSentAt: null, live: true }, now: at, want: null },
    { name: "not yet due", facts: { reviewAt: at, reviewSentAt: null, live: true }, now: plus(-1), want: null },
    { name: "due now", facts: { reviewAt: at, reviewSentAt: null, live: true }, now: at, want: { late: false } },
    {
      name: "two minutes on, still on time",
      facts: { reviewAt: at, reviewSentAt: null, live: true },
      now: plus(NOTICE_LATE_AFTER_MS),
      want: { late: false },
    },
    {
      name: "due while Masthead was down: late",
      facts: { reviewAt: at, reviewSentAt: null, live: true },
      now: plus(3 * 3600_000),
      want: { late: true },
    },
    { name: "already sent", facts: { reviewAt: at, reviewSentAt: at, live: true }, now: plus(60_000), want: null },
    {
      name: "taken down since",
      facts: { reviewAt: at, reviewSentAt: null, live: false },
      now: plus(60_000),
      want: null,
    },
  ];
  it.each(cases)("$name", ({ facts, now, want }) => {
    expect(reviewNotice(facts, now)).toEqual(want);
  });

  it("falls due N whole days after it is asked for", () => {
    expect(reviewDueAt(at, 7).toISOString()).toBe("2026-12-17T09:00:00.000Z");
  });
});
